/**
 * Failover benchmark: `npm run --silent bench:failover` (not part of `npm test`).
 *
 * Starts 3 instances of the standalone server (scripts/start.mjs, ports 3181-3183) behind
 * Debian's nginx with deploy/nginx.conf exactly as shipped (listening on 127.0.0.1:3180), sends
 * load with autocannon, kills one instance with SIGKILL half-way through each run, and prints
 * the requests per second before and after the kill and every failed client request.
 * Two runs: GET /api/references (idempotent: nginx retries it on another instance) and
 * POST /api/interpret (nginx passes a POST on only when it was never sent).
 *
 * Environment: BENCH_SECONDS (default 20 per run), BENCH_CONNECTIONS (default 10),
 * NEXT_DIST_DIR (default .next; built with `next build` when it has no standalone output).
 * Prints a table; exits 1 only when the set-up fails (figures are reported, not asserted).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const NGINX_CONF = join(ROOT, 'deploy', 'nginx.conf');
const LB = 'http://127.0.0.1:3180';

/** Instance ports: read from the shipped nginx.conf, so the test and the file cannot differ. */
const PORTS = [...readFileSync(NGINX_CONF, 'utf8').matchAll(/server 127\.0\.0\.1:(\d+)/g)].map(
  (m) => Number(m[1]),
);

interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number) => void): void;
  on(event: 'reqError', listener: (error: Error) => void): void;
  on(event: 'done', listener: (result: { errors: number; timeouts: number }) => void): void;
}
type Autocannon = (options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  duration: number;
  connections: number;
}) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const children: ChildProcess[] = [];

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function startInstance(port: number): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

interface RunFigures {
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly ok: number;
  readonly failed: number;
  readonly statuses: string;
  readonly nginx?: string;
}

/** One load run; `victim` is killed with SIGKILL at half time. */
function loadRun(
  name: string,
  options: { method: 'GET' | 'POST'; path: string; body?: string },
  victim: ChildProcess,
): Promise<RunFigures> {
  return new Promise((resolve) => {
    const start = Date.now();
    const killAt = start + (SECONDS * 1000) / 2;
    let killedAt = 0;
    let before = 0;
    let after = 0;
    let ok = 0;
    let failed = 0;
    const statuses = new Map<string, number>();
    const timer = setTimeout(() => {
      victim.kill('SIGKILL');
      killedAt = Date.now();
    }, killAt - start);
    const instance = autocannon({
      url: `${LB}${options.path}`,
      method: options.method,
      headers: options.body ? { 'content-type': 'application/json' } : {},
      body: options.body,
      duration: SECONDS,
      connections: CONNECTIONS,
    });
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
    instance.on('response', (_client, statusCode) => {
      if (killedAt === 0) before += 1;
      else after += 1;
      if (statusCode >= 200 && statusCode < 300) ok += 1;
      else failed += 1;
      count(String(statusCode));
    });
    instance.on('reqError', (error) => {
      failed += 1;
      count(`error ${error.message}`);
    });
    instance.on('done', (result) => {
      clearTimeout(timer);
      const end = Date.now();
      const killed = killedAt === 0 ? end : killedAt;
      resolve({
        name,
        before: before / ((killed - start) / 1000),
        after: after / Math.max(0.001, (end - killed) / 1000),
        ok,
        failed: failed + result.timeouts,
        statuses: [...statuses].map(([k, v]) => `${k}: ${v}`).join(', '),
      });
    });
  });
}

async function main(): Promise<void> {
  if (spawnSync('nginx', ['-v']).status !== 0) {
    throw new Error('nginx not found: apt-get install -y nginx');
  }
  if (!existsSync(join(ROOT, DIST_DIR, 'standalone', 'server.js'))) {
    console.error(`building into ${DIST_DIR} (next build)...`);
    // `next build` adds its dist dir to tsconfig.json's include; the file must stay as it is.
    const tsconfig = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
    const built = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    });
    writeFileSync(join(ROOT, 'tsconfig.json'), tsconfig);
    if (built.status !== 0) throw new Error('next build failed');
  }
  const prepared = spawnSync(process.execPath, ['scripts/start.mjs', '--prepare'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR },
  });
  if (prepared.status !== 0) throw new Error('standalone preparation failed');

  const prefix = mkdtempSync(join(tmpdir(), 'labs-nginx-'));
  mkdirSync(join(prefix, 'tmp'));
  for (const port of [3180, ...PORTS]) {
    if (await answers(`http://127.0.0.1:${port}/`)) throw new Error(`port ${port} is in use`);
  }
  const nginx = spawn('nginx', ['-p', prefix, '-c', NGINX_CONF, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(nginx);
  // nginx's error log (stderr): one line per upstream failure it saw, whether or not it retried.
  let nginxLog = '';
  nginx.stderr?.setEncoding('utf8').on('data', (chunk: string) => (nginxLog += chunk));

  const panel = JSON.stringify(
    (
      JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden.json'), 'utf8')) as Array<{
        panel: unknown;
      }>
    )[0]?.panel,
  );
  const runs: RunFigures[] = [];
  const scenarios = [
    { name: 'GET /api/references', method: 'GET' as const, path: '/api/references' },
    { name: 'POST /api/interpret', method: 'POST' as const, path: '/api/interpret', body: panel },
  ];
  try {
    for (const scenario of scenarios) {
      // Fresh instances for each run, so each run loses one of three.
      const instances = PORTS.map((port) => startInstance(port));
      await Promise.all(PORTS.map((port) => waitFor(`http://127.0.0.1:${port}/api/health`, 120)));
      await waitFor(`${LB}/api/health`, 20);
      const victim = instances[0];
      if (victim === undefined) throw new Error('no instance ports in deploy/nginx.conf');
      const logStart = nginxLog.length;
      const figures = await loadRun(scenario.name, scenario, victim);
      const lines = nginxLog.slice(logStart).split('\n');
      const refused = lines.filter((l) => l.includes('while connecting to upstream')).length;
      const reset = lines.filter((l) => l.includes('reading response header from upstream')).length;
      runs.push({ ...figures, nginx: `${refused} connect errors, ${reset} resets` });
      for (const child of instances) if (child.exitCode === null) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
  } finally {
    nginx.kill('SIGTERM');
    stopAll();
    rmSync(prefix, { recursive: true, force: true });
  }

  console.log(
    `\nFailover: ${PORTS.length} instances behind nginx (${LB}), ${CONNECTIONS} connections, ` +
      `${SECONDS} s per run, instance :${PORTS[0]} killed (SIGKILL) at ${SECONDS / 2} s\n`,
  );
  console.log(
    '| run | req/s before kill | req/s after kill | 2xx | failed | responses | nginx upstream errors (retried or not) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const run of runs) {
    console.log(
      `| ${run.name} | ${run.before.toFixed(0)} | ${run.after.toFixed(0)} | ${run.ok} | ${run.failed} | ${run.statuses} | ${run.nginx ?? ''} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  stopAll();
  process.exit(1);
});
