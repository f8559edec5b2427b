// Launcher of the `labs` CLI (`npm run --silent labs -- ...`). It bundles scripts/labs.ts with
// esbuild once per change of the sources (cached under .tmp/cli/<key>) and runs the bundle, so a
// run pays neither tsx's second process nor per-run TypeScript transpilation.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = [
  'lib',
  'scripts/cli',
  'server',
  'scripts/labs.ts',
  // This file: it decides how the bundle is built.
  'scripts/labs.mjs',
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

/**
 * Marks every package import external (esbuild's `packages: 'external'`) but those every
 * `labs interpret` run loads: zod, csv-parse and @medplum/core (the HL7 reader).
 */
function keepPackagesExternal(build) {
  build.onResolve({ filter: /^[^./]/ }, (args) => {
    // Our own `@/` paths and the aliased `server-only` marker are resolved as usual.
    if (/^(zod|server-only|csv-parse|@medplum\/core)(\/|$)|^@\//.test(args.path)) return undefined;
    return { path: args.path, external: true };
  });
}

/**
 * The cache key of a text, 16 hex digits: two 32-bit FNV-1a lanes with different offsets (the
 * second also mixes in the first's top byte). A key needs no cryptographic strength, and
 * node:crypto costs a run about 7 ms to load (bench:interpret).
 */
function cacheKeyOf(text) {
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code ^ (low >>> 24), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

const parts = [];
for (const root of ROOTS) collect(join(ROOT, root), parts);
const key = cacheKeyOf(parts.join('\n'));
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
    // Packages stay in node_modules (the handout's pdf-lib, fontkit and HarfBuzz load files of
    // their own), except the ones every document read loads: zod as ~100 separate modules cost
    // about 0.1 s of CPU per run to resolve, read and compile, bundled (and compile-cached,
    // below) about a third of that; csv-parse and @medplum/core a further ~15 ms.
    plugins: [{ name: 'packages-external-but-the-readers', setup: keepPackagesExternal }],
    // The CLI runs server/ modules outside Next, where the `server-only` marker would throw.
    alias: {
      'server-only': join(ROOT, 'node_modules', 'server-only', 'empty.js'),
      // lib/ imports csv-parse's browser build (the screen reads CSV too); in Node the package's
      // own Node build is the same parser without the bundled Buffer and stream polyfills.
      'csv-parse/browser/esm/sync': 'csv-parse/sync',
    },
    logLevel: 'error',
  });
  try {
    renameSync(staging, outdir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

// V8's compiled code of the bundle, kept beside it: a run then skips most of the parsing and
// compiling of ~1 MB of JavaScript (Node checks each entry against the source it was made from).
enableCompileCache(join(outdir, 'compile-cache'));
await import(pathToFileURL(join(outdir, 'labs.js')).href);
