/**
 * Benchmark of the clinician web app. Run: `npm run --silent bench:web`.
 *
 * 1. Builds the app into its own folder (.next-bench-web) and starts `next start` on it.
 * 2. Loads `/` in Debian's Chromium (Playwright) and sums the gzip size of every script the page
 *    requests before any interaction (gzipped here with zlib, level 9, as a CDN would serve
 *    them). Goal <= 160 kB. It then interprets a panel and asks for a handout, to show what loads
 *    only on demand (the interpreter, then the PDF code and fonts).
 *    Then the first handout, each time in a fresh browser context (cold cache): "warm" clicks
 *    when the results have been on screen for 2 s (the PDF code and the fonts the names need are
 *    prefetched when the browser is idle), "cold" clicks as soon as the results appear. Measured:
 *    ms from click to the download event, and the bytes (gzip) the handout added: everything
 *    fetched after Interpret was pressed, less what interpreting alone fetches. Goals: warm
 *    <= 150 ms, cold <= 400 ms, <= 250 kB for a Latin, Greek or Cyrillic name (CJK is shown for
 *    comparison: one block font per character, no HarfBuzz).
 * 3. Runs Lighthouse 12.2.3 (desktop preset) on `/`. Goals: performance >= 95, accessibility 100.
 *
 * Prints a table; exits 0 either way (speed is reported, not asserted: see the brief's rule on
 * timed assertions). Needs /usr/bin/chromium (or CHROME_PATH).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Page, Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_WEB_DIST reuses an existing build in that folder (no rebuild).
const DIST_DIR = process.env.BENCH_WEB_DIST ?? '.next-bench-web';
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3195);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROME = CHROMIUM_PATH;
const JS_BUDGET_BYTES = 160_000;
const GOAL_PERFORMANCE = 95;
const GOAL_ACCESSIBILITY = 100;
const CHROME_ARGS = CHROMIUM_ARGS;

const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function buildApp(): void {
  if (process.env.BENCH_WEB_DIST) return;
  // `next build` may add its dist folder to tsconfig.json's include: put the file back after.
  const tsconfig = readFileSync(`${ROOT}tsconfig.json`, 'utf8');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (readFileSync(`${ROOT}tsconfig.json`, 'utf8') !== tsconfig) {
    writeFileSync(`${ROOT}tsconfig.json`, tsconfig);
  }
  if (result.status !== 0) throw new Error('next build failed');
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'],
    { cwd: ROOT, env, stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error('the server did not start');
}

interface Loaded {
  readonly url: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Records every script and font response (body size and its gzip size) while attached. */
function recordAssets(page: Page): { scripts: Loaded[]; fonts: Loaded[] } {
  const scripts: Loaded[] = [];
  const fonts: Loaded[] = [];
  page.on('response', (response: Response) => {
    const type = response.request().resourceType();
    const isFont = response.url().endsWith('.ttf');
    if (type !== 'script' && !isFont) return;
    void response
      .body()
      .then((body) => {
        const entry = {
          url: response.url().replace(BASE, ''),
          bytes: body.length,
          gzipBytes: gzipSync(body, { level: 9 }).length,
        };
        (isFont ? fonts : scripts).push(entry);
      })
      .catch(() => undefined);
  });
  return { scripts, fonts };
}

/**
 * One first handout in a fresh context: ms from click to file, and what was fetched for it.
 * @param waitMs - how long the results stay on screen before the click
 * @param name - the patient name
 * @param interpretOnly - paths that interpreting alone fetches (not counted)
 * @returns click-to-file ms and the gzip bytes the handout added
 */
async function measureFirstHandout(
  waitMs: number,
  name: string,
  interpretOnly: ReadonlySet<string>,
) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
    const fetched: Array<Promise<number>> = [];
    let recording = false;
    page.on('response', (response: Response) => {
      if (!recording || interpretOnly.has(response.url().replace(BASE, ''))) return;
      fetched.push(
        response
          .body()
          .then((body) => gzipSync(body, { level: 9 }).length)
          .catch(() => 0),
      );
    });
    const nameBox = page.getByRole('textbox', { name: /patient name/i });
    if ((await nameBox.count()) > 0) await nameBox.first().fill(name);
    await page.getByRole('textbox', { name: 'Vitamin D value' }).fill('12');
    recording = true;
    await page.getByRole('button', { name: 'Interpret', exact: true }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await page.waitForTimeout(waitMs);
    const download = page.waitForEvent('download', { timeout: 30_000 });
    const clicked = performance.now();
    await page.getByRole('button', { name: /handout/i }).click();
    await download;
    const ms = performance.now() - clicked;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const bytes = (await Promise.all(fetched)).reduce((total, size) => total + size, 0);
    return { ms, bytes };
  } finally {
    await browser.close();
  }
}

const sum = (list: readonly Loaded[]) => list.reduce((total, item) => total + item.gzipBytes, 0);

async function measureScripts() {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS });
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    // No idle prefetch here, so what interpreting loads and what the handout loads stay apart
    // (the idle callback would fetch the PDF code while the results settle).
    await page.addInitScript(() => {
      window.requestIdleCallback = (callback) => window.setTimeout(callback, 600_000);
      window.cancelIdleCallback = (id) => window.clearTimeout(id);
    });
    const assets = recordAssets(page);
    await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const initial = [...assets.scripts];

    await page.getByRole('textbox', { name: 'Vitamin D value' }).fill('12');
    await page.getByRole('button', { name: 'Interpret', exact: true }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await page.waitForLoadState('networkidle');
    const afterInterpret = assets.scripts.slice(initial.length);

    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByRole('button', { name: /handout/i }).click();
    await download;
    await page.waitForLoadState('networkidle');
    // Response bodies are read asynchronously: let the last ones land.
    await page.waitForTimeout(1000);
    const afterHandout = assets.scripts.slice(initial.length + afterInterpret.length);
    return { initial, afterInterpret, afterHandout, fonts: [...assets.fonts] };
  } finally {
    await browser.close();
  }
}

function runLighthouse(): { performance: number; accessibility: number; audits: string } {
  mkdirSync(`${ROOT}bench/out`, { recursive: true });
  const output = `${ROOT}bench/out/lighthouse-web.json`;
  const result = spawnSync(
    `${ROOT}bench/node_modules/.bin/lighthouse`,
    [
      `${BASE}/`,
      '--preset=desktop',
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
      `--chrome-flags=--headless=new ${CHROME_ARGS.join(' ')}`,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: CHROME },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('lighthouse failed');
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { displayValue?: string }>;
  };
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => report.audits[id]?.displayValue ?? 'n/a';
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    audits: `FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}`,
  };
}

function printTable(rows: ReadonlyArray<readonly [string, string, string, string]>): void {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`);
    if (index === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  console.log(`Building into ${DIST_DIR} ...`);
  buildApp();
  const server = await startServer();
  try {
    const scripts = await measureScripts();
    console.log('\nScripts requested by / before any interaction (gzip -9):');
    for (const script of scripts.initial) {
      console.log(`  ${script.url}  ${kb(script.bytes)} raw, ${kb(script.gzipBytes)} gzip`);
    }
    const handouts: Array<
      readonly [string, string, number, number | null, { ms: number; bytes: number }]
    > = [];
    const interpretOnly = new Set(scripts.afterInterpret.map((script) => script.url));
    for (const [label, wait, name] of [
      ['warm: results on screen 2 s, Latin name', 2000, 'Ana García'],
      ['warm: results on screen 2 s, Greek name', 2000, 'Νίκος Παπαδόπουλος'],
      ['warm: results on screen 2 s, Cyrillic name', 2000, 'Дмитрий Смирнов'],
      ['cold: click at once, Latin name', 0, 'Ana García'],
      ['cold: click at once, Cyrillic name', 0, 'Дмитрий Смирнов'],
      ['warm: results on screen 2 s, CJK name', 2000, '王小明'],
      ['cold: click at once, CJK name', 0, '王小明'],
    ] as const) {
      // Best of three: the machine is shared.
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await measureFirstHandout(wait, name, interpretOnly));
      const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
      // The 250 kB goal is for Latin, Greek and Cyrillic names; a CJK name is shown for comparison.
      const bytesGoal = label.includes('CJK') ? null : 250_000;
      handouts.push([label, name, wait === 0 ? 400 : 150, bytesGoal, best]);
    }
    const lighthouse = runLighthouse();
    const initial = sum(scripts.initial);
    console.log('');
    printTable([
      ['metric', 'measured', 'goal', 'met'],
      [
        `initial JS of / (${scripts.initial.length} scripts, gzip)`,
        kb(initial),
        `<= ${kb(JS_BUDGET_BYTES)}`,
        initial <= JS_BUDGET_BYTES ? 'yes' : 'NO',
      ],
      [
        'loaded on first interpret (interpreter)',
        `${kb(sum(scripts.afterInterpret))} (${scripts.afterInterpret.length} scripts)`,
        'on demand only',
        '-',
      ],
      [
        'loaded on handout request (PDF code)',
        `${kb(sum(scripts.afterHandout))} (${scripts.afterHandout.length} scripts)`,
        'on demand only',
        '-',
      ],
      [
        'handout fonts (gzip)',
        `${kb(sum(scripts.fonts))} (${scripts.fonts.length} files)`,
        'on demand only',
        '-',
      ],
      [
        'Lighthouse performance (desktop)',
        String(lighthouse.performance),
        `>= ${GOAL_PERFORMANCE}`,
        lighthouse.performance >= GOAL_PERFORMANCE ? 'yes' : 'NO',
      ],
      [
        'Lighthouse accessibility',
        String(lighthouse.accessibility),
        `= ${GOAL_ACCESSIBILITY}`,
        lighthouse.accessibility >= GOAL_ACCESSIBILITY ? 'yes' : 'NO',
      ],
    ]);
    console.log('\nFirst handout (fresh context each, best of 3; bytes the handout added, gzip):');
    printTable([
      ['run', 'click to file', 'fetched', 'goal'],
      ...handouts.map(
        ([label, , msGoal, bytesGoal, best]) =>
          [
            label,
            `${best.ms.toFixed(0)} ms`,
            kb(best.bytes),
            bytesGoal === null
              ? `<= ${msGoal} ms (no size goal): ${best.ms <= msGoal ? 'yes' : 'NO'}`
              : `<= ${msGoal} ms, <= ${kb(bytesGoal)}: ${best.ms <= msGoal && best.bytes <= bytesGoal ? 'yes' : 'NO'}`,
          ] as const,
      ),
    ]);
    console.log(`\nLighthouse metrics: ${lighthouse.audits}`);
    // Timings on a shared machine mean little without its load: print it beside them.
    console.log(
      `Machine load (1-min average) at start / end: ${loadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
    console.log('Full report: bench/out/lighthouse-web.json');
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
