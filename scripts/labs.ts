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
    // Set, not exit(), while writes to a pipe are pending: they must finish first. With nothing
    // left to write, the process ends now rather than after Node tears down a heap that may hold
    // a whole parsed batch (about 15 ms on 100,000 panels in bench:interpret).
    process.exitCode = code;
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) {
      process.exit(code);
    }
  },
  (error: unknown) => {
    process.stderr.write(
      `labs: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = EXIT.software;
  },
);
