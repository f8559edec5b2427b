// Installs the benchmark-only packages (lighthouse, @react-pdf/renderer, autocannon) into
// bench/node_modules when they are missing or the lock file changed. They are kept out of the
// root install so `npm ci` for the app and the tests stays light; `npm run bench*` calls this.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// `npm run app` installs the root without devDependencies (tsx and the other tools the
// benchmarks run): replace that install with a full one, as scripts/test.sh does.
const marker = `${ROOT}node_modules/.labs-install`;
if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === 'app') {
  console.error('bench: installing the devDependencies too (npm ci, about 1-2 min)...');
  const full = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (full.status !== 0) process.exit(full.status ?? 1);
  writeFileSync(marker, 'full\n');
}
const lock = `${BENCH}package-lock.json`;
const installed = `${BENCH}node_modules/.package-lock.json`;

if (!existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs) {
  console.error('bench: installing benchmark packages into bench/node_modules (about 1 min)...');
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: BENCH,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
