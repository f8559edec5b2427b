import { describe, expect, it } from 'vitest';
import {
  CSV_OUTPUT_COLUMNS,
  formatCsvField,
  formatCsvLine,
  parseCsv,
  splitCsvRecords,
  toCsv,
  toCsvLines,
  toCsvRows,
} from '@/lib/csv';
import type { ImportItem } from '@/lib/import';
import { interpret } from '@/lib/interpret';
import type { Interpretation } from '@/lib/types';
import { GOLDEN_CASES } from './golden-cases';

const AS_OF = '2026-11-25';
const HEADER = 'panel_id,analyte,value,unit';

function interpretOk(panel: unknown): Interpretation {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

function read(text: string): ImportItem[] {
  const outcome = parseCsv(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.panels;
}

describe('splitCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const split = splitCsvRecords('a,"b, c","say ""hi""","two\nlines"\r\nx,y,z,w\n');
    expect(split).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b, c', 'say "hi"', 'two\nlines'] },
        { line: 3, fields: ['x', 'y', 'z', 'w'] },
      ],
    });
  });

  it('trims unquoted fields, keeps quoted spaces and skips blank lines', () => {
    const split = splitCsvRecords(' a , " b " \n\n\nc,d');
    expect(split).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', ' b '] },
        { line: 4, fields: ['c', 'd'] },
      ],
    });
  });

  it('keeps empty fields', () => {
    expect(splitCsvRecords('a,,\n')).toEqual({
      ok: true,
      records: [{ line: 1, fields: ['a', '', ''] }],
    });
  });

  it('reports an unterminated quote with its line', () => {
    expect(splitCsvRecords('a,b\nc,"d\n')).toEqual({ ok: false, line: 2 });
  });
});

describe('parseCsv', () => {
  it('groups rows by panel_id in order of first appearance, rows need not be adjacent', () => {
    const items = read(
      `${HEADER}\nP1,vitamin-d,12,ng/mL\nP2,vitamin-b12,<150,pg/mL\nP1,magnesium,0.8,mmol/L\n`,
    );
    expect(items.map((item) => item.imported?.panel)).toEqual([
      {
        id: 'P1',
        results: [
          { analyte: 'vitamin-d', value: '12', unit: 'ng/mL' },
          { analyte: 'magnesium', value: '0.8', unit: 'mmol/L' },
        ],
      },
      { id: 'P2', results: [{ analyte: 'vitamin-b12', value: '<150', unit: 'pg/mL' }] },
    ]);
  });

  it('accepts the columns in any order and any case, with a BOM', () => {
    const [item] = read(`\uFEFFUnit,Value,Analyte,Panel_ID\nng/mL,12,vitamin-d,P1\n`);
    expect(item?.imported?.panel.results).toEqual([
      { analyte: 'vitamin-d', value: '12', unit: 'ng/mL' },
    ]);
  });

  it('reads the optional columns', () => {
    const [item] = read(
      'panel_id,analyte,value,comparator,unit,lab_low,lab_high,rule_set,collected_on\n' +
        'P1,vitamin-b12,250,,pg/mL,200,900,b12-wide-400,2026-11-20\n' +
        'P1,vitamin-d,5,<,ng/mL,,,,2026-11-20\n',
    );
    expect(item?.imported?.panel).toEqual({
      id: 'P1',
      collectedOn: '2026-11-20',
      ruleSets: { 'vitamin-b12': 'b12-wide-400' },
      results: [
        { analyte: 'vitamin-b12', value: '250', unit: 'pg/mL', labRange: { low: 200, high: 900 } },
        { analyte: 'vitamin-d', value: '5', unit: 'ng/mL', comparator: '<' },
      ],
    });
  });

  it('accepts its own output columns and ignores the computed ones', () => {
    const text = toCsv([interpretOk(GOLDEN_CASES[0]?.panel)]);
    expect(read(text)[0]?.errors).toEqual([]);
  });

  it.each([
    [`panel_id,analyte,value,units\nP1,vitamin-d,1,ng/mL`, 'header column 4', 'unknown-key'],
    [`panel_id,analyte,value\nP1,vitamin-d,1`, 'header unit', 'required'],
    [`panel_id,analyte,value,unit,unit\nP1,vitamin-d,1,ng/mL,ng/mL`, 'header column 5', 'invalid'],
    [`panel_id,analyte,value,unit\nP1,"vitamin-d,1,ng/mL`, 'row 2', 'invalid'],
  ])('refuses an unusable header or file (%#)', (text, path, code) => {
    const outcome = parseCsv(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]).toMatchObject({ path, code });
  });

  it('stops a panel with a row of the wrong width, and reports rows without a panel id', () => {
    const items = read(
      `${HEADER}\nP1,vitamin-d,12,ng/mL\nP2,vitamin-d,12\nP2,magnesium,0.8,mmol/L\n,vitamin-d,1,ng/mL\n`,
    );
    expect(
      items.map((item) => [item.imported !== undefined, item.errors.map((e) => e.path)]),
    ).toEqual([
      [true, []],
      [false, ['row 3 (panel P2)']],
      [false, ['row 5 panel_id']],
    ]);
  });

  it.each([
    [
      'comparator',
      'panel_id,analyte,value,comparator,unit\nP1,vitamin-d,5,~,ng/mL',
      'row 2 (panel P1) comparator',
    ],
    [
      'lab range',
      'panel_id,analyte,value,unit,lab_low,lab_high\nP1,vitamin-d,5,ng/mL,30,',
      'row 2 (panel P1) lab_high',
    ],
    [
      'collection date',
      'panel_id,analyte,value,unit,collected_on\nP1,vitamin-d,5,ng/mL,2026-11-01\nP1,magnesium,1,mmol/L,2026-11-02',
      'row 3 (panel P1) collected_on',
    ],
    [
      'rule set',
      'panel_id,analyte,value,unit,rule_set\nP1,vitamin-d,5,ng/mL,iom-2011\nP1,vitamin-d,6,ng/mL,endocrine-society-2011',
      'row 3 (panel P1) rule_set',
    ],
  ])('stops a panel with a bad or conflicting %s', (_name, text, path) => {
    const [item] = read(text);
    expect(item?.imported).toBeUndefined();
    expect(item?.errors[0]?.path).toBe(path);
  });

  it('locates each result so interpret() errors point at the row and column', () => {
    const [item] = read(`${HEADER}\nP3,vitamin-d,12,ng/mL\nP3,magnesium,abc,mmol/L\n`);
    expect(item?.origin?.results[1]?.fields.value).toBe('row 3 (panel P3) value');
    expect(item?.origin?.prefix).toBe('panel P3 (rows 2-3) ');
  });
});

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
    const split = splitCsvRecords(expected);
    expect(split.ok && split.records[0]?.fields[0]).toBe(value);
  });
});
