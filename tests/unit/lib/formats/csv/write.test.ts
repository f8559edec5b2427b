import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/browser/esm/sync';
import {
  CSV_OUTPUT_COLUMNS,
  formatCsvField,
  formatCsvLine,
  toCsv,
  formatCsvText,
  toCsvLines,
} from '@/lib/formats/csv/write';
import type { Interpretation } from '@/lib/types';
import { readCsv } from '@/tests/unit/support/csv';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import { interpretOk } from '@/tests/unit/support/interpret';

describe('toCsv -> parseCsv round trip', () => {
  const interpretations = GOLDEN_CASES.map((golden) => interpretOk(golden.panel));
  const items = readCsv(toCsv(interpretations));

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

/** The fields of each line, as a CSV reader sees them. */
function fieldsOf(lines: string): string[][] {
  return parse(lines) as string[][];
}

describe('toCsvLines', () => {
  it('writes one line per result with status, FHIR code, rule set and warnings', () => {
    const high = interpretOk(GOLDEN_CASES.find((c) => c.id === 'high-and-critical')?.panel);
    const lines = toCsvLines(high, 0);
    expect(lines.endsWith('\n')).toBe(true);
    const rows = fieldsOf(lines);
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

  it('writes the comparator and the lab range of a result', () => {
    const interpretation = interpretOk({
      id: 'P1',
      results: [
        { analyte: 'vitamin-d', value: '<5', unit: 'ng/mL', labRange: { low: 30, high: 100.5 } },
      ],
    });
    expect(fieldsOf(toCsvLines(interpretation, 0))[0]?.slice(0, 7)).toEqual([
      'P1',
      'vitamin-d',
      '5',
      '<',
      'ng/mL',
      '30',
      '100.5',
    ]);
  });

  it('names a panel without id by its position', () => {
    const interpretation = interpretOk({
      results: [{ analyte: 'vitamin-d', value: 5, unit: 'ng/mL' }],
    });
    expect(fieldsOf(toCsvLines(interpretation, 4))[0]?.[0]).toBe('panel-5');
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`, `'=HYPERLINK("x")`],
    ['+1', `'+1`, `'+1`],
    ['-2', `'-2`, `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`, `'@SUM(A1)`],
    ['\tTAB', `'\tTAB`, `'\tTAB`],
    ['a, "b"', `"a, ""b"""`, 'a, "b"'],
    [' edge', `" edge"`, ' edge'],
    ['two\nlines', `"two\nlines"`, 'two\nlines'],
    ['P-1.a_b', 'P-1.a_b', 'P-1.a_b'],
  ])('writes the panel id %j as %s (read back as %j)', (id, written, read) => {
    const interpretation = interpretOk({
      id,
      results: [{ analyte: 'vitamin-d', value: 5, unit: 'ng/mL' }],
    });
    const lines = toCsvLines(interpretation, 0);
    expect(lines.startsWith(`${written},vitamin-d,`)).toBe(true);
    expect(fieldsOf(lines)[0]?.[0]).toBe(read);
  });
});

describe('formatCsvText', () => {
  it.each([
    ['P1', 'P1'],
    ['=1+1', "'=1+1"],
    ['-1', "'-1"],
    ['\r=1', `"'\r=1"`],
    ['a,b', '"a,b"'],
    ['=a,b', `"'=a,b"`],
  ])('%j -> %s', (text, expected) => {
    expect(formatCsvText(text)).toBe(expected);
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

describe('formatCsvLine', () => {
  it('joins the fields by commas, each quoted as it needs', () => {
    expect(formatCsvLine(['a', 'b,c', '', 'd"'])).toBe('a,"b,c",,"d"""');
  });
});
