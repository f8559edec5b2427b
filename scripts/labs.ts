/**
 * The `labs` CLI: `npm run --silent labs -- <command> ...`. This file only dispatches; each
 * command lives in scripts/cli/ and gets its streams and today's date through `CliIo`.
 */
import { createProcessIo, EXIT } from './cli/io';
import type { CliIo } from './cli/io';
import { USAGE, usageError } from './cli/usage';

/**
 * Runs one command line.
 * @param argv - the arguments after the script name
 * @param io - the streams and today's date
 * @returns the exit code
 */
export async function runLabs(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'interpret': {
      const { runInterpretCommand } = await import('./cli/interpret');
      return runInterpretCommand(args, io);
    }
    case 'references': {
      const { runReferencesCommand } = await import('./cli/references');
      return runReferencesCommand(args, io);
    }
    case 'handout': {
      // Loaded on demand: the PDF stack is not needed (nor paid for at start-up) by other commands.
      const { runHandoutCommand } = await import('./cli/handout');
      return runHandoutCommand([...args], io);
    }
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case undefined:
      io.stderr.write(usageError('a command is required'));
      return EXIT.usage;
    default:
      io.stderr.write(usageError(`unknown command "${command}"`));
      return EXIT.usage;
  }
}

// A closed pipe (e.g. `labs interpret big.json | head`) ends the output; it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

runLabs(process.argv.slice(2), createProcessIo()).then(
  (code) => {
    // Set, not exit(): pending stdout writes to a pipe must finish first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `labs: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = EXIT.software;
  },
);
