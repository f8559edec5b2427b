/**
 * Hostile-input benchmark of the built server. Run: `npm run --silent bench:hostile`.
 *
 * Builds the app into its own dist dir, starts one instance as production does (scripts/start.mjs:
 * the standalone server, with LABS_API_TOKENS set) on loopback, measures GET /api/health latency
 * alone (baseline), then again while one client per kind sends a hostile request over and over
 * (the findings of issue 14: ReDoS values and keys, 21,800 empty panels, 100 bad panels, a 9 MB
 * body to a page, a declared 200 MiB body with and without a token, a chunked body past the
 * limit, a slow body, a Next-Action header, TRACE). Prints a table: health p50/p95/max with and
 * without the hostile load, and per hostile kind the count, statuses, p50 and max wall time;
 * plus the server's CPU time per hostile request (from /proc). The e2e specs
 * (tests/e2e/api-hostile.spec.ts) assert the answers; the times are here.
 * Goals: health p50 < 50 ms under load; no hostile request over 1 s (wall time bounds its CPU).
 * Straight to the instance, without nginx: TRACE gets Next.js's 500 and a 9 MB page body is read
 * to its end; in deployment nginx answers both (deploy/nginx.conf).
 *
 * Environment: BENCH_SECONDS (default 10 per phase), BENCH_PORT (default 3495),
 * BENCH_DIST_DIR (default .next-bench-hostile), BENCH_SKIP_BUILD=1 to reuse an existing build
 * (BENCH_DIST_DIR=.next BENCH_SKIP_BUILD=1: the one `npm run app` made).
 * Prints a table; exits 0 either way (speed is reported, not asserted).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3495);
const DIST_DIR = process.env.BENCH_DIST_DIR ?? '.next-bench-hostile';
const HEALTH_INTERVAL_MS = 50;
const CLK_TCK = 100;

const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden.json'), 'utf8')) as Array<{
  panel: Record<string, unknown>;
}>;
const basePanel = golden[0]?.panel ?? {};

/** One hostile request, as raw bytes on its own connection. */
interface Hostile {
  readonly name: string;
  /** The request head; the body (if any) follows as `body` or as streamed filler. */
  readonly head: string;
  readonly body?: string;
  /** Bytes of filler to stream after the head (for oversize bodies). */
  readonly streamBytes?: number;
  /** Send the body one byte every this many ms (a slow client). */
  readonly slowMs?: number;
  readonly chunked?: boolean;
}

/** The bench server's API token: every API request below carries it, unless it says otherwise. */
const TOKEN = 'bench-hostile-token-0123456789';
const AUTH = `Authorization: Bearer ${TOKEN}\r\n`;

const post = (path: string, body: string, type = 'application/json'): Hostile['head'] =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;

function hostileRequests(): Hostile[] {
  const redosValue = JSON.stringify({
    results: [{ analyte: 'vitamin-d', value: `${' '.repeat(65_200)}x`, unit: 'ng/mL' }],
  });
  const redosKey = JSON.stringify([
    {
      ...basePanel,
      results: [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL', [`${'a'.repeat(60_000)}\n`]: 1 }],
    },
  ]);
  const tabsValue = JSON.stringify({
    results: [{ analyte: 'magnesium', value: `${'\t'.repeat(200_000)}≥`, unit: 'mg/dL' }],
  });
  const emptyPanels = JSON.stringify(Array.from({ length: 21_800 }, () => ({})));
  const badPanels = JSON.stringify(
    Array.from({ length: 100 }, () => ({
      results: [{ analyte: 'iron', value: -1, unit: 'furlong' }],
    })),
  );
  return [
    {
      name: 'ReDoS value (65,200 spaces)',
      head: post('/api/interpret', redosValue),
      body: redosValue,
    },
    {
      name: 'ReDoS value (200,000 tabs)',
      head: post('/api/interpret', tabsValue),
      body: tabsValue,
    },
    { name: 'ReDoS key (60k + newline)', head: post('/api/interpret', redosKey), body: redosKey },
    { name: '21,800 empty panels', head: post('/api/interpret', emptyPanels), body: emptyPanels },
    { name: '100 bad panels (422)', head: post('/api/interpret', badPanels), body: badPanels },
    {
      name: '9 MB body to a page',
      head: `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n`,
      streamBytes: 9 * 1024 * 1024,
    },
    {
      name: 'declared 200 MiB',
      head: `POST /api/interpret HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
      streamBytes: 200 * 1024 * 1024,
    },
    {
      name: 'declared 200 MiB, no token',
      head: `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
      streamBytes: 200 * 1024 * 1024,
    },
    {
      name: 'chunked past 2 MiB',
      head: `POST /api/interpret HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      streamBytes: 8 * 1024 * 1024,
      chunked: true,
    },
    {
      name: 'slow body (1 byte / 200 ms)',
      head: `POST /api/interpret HTTP/1.1\r\nHost: x\r\n${AUTH}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      slowMs: 200,
    },
    {
      name: 'Next-Action header',
      head: `POST / HTTP/1.1\r\nHost: x\r\nNext-Action: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n`,
      body: '{}',
    },
    {
      name: 'TRACE (nginx answers it when deployed)',
      head: 'TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    },
  ];
}

/** Sends one hostile request; resolves with its status and wall time when the server answers. */
function sendHostile(request: Hostile, deadline: number): Promise<{ status: number; ms: number }> {
  return new Promise((resolve) => {
    const socket = connect(PORT, '127.0.0.1');
    const start = performance.now();
    let received = '';
    let done = false;
    let slowTimer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearInterval(slowTimer);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, ms: performance.now() - start });
    };
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      if (received.includes('\r\n\r\n')) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    setTimeout(finish, Math.max(0, deadline - Date.now()) + 35_000).unref();
    socket.on('connect', () => {
      socket.write(request.head);
      if (request.body !== undefined) socket.write(request.body);
      if (request.slowMs !== undefined) {
        slowTimer = setInterval(() => socket.write(' '), request.slowMs);
        return;
      }
      if (request.streamBytes === undefined) return;
      const chunk = Buffer.alloc(65_536, 0x20);
      const framed = request.chunked
        ? Buffer.concat([Buffer.from('10000\r\n'), chunk, Buffer.from('\r\n')])
        : chunk;
      let sent = 0;
      const pump = () => {
        while (!done && sent < request.streamBytes!) {
          sent += chunk.length;
          if (!socket.write(framed)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
  });
}

/**
 * Probes GET /api/health until `until`, in a worker thread: its own event loop, so the latency
 * measured is the server's, not this process's while it streams hostile bodies.
 */
async function probeHealth(until: number): Promise<number[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const latencies = [];
      while (Date.now() < workerData.until) {
        const start = performance.now();
        const response = await fetch(workerData.url);
        await response.arrayBuffer();
        latencies.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, workerData.intervalMs));
      }
      parentPort.postMessage(latencies);
    })();
  `;
  const worker = new Worker(code, {
    eval: true,
    workerData: {
      until,
      url: `http://127.0.0.1:${PORT}/api/health`,
      intervalMs: HEALTH_INTERVAL_MS,
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
  });
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat (12 and 13 after "comm) ").
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function build(): void {
  // `next build` adds its dist dir to tsconfig.json's include; the file must stay as it is.
  const tsconfig = readFileSync(join(ROOT, 'tsconfig.json'), 'utf8');
  try {
    const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error('next build failed');
  } finally {
    writeFileSync(join(ROOT, 'tsconfig.json'), tsconfig);
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') build();
  const server = spawn(
    process.execPath,
    ['scripts/start.mjs', '-p', String(PORT), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, LABS_API_TOKENS: TOKEN },
    },
  );
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) break;
      } catch {
        if (attempt > 600) throw new Error('server did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pid = server.pid ?? 0;

    const baseline = await probeHealth(Date.now() + SECONDS * 1000);

    const requests = hostileRequests();
    const deadline = Date.now() + SECONDS * 1000;
    const cpuBefore = cpuSeconds(pid);
    const results = requests.map(() => [] as Array<{ status: number; ms: number }>);
    const workers = requests.map(async (request, index) => {
      while (Date.now() < deadline) results[index]?.push(await sendHostile(request, deadline));
    });
    const underLoad = await probeHealth(deadline);
    await Promise.all(workers);
    const cpuUsed = cpuSeconds(pid) - cpuBefore;
    const total = results.reduce((sum, list) => sum + list.length, 0);

    const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    const ms = (value: number) => value.toFixed(1);
    console.log(`\nGET /api/health, probed every ${HEALTH_INTERVAL_MS} ms for ${SECONDS} s\n`);
    console.log(row(['phase', 'probes', 'p50 ms', 'p95 ms', 'max ms']));
    console.log(row(['---', '---:', '---:', '---:', '---:']));
    for (const [name, values] of [
      ['alone', baseline],
      [`with ${requests.length} hostile clients`, underLoad],
    ] as const) {
      console.log(
        row([
          name,
          String(values.length),
          ms(percentile(values, 50)),
          ms(percentile(values, 95)),
          ms(Math.max(...values)),
        ]),
      );
    }
    console.log(
      `\nHostile requests (${requests.length} clients, one kind each, back to back for ${SECONDS} s)\n`,
    );
    console.log(row(['kind', 'sent', 'statuses', 'p50 ms', 'max ms']));
    console.log(row(['---', '---:', '---', '---:', '---:']));
    requests.forEach((request, index) => {
      const list = results[index] ?? [];
      const statuses = [...new Set(list.map((result) => result.status))].sort().join(', ');
      const times = list.map((result) => result.ms);
      console.log(
        row([
          request.name,
          String(list.length),
          statuses,
          ms(percentile(times, 50)),
          ms(Math.max(0, ...times)),
        ]),
      );
    });
    console.log(
      `\nServer CPU during the hostile phase: ${cpuUsed.toFixed(2)} s for ${total} requests ` +
        `(${((cpuUsed / Math.max(1, total)) * 1000).toFixed(1)} ms per request).`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
