/**
 * Benchmark of interpret() and the `labs interpret` CLI. Run: `npm run --silent bench:interpret`.
 *
 * 1. In-process: results per second over 300,000 generated results (100,000 panels of 3, mixed
 *    analytes, units, censored values, rule sets, context and lab ranges). Goal >= 1,000,000/s.
 * 2. CLI: wall time of `labs interpret FILE --format csv` on 100,000 panels, against a baseline
 *    node script that only reads and JSON-parses the same file. Goal <= 3x the baseline. Measured
 *    as `npm run labs` runs it: scripts/labs.mjs, which runs a cached esbuild bundle.
 *
 * Prints a table with wall and CPU time (on a busy machine wall time also measures the other
 * processes) and the CSV output's sha256 (a pure speed change must leave it as it was); exits 0
 * either way: speed is reported here, never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interpret } from '../lib/interpret';
import type { Panel } from '../lib/schemas';
import type { AnalyteId } from '../lib/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const IN_PROCESS_PANELS = 100_000;
const CLI_PANELS = 100_000;
const RUNS = 5;
const IN_PROCESS_RUNS = 5;
const AS_OF = '2026-11-25';

/** A small deterministic PRNG (mulberry32), so every run measures the same panels. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Generator = () => number;

/** Realistic value ranges per analyte and unit (mostly within the assay range, a few outside). */
interface Profile {
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  readonly decimals: number;
}

const PROFILES: Readonly<Record<AnalyteId, readonly Profile[]>> = {
  'vitamin-d': [
    { unit: 'ng/mL', low: 4, high: 90, decimals: 0 },
    { unit: 'nmol/L', low: 10, high: 225, decimals: 0 },
    { unit: 'ug/L', low: 4, high: 90, decimals: 1 },
  ],
  'vitamin-b12': [
    { unit: 'pg/mL', low: 90, high: 1600, decimals: 0 },
    { unit: 'pmol/L', low: 66, high: 1180, decimals: 0 },
    { unit: 'ng/L', low: 90, high: 1600, decimals: 0 },
  ],
  magnesium: [
    { unit: 'mg/dL', low: 1.2, high: 3.0, decimals: 1 },
    { unit: 'mmol/L', low: 0.5, high: 1.2, decimals: 2 },
    { unit: 'mEq/L', low: 1.0, high: 2.4, decimals: 1 },
  ],
};

const RULE_SETS = {
  'vitamin-d': ['endocrine-society-2011', 'iom-2011'],
  'vitamin-b12': ['b12-common', 'b12-wide-350', 'b12-wide-400'],
  magnesium: ['mg-rosanoff-2022', 'mg-conventional'],
} as const;
const CONTEXTS = ['metformin', 'ppi', 'ckd', 'pregnancy', 'age-65-plus', 'biotin'] as const;

function pick<T>(random: Generator, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function generateResult(random: Generator, analyte: AnalyteId) {
  const profile = pick(random, PROFILES[analyte]);
  const raw = profile.low + random() * (profile.high - profile.low);
  const value = Number(raw.toFixed(profile.decimals)) || profile.low;
  const roll = random();
  // ~6% censored ("<5", ">150"), ~20% written as text, the rest numbers; ~10% with a lab range.
  const written =
    roll < 0.03
      ? `<${profile.low}`
      : roll < 0.06
        ? `>${profile.high}`
        : roll < 0.26
          ? String(value)
          : value;
  return {
    analyte,
    value: written,
    unit: profile.unit,
    ...(random() < 0.1
      ? { labRange: { low: Number((profile.low * 1.5).toFixed(2)), high: profile.high } }
      : {}),
  };
}

/**
 * Panels of three results (vitamin D, B12 and magnesium in a random order).
 * @param count - how many panels
 * @param seed - PRNG seed
 * @returns the panels
 */
function generatePanels(count: number, seed: number): Panel[] {
  const random = createRandom(seed);
  const panels: Panel[] = [];
  for (let index = 0; index < count; index++) {
    const analytes = (['vitamin-d', 'vitamin-b12', 'magnesium'] as const)
      .map((analyte) => ({ analyte, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((entry) => entry.analyte);
    const panel: Panel = {
      id: `B${index + 1}`,
      collectedOn: '2026-11-20',
      ...(random() < 0.2 ? { context: [pick(random, CONTEXTS)] } : {}),
      ...(random() < 0.2
        ? {
            ruleSets: {
              'vitamin-d': pick(random, RULE_SETS['vitamin-d']),
              'vitamin-b12': pick(random, RULE_SETS['vitamin-b12']),
              magnesium: pick(random, RULE_SETS.magnesium),
            },
          }
        : {}),
      results: analytes.map((analyte) => generateResult(random, analyte)),
    };
    panels.push(panel);
  }
  return panels;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * CPU time (user + system) of this process's waited-for children, from /proc (Linux). Wall time
 * on a busy machine measures the neighbours too; CPU time shows what the command itself costs.
 * @returns milliseconds, or undefined where /proc is not available
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; cutime/cstime are 16/17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

// USER_HZ is 100 on every mainstream Linux build.
const CLOCK_TICKS_PER_SECOND = 100;

function measureInProcess(panels: readonly Panel[]): {
  resultsPerSecond: number;
  resultsPerCpuSecond: number;
  valid: number;
} {
  // Warm-up: let V8 optimise the hot paths before timing.
  for (let index = 0; index < 20_000; index++)
    interpret(panels[index % panels.length], { asOf: AS_OF });
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let valid = 0;
  for (let run = 0; run < IN_PROCESS_RUNS; run++) {
    let results = 0;
    valid = 0;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const panel of panels) {
      const outcome = interpret(panel, { asOf: AS_OF });
      if (outcome.ok) {
        valid += 1;
        results += outcome.value.results.length;
      }
    }
    rates.push((results / (performance.now() - start)) * 1000);
    const cpu = process.cpuUsage(cpuStart);
    cpuRates.push((results / (cpu.user + cpu.system)) * 1e6);
  }
  // The best run: the one least disturbed by other processes and by GC of the warm-up.
  return {
    resultsPerSecond: Math.max(...rates),
    resultsPerCpuSecond: Math.max(...cpuRates),
    valid,
  };
}

interface Timing {
  ms: number;
  cpuMs: number | undefined;
  status: number | null;
  stderr: string;
}

interface Command {
  readonly args: readonly string[];
  readonly outFile: string;
}

function runOnce(command: Command): {
  ms: number;
  cpuMs: number | undefined;
  status: number | null;
  stderr: string;
} {
  const fd = openSync(command.outFile, 'w');
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const child = spawnSync(process.execPath, command.args, {
    cwd: ROOT,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  closeSync(fd);
  return {
    ms,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    status: child.status,
    stderr: child.stderr.toString().slice(0, 500),
  };
}

/**
 * Runs the commands in turn, RUNS rounds, and takes each one's median: taking turns means a
 * neighbour's load that comes and goes falls on both the baseline and the CLI.
 */
function timeCommands(commands: readonly Command[]): Timing[] {
  const runs = commands.map(() => [] as Array<ReturnType<typeof runOnce>>);
  for (let round = 0; round < RUNS; round++) {
    commands.forEach((command, index) => runs[index]?.push(runOnce(command)));
  }
  return runs.map((list) => {
    const cpu = list.flatMap((run) => (run.cpuMs === undefined ? [] : [run.cpuMs]));
    const last = list[list.length - 1];
    return {
      ms: median(list.map((run) => run.ms)),
      cpuMs: cpu.length === RUNS ? median(cpu) : undefined,
      status: last?.status ?? null,
      stderr: last?.stderr ?? '',
    };
  });
}

function formatRow(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
}

function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  console.log(formatRow(header, widths));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(formatRow(row, widths));
}

async function main(): Promise<void> {
  // Every surface (API, CLI, paste) hands interpret() objects made by JSON.parse, so the bench
  // does too: objects built with conditional spreads have other (slower, megamorphic) shapes.
  const panels = JSON.parse(JSON.stringify(generatePanels(IN_PROCESS_PANELS, 42))) as Panel[];
  const inProcess = measureInProcess(panels);

  const dir = mkdtempSync(join(tmpdir(), 'labs-bench-'));
  try {
    const input = join(dir, 'panels.json');
    writeFileSync(input, JSON.stringify(generatePanels(CLI_PANELS, 7)));
    const baselineScript = join(dir, 'parse-only.mjs');
    writeFileSync(
      baselineScript,
      "import { readFileSync } from 'node:fs';\nconst panels = JSON.parse(readFileSync(process.argv[2], 'utf8'));\nif (!Array.isArray(panels)) process.exit(1);\n",
    );
    const output = join(dir, 'out.csv');
    // Warm the launcher's esbuild cache first so the timed runs measure the CLI, not the bundling.
    runOnce({ args: [join(ROOT, 'scripts/labs.mjs'), 'help'], outFile: join(dir, 'help.out') });
    const [baseline, cli] = timeCommands([
      { args: [baselineScript, input], outFile: join(dir, 'base.out') },
      {
        args: [
          join(ROOT, 'scripts/labs.mjs'),
          'interpret',
          input,
          '--format',
          'csv',
          '--as-of',
          AS_OF,
        ],
        outFile: output,
      },
    ]);
    if (baseline === undefined || cli === undefined) throw new Error('no timings');
    const csvBytes = statSync(output).size;
    // The output's hash: a change meant to be a speed-up only must leave it as it was.
    const csvHash = createHash('sha256').update(readFileSync(output)).digest('hex');
    if (cli.status !== 0) console.error(`labs exited ${cli.status}: ${cli.stderr}`);

    const rate = inProcess.resultsPerSecond;
    const cpuText = (run: { cpuMs: number | undefined }) =>
      run.cpuMs === undefined
        ? 'n/a'
        : `${run.cpuMs.toFixed(0)} ms = ${(run.cpuMs / (baseline.cpuMs ?? Number.NaN)).toFixed(2)}x`;
    const ratio = (run: { ms: number }) =>
      `${run.ms.toFixed(0)} ms = ${(run.ms / baseline.ms).toFixed(2)}x`;
    const met = (run: { ms: number }) => (run.ms <= 3 * baseline.ms ? 'yes' : 'NO');
    console.log(
      `interpret() benchmark: ${IN_PROCESS_PANELS * 3} results in process (best of ${IN_PROCESS_RUNS}); CLI on ${CLI_PANELS} panels (${(statSync(input).size / 1e6).toFixed(1)} MB JSON -> ${(csvBytes / 1e6).toFixed(1)} MB CSV; median of ${RUNS}, baseline and CLI in turn); node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
    );
    printTable(
      ['measure', 'wall time / rate', 'CPU time (user+sys)', 'goal', 'met'],
      [
        [
          'interpret() in process',
          `${Math.round(rate).toLocaleString('en-US')} results/s`,
          `${Math.round(inProcess.resultsPerCpuSecond).toLocaleString('en-US')} results/CPU-s`,
          '>= 1,000,000 results/s',
          rate >= 1_000_000 ? 'yes' : 'NO',
        ],
        [
          'baseline: node reads + JSON.parse',
          `${baseline.ms.toFixed(0)} ms`,
          cpuText({ cpuMs: baseline.cpuMs }),
          '',
          '',
        ],
        ['labs interpret --format csv', ratio(cli), cpuText(cli), '<= 3x baseline', met(cli)],
      ],
    );
    console.log(`CSV output sha256 ${csvHash}`);
    if (inProcess.valid !== IN_PROCESS_PANELS) {
      console.log(`note: ${IN_PROCESS_PANELS - inProcess.valid} generated panels were invalid`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
