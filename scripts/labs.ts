/**
 * The `labs` CLI process: `npm run --silent labs -- <command> ...`. It binds the dispatcher
 * (scripts/cli/run.ts) to this process's streams and clock; each command lives in scripts/cli/.
 */
import { createProcessIo, EXIT } from './cli/io';
import { runLabs } from './cli/run';

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
