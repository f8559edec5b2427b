// Launcher of the `labs` CLI (`npm run --silent labs -- ...`). It bundles scripts/labs.ts with
// esbuild once per change of the sources (cached under .tmp/cli/<key>) and runs the bundle, so a
// run pays neither tsx's second process nor per-run TypeScript transpilation.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = [
  'lib',
  'scripts/cli',
  'server',
  'scripts/labs.ts',
  'package-lock.json',
  'tsconfig.json',
];

function collect(path, into) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collect(join(path, entry), into);
  } else {
    into.push(`${path}:${stat.size}:${stat.mtimeMs}`);
  }
}

const parts = [];
for (const root of ROOTS) collect(join(ROOT, root), parts);
const key = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
const outdir = join(ROOT, '.tmp', 'cli', key);

if (!existsSync(join(outdir, 'labs.js'))) {
  // Build beside the final folder, then rename: concurrent first runs never see half a bundle.
  const staging = `${outdir}.${process.pid}.tmp`;
  mkdirSync(staging, { recursive: true });
  // esbuild is loaded only when the bundle must be rebuilt: importing it costs ~0.1 s per run.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(ROOT, 'scripts', 'labs.ts')],
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outdir: staging,
    outExtension: { '.js': '.js' },
    packages: 'external',
    // The CLI runs server/ modules outside Next, where the `server-only` marker would throw.
    alias: { 'server-only': join(ROOT, 'node_modules', 'server-only', 'empty.js') },
    logLevel: 'error',
  });
  try {
    renameSync(staging, outdir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

await import(pathToFileURL(join(outdir, 'labs.js')).href);
