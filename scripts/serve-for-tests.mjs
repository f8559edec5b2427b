// Starts the built Next.js server for Playwright and copies everything it prints to
// test-results/server.log, so the privacy test can prove no patient data reaches the logs.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';

const port = process.argv[2] ?? '3100';
mkdirSync('test-results', { recursive: true });
const log = createWriteStream('test-results/server.log', { flags: 'a' });
const child = spawn(
  process.execPath,
  // The production start (standalone server.js), so the browser tests run what is deployed.
  ['scripts/start.mjs', '-p', port, '-H', '127.0.0.1'],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
);
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  log.end();
  process.exit(code ?? 0);
});
