/**
 * The `labs` dispatcher: one command line in, an exit code out. It touches nothing of the process;
 * streams and today's date come in through `CliIo`, so tests run it in-process.
 */
import { EXIT } from './io';
import type { CliIo } from './io';
import { USAGE, usageError } from './usage';

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
      const { runInterpretCommand } = await import('./interpret');
      return runInterpretCommand(args, io);
    }
    case 'references': {
      const { runReferencesCommand } = await import('./references');
      return runReferencesCommand(args, io);
    }
    case 'handout': {
      // Loaded on demand: the PDF stack is not needed (nor paid for at start-up) by other commands.
      const { runHandoutCommand } = await import('./handout');
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
