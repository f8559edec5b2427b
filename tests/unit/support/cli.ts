/** Runs a `labs` command in this process, with its streams and clock injected (scripts/cli/io.ts). */
import { PassThrough } from 'node:stream';
import type { CliIo } from '@/scripts/cli/io';

/** What a command run wrote and returned. */
export interface CliRun {
  readonly code: number;
  /** stdout as UTF-8 text, and as bytes (a PDF written to stdout). */
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
}

/** Collects everything written to a stream. */
function collect(stream: PassThrough): () => Buffer {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  return () => Buffer.concat(chunks);
}

/**
 * Runs `command` as scripts/labs.ts would, with collected streams.
 * @param command - runLabs, or one command's entry (runInterpretCommand, runHandoutCommand)
 * @param args - the arguments after `labs` (or after the command's name)
 * @param options - `stdin` text (default empty) and the injected `today` (default 2026-11-25)
 * @returns the exit code and what was written
 */
export async function runCli(
  command: (args: string[], io: CliIo) => Promise<number>,
  args: readonly string[],
  options: { readonly stdin?: string; readonly today?: string } = {},
): Promise<CliRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  stdin.end(options.stdin ?? '');
  const code = await command([...args], {
    stdin,
    stdout,
    stderr,
    stderrIsTTY: false,
    today: options.today ?? '2026-11-25',
  });
  stdout.end();
  stderr.end();
  const bytes = out();
  return {
    code,
    stdout: bytes.toString('utf8'),
    stdoutBytes: bytes,
    stderr: err().toString('utf8'),
  };
}
