/**
 * Load benchmark of the built server. Run: `npm run --silent bench:load`.
 *
 * Builds the app into its own dist dir, starts one instance as production does (scripts/start.mjs:
 * the standalone server, one process; scale-out is bench/failover.ts), and runs autocannon for
 * BENCH_SECONDS (default 30) against each route: GET /api/health (the no-op baseline),
 * POST /api/interpret and POST /api/handout with a golden panel. Prints req/s, p50/p99 latency,
 * errors and the server's resident memory (VmRSS) before and after the measured runs.
 * Goals (2-core machine): interpret >= 70% of the no-op's req/s, handout >= 150 req/s, 0 errors,
 * RSS growth < 20% over the run.
 *
 * Environment: BENCH_SECONDS, BENCH_WARMUP_SECONDS (default 10 per route, not measured),
 * BENCH_CONNECTIONS (default 10), BENCH_PORT (default 3490),
 * BENCH_DIST_DIR (default .next-bench), BENCH_SKIP_BUILD=1 to reuse an existing build.
 * Prints a table; exits 0 either way (speed is reported, not asserted).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3490);
const DIST_DIR = process.env.BENCH_DIST_DIR ?? '.next-bench';
// Long enough for V8's heap to reach its working size under each route's load: measured, RSS
// climbs during the first ~15 s of PDF load and then stays flat, so a shorter warm-up would
// report heap sizing as growth.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const BASE = `http://127.0.0.1:${PORT}`;

/** The part of autocannon's result this benchmark reads (the package ships no types). */
interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly '2xx': number;
}
type Autocannon = (options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  duration: number;
  connections: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Target {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden.json'), 'utf8')) as Array<{
  panel: unknown;
}>;
const panel = JSON.stringify(golden[0]?.panel);
const TARGETS: readonly Target[] = [
  { name: 'GET /api/health (no-op)', method: 'GET', path: '/api/health' },
  { name: 'POST /api/interpret', method: 'POST', path: '/api/interpret', body: panel },
  {
    name: 'POST /api/handout',
    method: 'POST',
    path: '/api/handout?lang=en&paper=letter',
    body: panel,
  },
];

function build(): void {
  // `next build` adds its dist dir to tsconfig.json's include; the file must stay as it is.
  const tsconfig = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
  try {
    const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error('next build failed');
  } finally {
    writeFileSync(join(ROOT, 'tsconfig.json'), tsconfig);
  }
}

/** VmRSS of a process in MiB, from /proc (Linux). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kib / 1024;
}

/** A process and all its descendants (the cluster primary and its workers), from /proc. */
function processTree(pid: number): number[] {
  const childrenFile = `/proc/${pid}/task/${pid}/children`;
  const children = existsSync(childrenFile)
    ? readFileSync(childrenFile, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    : [];
  return [pid, ...children.flatMap(processTree)];
}

/** Resident memory of the whole server: the sum over its process tree. */
function treeRssMiB(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + rssMiB(member), 0);
}

async function waitForHealth(deadlineMs: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadlineMs) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function run(target: Target, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url: `${BASE}${target.path}`,
    method: target.method,
    headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
    body: target.body,
    duration: seconds,
    connections: CONNECTIONS,
  });
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync(join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.log(`building into ${DIST_DIR} ...`);
    build();
  }
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  const log = createWriteStream(join(ROOT, 'bench/out/load-server.log'));
  const server = spawn(
    process.execPath,
    ['scripts/start.mjs', '-p', String(PORT), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  );
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  try {
    await waitForHealth(Date.now() + 60_000);
    const pid = server.pid ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssCold = treeRssMiB(pid);
    // Warm-up (not measured): loads lazy modules (fonts, PDF code) and lets the JIT settle, so
    // "RSS at start" is the working size, not the empty process.
    for (const target of TARGETS) await run(target, WARMUP_SECONDS);
    const rssStart = treeRssMiB(pid);
    const [load1] = loadavg();
    console.log(
      `\n${SECONDS} s per route, ${CONNECTIONS} connections, one server instance ` +
        `(${processTree(pid).length} processes), ` +
        `load average before: ${fmt(load1 ?? 0, 2)}`,
    );

    const rows: Array<{ target: Target; result: AutocannonResult }> = [];
    for (const target of TARGETS) rows.push({ target, result: await run(target, SECONDS) });
    const rssEnd = treeRssMiB(pid);

    console.log('\n| route | req/s | p50 ms | p99 ms | errors | non-2xx |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const { target, result } of rows) {
      console.log(
        `| ${target.name} | ${fmt(result.requests.average)} | ${result.latency.p50} | ` +
          `${result.latency.p99} | ${result.errors + result.timeouts} | ${result.non2xx} |`,
      );
    }
    const growth = (rssEnd / rssStart - 1) * 100;
    console.log(
      `\nserver RSS: ${fmt(rssCold)} MiB cold, ${fmt(rssStart)} MiB after warm-up (start), ` +
        `${fmt(rssEnd)} MiB at the end: ${growth >= 0 ? '+' : ''}${fmt(growth, 1)}%`,
    );

    const [noop, interpretRow, handoutRow] = rows.map((row) => row.result);
    if (noop === undefined || interpretRow === undefined || handoutRow === undefined) return;
    const ratio = interpretRow.requests.average / noop.requests.average;
    const errors = rows.reduce(
      (sum, { result }) => sum + result.errors + result.timeouts + result.non2xx,
      0,
    );
    const goals: Array<[string, boolean]> = [
      [`interpret = ${fmt(ratio * 100)}% of the no-op (goal >= 70%)`, ratio >= 0.7],
      [
        `handout = ${fmt(handoutRow.requests.average)} req/s (goal >= 150)`,
        handoutRow.requests.average >= 150,
      ],
      [`errors = ${errors} (goal 0)`, errors === 0],
      [`RSS growth = ${fmt(growth, 1)}% (goal < 20%)`, growth < 20],
    ];
    console.log('');
    for (const [text, met] of goals) console.log(`${met ? 'met   ' : 'MISSED'}  ${text}`);
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
