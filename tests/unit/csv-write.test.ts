import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/browser/esm/sync';
import {
  CSV_OUTPUT_COLUMNS,
  formatCsvField,
  formatCsvLine,
  toCsv,
  toCsvLines,
  toCsvRows,
} from '@/lib/formats/csv/write';
import { parseCsv } from '@/lib/formats/csv/read';
import type { ImportItem } from '@/lib/formats/import-types';
import { interpret } from '@/lib/interpret';
import type { Interpretation } from '@/lib/types';
import { GOLDEN_CASES } from './golden-cases';

const AS_OF = '2026-11-25';

function interpretOk(panel: unknown): Interpretation {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

function read(text: string): ImportItem[] {
  const outcome = parseCsv(text);
  if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
  return outcome.panels;
}

describe('toCsv -> parseCsv round trip', () => {
  const interpretations = GOLDEN_CASES.map((golden) => interpretOk(golden.panel));
  const items = read(toCsv(interpretations));

  it.each(GOLDEN_CASES.map((golden, index) => [golden.id, index] as const))(
    '%s keeps its statuses, critical flags, rule sets and lab ranges',
    (_id, index) => {
      const again = interpretOk(items[index]?.imported?.panel);
      const original = interpretations[index];
      const summary = (value: Interpretation | undefined) =>
        value?.results.map((r) => [r.analyte, r.status, r.critical, r.ruleSet.id, r.labRange]);
      expect(summary(again)).toEqual(summary(original));
      expect(again.results.map((r) => r.status)).toEqual(
        GOLDEN_CASES[index]?.expected.map((e) => e.status),
      );
    },
  );
});

describe('toCsvRows', () => {
  it('writes one row per result with status, FHIR code, rule set and warnings', () => {
    const high = interpretOk(GOLDEN_CASES.find((c) => c.id === 'high-and-critical')?.panel);
    const rows = toCsvRows(high, 0);
    expect(rows).toHaveLength(high.results.length);
    expect(rows[2]).toEqual([
      'G4',
      'magnesium',
      '2.2',
      '',
      'mmol/L',
      '',
      '',
      'high',
      'true',
      'HH',
      'mg-rosanoff-2022',
      'possible-unit-mixup;outside-assay-range',
    ]);
    expect(rows[0]).toHaveLength(CSV_OUTPUT_COLUMNS.length);
  });

  it('names a panel without id by its position', () => {
    const interpretation = interpretOk({
      results: [{ analyte: 'vitamin-d', value: 5, unit: 'ng/mL' }],
    });
    expect(toCsvRows(interpretation, 4)[0]?.[0]).toBe('panel-5');
  });

  it('defuses panel ids a spreadsheet would run as formulas', () => {
    const interpretation = interpretOk({
      id: '=HYPERLINK("x")',
      results: [{ analyte: 'vitamin-d', value: 5, unit: 'ng/mL' }],
    });
    expect(toCsvRows(interpretation, 0)[0]?.[0]).toBe(`'=HYPERLINK("x")`);
    expect(toCsvLines(interpretation, 0).startsWith(`"'=HYPERLINK(""x"")",`)).toBe(true);
  });

  it('toCsvLines writes exactly formatCsvLine over toCsvRows', () => {
    const tricky = interpretOk({
      id: 'a, "b"',
      results: [
        { analyte: 'vitamin-b12', value: 250, unit: 'pg/mL', labRange: { low: 200, high: 900 } },
      ],
    });
    for (const [position, interpretation] of [
      ...GOLDEN_CASES.map((golden) => interpretOk(golden.panel)),
      tricky,
    ].entries()) {
      const expected = toCsvRows(interpretation, position)
        .map((row) => `${formatCsvLine(row)}\n`)
        .join('');
      expect(toCsvLines(interpretation, position)).toBe(expected);
    }
  });
});

describe('formatCsvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' edge', '" edge"'],
  ])('%j -> %s', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
    const [record] = parse(expected) as string[][];
    expect(record?.[0]).toBe(value);
  });
});
