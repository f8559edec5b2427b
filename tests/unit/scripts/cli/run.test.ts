import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFhirBundle } from '@/lib/formats/fhir/write';
import { interpret } from '@/lib/interpret';
import type { Interpretation } from '@/lib/types';
import { runLabs } from '@/scripts/cli/run';
import { runCli } from '@/tests/unit/support/cli';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const AS_OF = '2026-11-25';
/** The date the injected clock reads: distinct from AS_OF so a defaulted date is visible. */
const TODAY = '2026-11-30';
const VALUE_MESSAGE = 'must be a positive number, or <N / >N';

/**
 * Runs the CLI dispatcher in this process, as scripts/labs.ts does, with its streams and clock
 * injected (the launcher itself is covered by the subprocess tests at the end).
 */
const labs = (args: readonly string[], stdinText?: string) =>
  runCli(runLabs, args, { stdin: stdinText ?? '', today: TODAY });

function statuses(results: ReadonlyArray<{ status: string }>): string[] {
  return results.map((result) => result.status);
}

const gold = GOLDEN_CASES[0];
const expectedStatuses = (index: number) =>
  (GOLDEN_CASES[index]?.expected ?? []).map((e) => e.status);

let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labs-cli-'));
  writeFileSync(file('panel.json'), JSON.stringify(gold?.panel));
  writeFileSync(file('panels.json'), JSON.stringify(GOLDEN_CASES.map((c) => c.panel)));
  const interpretations = GOLDEN_CASES.map((c) => {
    const outcome = interpret(c.panel, { asOf: AS_OF });
    if (!outcome.ok) throw new Error('golden panel failed');
    return outcome.value;
  });
  writeFileSync(file('bundle.json'), JSON.stringify(toFhirBundle(interpretations)));
  writeFileSync(
    file('batch.csv'),
    [
      'panel_id,analyte,value,unit',
      'P1,vitamin-d,12,ng/mL',
      'P1,magnesium,0.78,mmol/L',
      'P2,vitamin-b12,abc,pg/mL',
      'P3,vitamin-b12,"<150",pg/mL',
      'P4,vitamin-d,45,nmol/l',
      '',
    ].join('\n'),
  );
  writeFileSync(
    file('bad.json'),
    JSON.stringify({
      results: [
        { analyte: 'vitamin-d', value: -3, unit: 'ng/mL' },
        { analyte: 'magnesium', value: 0.8, unit: 'mg' },
      ],
    }),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('labs interpret: a golden panel', () => {
  it('writes the interpretation as a JSON object', async () => {
    const run = await labs(['interpret', file('panel.json'), '--as-of', AS_OF]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Interpretation;
    expect(output.panelId).toBe('G1');
    expect(output.asOf).toBe(AS_OF);
    expect(statuses(output.results)).toEqual(expectedStatuses(0));
  });

  it('writes a FHIR Bundle', async () => {
    const run = await labs(['interpret', file('panel.json'), '--format', 'fhir', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    const bundle = JSON.parse(run.stdout) as ReturnType<typeof toFhirBundle>;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((e) => e.resource.interpretation[0]?.coding?.[1]?.code)).toEqual(
      expectedStatuses(0),
    );
  });

  it('writes CSV with one row per result and its status', async () => {
    const run = await labs(['interpret', file('panel.json'), '--format', 'csv', '--as-of', AS_OF]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'panel_id,analyte,value,comparator,unit,lab_low,lab_high,status,critical,fhir_interpretation,rule_set,warnings',
      'G1,vitamin-d,12,,ng/mL,,,deficient,false,L,endocrine-society-2011,',
      'G1,vitamin-b12,180,,pg/mL,,,deficient,false,L,b12-common,',
      'G1,magnesium,1.5,,mg/dL,,,deficient,false,L,mg-rosanoff-2022,',
      '',
    ]);
  });

  it('reads stdin and dates the interpretation today by default', async () => {
    const run = await labs(['interpret', '-'], JSON.stringify(gold?.panel));
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Interpretation).asOf).toBe(TODAY);
  });
});

describe('labs interpret: batches', () => {
  it('answers an array with an array', async () => {
    const run = await labs(['interpret', file('panels.json'), '--as-of', AS_OF]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as Interpretation[];
    expect(output.map((i) => statuses(i.results))).toEqual(
      GOLDEN_CASES.map((_c, index) => expectedStatuses(index)),
    );
  });

  it('reads a FHIR Bundle and keeps every status', async () => {
    const run = await labs(['interpret', file('bundle.json'), '--format', 'csv', '--as-of', AS_OF]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = run.stdout.trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[7])).toEqual(
      GOLDEN_CASES.flatMap((_c, index) => expectedStatuses(index)),
    );
  });

  it('interprets the valid panels of a CSV batch and reports the bad row', async () => {
    const run = await labs(['interpret', file('batch.csv'), '--format', 'csv', '--as-of', AS_OF]);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n').slice(1)).toEqual([
      'P1,vitamin-d,12,,ng/mL,,,deficient,false,L,endocrine-society-2011,',
      'P1,magnesium,0.78,,mmol/L,,,insufficient,false,L,mg-rosanoff-2022,',
      'P3,vitamin-b12,150,<,pg/mL,,,deficient,false,L,b12-common,',
      'P4,vitamin-d,45,,nmol/L,,,deficient,false,L,endocrine-society-2011,',
    ]);
    expect(run.stderr.trim().split('\n')).toEqual([
      `row 4 (panel P2) value: ${VALUE_MESSAGE}`,
      'labs: 1 of 4 panels could not be interpreted',
    ]);
  });

  it('reports array elements by index and exits 2 when nothing is valid', async () => {
    const bad = { results: [{ analyte: 'vitamin-d', value: 5, unit: 'x' }] };
    const run = await labs(['interpret', '-', '--as-of', AS_OF], JSON.stringify([bad, bad]));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('[]\n');
    expect(run.stderr).toContain('[1] results[0].unit: "x" is not a recognised unit');
  });
});

describe('labs interpret: a bad single panel', () => {
  it('exits 2, writes nothing on stdout and one `path: message` line per problem', async () => {
    const run = await labs(['interpret', file('bad.json'), '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `results[0].value: ${VALUE_MESSAGE}`,
      'results[1].unit: "mg" is not a recognised unit; use one of mmol/L, mg/dL, meq/L',
    ]);
  });

  it('says what is wrong with text that is not a panel', async () => {
    const run = await labs(['interpret', '-'], 'hello');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\(input\): is not a panel/);
  });
});

describe('labs usage errors', () => {
  it.each([
    [['frobnicate']],
    [[]],
    [['interpret', 'x.json', '--colour']],
    [['interpret', 'x.json', '--format', 'xml']],
    [['interpret']],
    [['interpret', 'x.json', '--as-of', 'tomorrow']],
    [['interpret', 'x.json', '--as-of', '2026-02-30']],
    [['references', '--format', 'pdf']],
  ])('exits 64 with the usage on stderr: %j', async (args) => {
    const run = await labs(args);
    expect(run.code).toBe(64);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: npm run --silent labs');
  });

  it('says clearly when the file cannot be read', async () => {
    const run = await labs(['interpret', file('missing.json')]);
    expect(run.code).toBe(66);
    expect(run.stderr).toBe(`labs: cannot read ${file('missing.json')}: no such file\n`);
  });
});

describe('labs references', () => {
  it('prints every rule set, unit and citation as JSON', async () => {
    const run = await labs(['references']);
    expect(run.code).toBe(0);
    const references = JSON.parse(run.stdout) as {
      analytes: Array<{ id: string; units: unknown[]; ruleSets: Array<{ id: string }> }>;
      citations: Array<{ id: string }>;
    };
    expect(references.analytes.map((a) => a.id)).toEqual(['vitamin-d', 'vitamin-b12', 'magnesium']);
    expect(references.analytes.flatMap((a) => a.ruleSets.map((r) => r.id))).toContain('iom-2011');
    expect(references.citations.map((c) => c.id)).toContain('holick-2011');
  });

  it('prints readable Markdown tables', async () => {
    const run = await labs(['references', '--format', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Interpretation rules and sources/);
    expect(run.stdout).toContain('| rule set | default | unit | A deficient below |');
    expect(run.stdout).toContain(
      '| Endocrine Society 2011 (endocrine-society-2011) | yes | ng/mL | 20 | 30 | 100 |',
    );
    expect(run.stdout).toContain('## Citations');
    expect(run.stdout).toContain('https://doi.org/10.1210/jc.2011-0385');
  });
});

describe('npm run labs launcher (scripts/labs.mjs)', () => {
  // The one real process of this file: it proves the launcher bundles the CLI, and that stdin,
  // stdout, stderr and the exit code reach the shell (everything else runs in-process above).
  it('bundles the CLI and runs it on a real process: streams and exit code pass through', () => {
    const good = { id: 'OK', results: [{ analyte: 'vitamin-d', value: 12, unit: 'ng/mL' }] };
    const bad = { id: 'BAD', results: [{ analyte: 'vitamin-d', value: 0, unit: 'ng/mL' }] };
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/labs.mjs'), 'interpret', '-', '--format', 'csv', '--as-of', AS_OF],
      { encoding: 'utf8', cwd: ROOT, input: JSON.stringify([good, bad]) },
    );
    expect(run.stderr.trim().split('\n')).toEqual([
      `[1] results[0].value: ${VALUE_MESSAGE}`,
      'labs: 1 of 2 panels could not be interpreted',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').slice(1)).toEqual([
      'OK,vitamin-d,12,,ng/mL,,,deficient,false,L,endocrine-society-2011,',
    ]);
  });
});
