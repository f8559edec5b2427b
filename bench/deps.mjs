// Installs the benchmark-only packages (lighthouse, @react-pdf/renderer, autocannon) into
// bench/node_modules when they are missing or the lock file changed. They are kept out of the
// root install so `npm ci` for the app and the tests stays light; `npm run bench*` calls this.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const lock = `${BENCH}package-lock.json`;
const installed = `${BENCH}node_modules/.package-lock.json`;

if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.error('bench: installing benchmark packages into bench/node_modules (about 1 min)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: BENCH,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
