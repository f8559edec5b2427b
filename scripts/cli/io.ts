import { readFile } from 'node:fs/promises';

/** Exit codes of the `labs` CLI. */
export const EXIT = {
  ok: 0,
  /** A batch in which some panels could not be interpreted (the others were written). */
  partial: 1,
  /** Nothing valid: a bad single panel, a batch with no valid panel, or unreadable content. */
  invalid: 2,
  /** Unknown command or flag (sysexits EX_USAGE). */
  usage: 64,
  /** The input file cannot be read (sysexits EX_NOINPUT). */
  noInput: 66,
  /** Internal failure (sysexits EX_SOFTWARE). */
  software: 70,
} as const;

/** What a command may touch: its streams and the date. Commands never read `process` directly. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Progress is shown only when a person watches stderr. */
  readonly stderrIsTTY: boolean;
  /** Today's date (YYYY-MM-DD, local time): the CLI layer is the only place with a clock. */
  readonly today: string;
}

/**
 * The date of `now` in local time as YYYY-MM-DD.
 * @param now - the moment
 * @returns the local calendar date
 */
export function formatLocalDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * The real process streams and today's date.
 * @returns the I/O of this process
 */
export function createProcessIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    today: formatLocalDate(new Date()),
  };
}

/**
 * Reads a whole input: a file, or stdin for `-`.
 * @param source - a path or `-`
 * @param io - the streams
 * @returns the text, or a one-line reason it could not be read
 */
export async function readInput(
  source: string,
  io: CliIo,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    if (source === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of io.stdin) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      }
      return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
    }
    return { ok: true, text: await readFile(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : error instanceof Error
              ? error.message
              : String(error);
    return { ok: false, message: `cannot read ${source === '-' ? 'stdin' : source}: ${reason}` };
  }
}

/**
 * Writes text to a stream in chunks of about 64 KiB, waiting when the stream asks to (so a large
 * batch never sits in memory as one string, and a slow pipe is not flooded).
 */
export class ChunkedWriter {
  private buffer = '';
  private readonly stream: NodeJS.WritableStream;
  private readonly chunkSize: number;

  /**
   * @param stream - where to write
   * @param chunkSize - characters to collect before each write
   */
  constructor(stream: NodeJS.WritableStream, chunkSize = 64 * 1024) {
    this.stream = stream;
    this.chunkSize = chunkSize;
  }

  /**
   * Adds text; writes a chunk when enough has been collected.
   * @param text - the text
   * @returns a promise when the stream needs draining, otherwise undefined
   */
  write(text: string): Promise<void> | undefined {
    this.buffer += text;
    if (this.buffer.length < this.chunkSize) return undefined;
    return this.flush();
  }

  /**
   * Writes what has been collected and waits for the stream to drain if it asks to.
   * @returns when the stream accepts more
   */
  flush(): Promise<void> | undefined {
    if (this.buffer === '') return undefined;
    const chunk = this.buffer;
    this.buffer = '';
    if (this.stream.write(chunk)) return undefined;
    return new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }
}

/**
 * Writes lines to stderr (one per problem).
 * @param io - the streams
 * @param lines - the lines, without line ends
 */
export function writeErrors(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}
