import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/interpret';
import type { AnalyteId, ResultInterpretation, RuleSetId, Status } from '@/lib/types';

/**
 * The cut-offs A (deficient below), B (sufficient from) and C (upper limit) of every rule set in
 * every accepted unit, written out from the clinical reference so that a data error fails here.
 * Magnesium's upper limit is 2.6 mg/dL = 1.07 mmol/L (MSD Manual), see lib/analytes/magnesium.ts.
 */
const TABLE: ReadonlyArray<{
  analyte: AnalyteId;
  ruleSet: RuleSetId;
  unit: string;
  a: number;
  b: number;
  c: number;
}> = [
  { analyte: 'vitamin-d', ruleSet: 'endocrine-society-2011', unit: 'ng/mL', a: 20, b: 30, c: 100 },
  { analyte: 'vitamin-d', ruleSet: 'endocrine-society-2011', unit: 'ug/L', a: 20, b: 30, c: 100 },
  { analyte: 'vitamin-d', ruleSet: 'endocrine-society-2011', unit: 'nmol/L', a: 50, b: 75, c: 250 },
  { analyte: 'vitamin-d', ruleSet: 'iom-2011', unit: 'ng/mL', a: 12, b: 20, c: 50 },
  { analyte: 'vitamin-d', ruleSet: 'iom-2011', unit: 'ug/L', a: 12, b: 20, c: 50 },
  { analyte: 'vitamin-d', ruleSet: 'iom-2011', unit: 'nmol/L', a: 30, b: 50, c: 125 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-common', unit: 'pg/mL', a: 200, b: 300, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-common', unit: 'ng/L', a: 200, b: 300, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-common', unit: 'pmol/L', a: 148, b: 221, c: 738 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-350', unit: 'pg/mL', a: 200, b: 350, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-350', unit: 'ng/L', a: 200, b: 350, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-350', unit: 'pmol/L', a: 148, b: 258, c: 738 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-400', unit: 'pg/mL', a: 200, b: 400, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-400', unit: 'ng/L', a: 200, b: 400, c: 1000 },
  { analyte: 'vitamin-b12', ruleSet: 'b12-wide-400', unit: 'pmol/L', a: 148, b: 295, c: 738 },
  { analyte: 'magnesium', ruleSet: 'mg-rosanoff-2022', unit: 'mmol/L', a: 0.7, b: 0.85, c: 1.07 },
  { analyte: 'magnesium', ruleSet: 'mg-rosanoff-2022', unit: 'mg/dL', a: 1.7, b: 2.07, c: 2.6 },
  { analyte: 'magnesium', ruleSet: 'mg-rosanoff-2022', unit: 'meq/L', a: 1.4, b: 1.7, c: 2.14 },
  { analyte: 'magnesium', ruleSet: 'mg-conventional', unit: 'mmol/L', a: 0.7, b: 0.7, c: 1.07 },
  { analyte: 'magnesium', ruleSet: 'mg-conventional', unit: 'mg/dL', a: 1.7, b: 1.7, c: 2.6 },
  { analyte: 'magnesium', ruleSet: 'mg-conventional', unit: 'meq/L', a: 1.4, b: 1.4, c: 2.14 },
];

/** A step small against every cut-off yet larger than any rounding in the data. */
const STEP = 0.001;

/**
 * The one result of a one-result panel. An error outcome throws, so no test below can read an
 * error as "not critical" or as a missing cut-off.
 */
function resultOf(
  analyte: AnalyteId,
  value: number | string,
  unit: string,
  ruleSet?: RuleSetId,
): ResultInterpretation {
  const outcome = interpret({
    ...(ruleSet === undefined ? {} : { ruleSets: { [analyte]: ruleSet } }),
    results: [{ analyte, value, unit }],
  });
  if (!outcome.ok) throw new Error(`interpret failed: ${JSON.stringify(outcome.errors)}`);
  expect(outcome.value.results).toHaveLength(1);
  return outcome.value.results[0]!;
}

function statusOf(analyte: AnalyteId, ruleSet: RuleSetId, value: number, unit: string): Status {
  return resultOf(analyte, value, unit, ruleSet).status;
}

const cases = TABLE.flatMap((row) => {
  const label = `${row.ruleSet} ${row.unit}`;
  const atA: Status = row.a === row.b ? 'sufficient' : 'insufficient';
  return [
    { label, row, value: row.a - STEP, expected: 'deficient' as Status, where: 'just below A' },
    { label, row, value: row.a, expected: atA, where: 'exactly A' },
    { label, row, value: row.a + STEP, expected: atA, where: 'just above A' },
    {
      label,
      row,
      value: row.b - STEP,
      expected: (row.a === row.b ? 'deficient' : 'insufficient') as Status,
      where: 'just below B',
    },
    { label, row, value: row.b, expected: 'sufficient' as Status, where: 'exactly B' },
    { label, row, value: row.b + STEP, expected: 'sufficient' as Status, where: 'just above B' },
    { label, row, value: row.c - STEP, expected: 'sufficient' as Status, where: 'just below C' },
    { label, row, value: row.c, expected: 'sufficient' as Status, where: 'exactly C' },
    { label, row, value: row.c + STEP, expected: 'high' as Status, where: 'just above C' },
  ];
});

describe('interpret: every cut-off of every rule set in every accepted unit', () => {
  it.each(cases)('$label: $where ($value) is $expected', ({ row, value, expected }) => {
    expect(statusOf(row.analyte, row.ruleSet, value, row.unit)).toBe(expected);
  });

  it.each(TABLE)('$ruleSet in $unit reports the published cut-offs', (row) => {
    const { cutoffs } = resultOf(row.analyte, row.b, row.unit, row.ruleSet);
    expect(cutoffs).toMatchObject({
      unit: row.unit,
      deficientBelow: row.a,
      sufficientFrom: row.b,
      upperLimit: row.c,
    });
  });
});

describe('interpret: critical limits', () => {
  it.each([
    { analyte: 'vitamin-d', value: 150, unit: 'ng/mL', critical: false },
    { analyte: 'vitamin-d', value: 150.1, unit: 'ng/mL', critical: true },
    { analyte: 'vitamin-d', value: 375, unit: 'nmol/L', critical: false },
    { analyte: 'vitamin-d', value: 376, unit: 'nmol/L', critical: true },
    { analyte: 'magnesium', value: 0.5, unit: 'mmol/L', critical: false },
    { analyte: 'magnesium', value: 0.49, unit: 'mmol/L', critical: true },
    { analyte: 'magnesium', value: 1.0, unit: 'meq/L', critical: false },
    { analyte: 'magnesium', value: 0.98, unit: 'meq/L', critical: true },
    { analyte: 'magnesium', value: 2.0, unit: 'mmol/L', critical: false },
    { analyte: 'magnesium', value: 2.01, unit: 'mmol/L', critical: true },
    { analyte: 'magnesium', value: 1.2, unit: 'mg/dL', critical: true },
    { analyte: 'magnesium', value: 1.22, unit: 'mg/dL', critical: false },
    { analyte: 'vitamin-b12', value: 5000, unit: 'pg/mL', critical: false },
    // Censored values are critical only when every value they stand for is beyond the limit.
    { analyte: 'vitamin-d', value: '>150', unit: 'ng/mL', critical: true },
    { analyte: 'vitamin-d', value: '>=150', unit: 'ng/mL', critical: false },
    { analyte: 'vitamin-d', value: '>=150.1', unit: 'ng/mL', critical: true },
    { analyte: 'vitamin-d', value: '>149.9', unit: 'ng/mL', critical: false },
    { analyte: 'vitamin-d', value: '>375', unit: 'nmol/L', critical: true },
    { analyte: 'vitamin-d', value: '>=375', unit: 'nmol/L', critical: false },
    { analyte: 'vitamin-d', value: '<5', unit: 'ng/mL', critical: false },
    { analyte: 'magnesium', value: '<0.5', unit: 'mmol/L', critical: true },
    { analyte: 'magnesium', value: '<=0.5', unit: 'mmol/L', critical: false },
    { analyte: 'magnesium', value: '<=0.49', unit: 'mmol/L', critical: true },
    { analyte: 'magnesium', value: '<0.51', unit: 'mmol/L', critical: false },
    { analyte: 'magnesium', value: '<1', unit: 'meq/L', critical: true },
    { analyte: 'magnesium', value: '<=1', unit: 'meq/L', critical: false },
    { analyte: 'magnesium', value: '>2', unit: 'mmol/L', critical: true },
    { analyte: 'magnesium', value: '>=2', unit: 'mmol/L', critical: false },
    { analyte: 'magnesium', value: '>4.9', unit: 'mg/dL', critical: true },
    { analyte: 'magnesium', value: '>=4.86', unit: 'mg/dL', critical: false },
    { analyte: 'vitamin-b12', value: '>5000', unit: 'pg/mL', critical: false },
  ] as const)('$analyte $value $unit: critical $critical', ({ analyte, value, unit, critical }) => {
    expect(resultOf(analyte, value, unit).critical).toBe(critical);
  });
});
