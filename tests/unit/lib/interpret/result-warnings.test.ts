/**
 * The warnings of one result and where it sits against the lab's own range
 * (lib/interpret/result-warnings.ts), through interpret(): the edges of each unit mix-up window
 * and of the assay range, a censored bound against the lab range, and the discordance messages.
 */
import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/interpret';
import type { ResultInterpretation } from '@/lib/types';

function one(result: Record<string, unknown>): ResultInterpretation {
  const outcome = interpret({ results: [result] });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const value = outcome.value.results[0];
  if (value === undefined) throw new Error('no result');
  return value;
}

const codes = (result: ResultInterpretation) => result.warnings.map((w) => w.code);

describe('findLabPosition: a censored bound is placed only when it proves the side', () => {
  const range = { low: 30, high: 100 };
  it.each([
    [29.9, 'below'],
    [30, 'within'], // the lab's low limit is inside its range
    [100, 'within'],
    [100.1, 'above'],
    ['<30', 'below'], // (0, 30) lies below 30
    ['<31', 'unknown'],
    ['<=29.9', 'below'],
    ['<=30', 'unknown'], // 30 itself is within
    ['>100', 'above'], // (100, inf) lies above 100
    ['>99', 'unknown'],
    ['>=100.1', 'above'],
    ['>=100', 'unknown'], // 100 itself is within
  ])('vitamin D %s ng/mL against 30-100 is %s', (value, position) => {
    const result = one({ analyte: 'vitamin-d', value, unit: 'ng/mL', labRange: range });
    expect(result.labRange).toEqual({ ...range, unit: 'ng/mL', position });
  });
});

describe('collectWarnings: unit mix-up windows, edges included as written', () => {
  it.each([
    ['vitamin-d', 200, 'ng/mL', false], // above 200 ng/mL reads as nmol/L
    ['vitamin-d', 200.5, 'ng/mL', true],
    ['vitamin-b12', 50, 'pg/mL', false], // below 50 pg/mL reads as pmol/L
    ['vitamin-b12', 49.5, 'pg/mL', true],
    ['magnesium', 0.3, 'mg/dL', true], // 0.3-0.99 mg/dL reads as mmol/L, both ends included
    ['magnesium', 0.99, 'mg/dL', true],
    ['magnesium', 0.29, 'mg/dL', false],
    ['magnesium', 1, 'mg/dL', false],
    ['magnesium', 1.4, 'mmol/L', true], // 1.4-3 mmol/L reads as mg/dL or meq/L
    ['magnesium', 3, 'mmol/L', true],
    ['magnesium', 1.39, 'mmol/L', false],
  ] as const)('%s %d %s: mix-up %s', (analyte, value, unit, warned) => {
    expect(codes(one({ analyte, value, unit })).includes('possible-unit-mixup')).toBe(warned);
  });

  it('names every likely unit in the message', () => {
    const [mixup] = one({ analyte: 'magnesium', value: 6, unit: 'mmol/L' }).warnings;
    expect(mixup).toEqual({
      code: 'possible-unit-mixup',
      message: '6 mmol/L fits mg/dL or meq/L far better: confirm the unit with the lab report.',
    });
  });
});

describe('collectWarnings: the usual assay range, for measured values only', () => {
  it.each([
    ['vitamin-d', 150, 'ng/mL', false], // up to 150 ng/mL is in range
    ['vitamin-d', 150.5, 'ng/mL', true],
    ['vitamin-b12', 50, 'pg/mL', false], // from 50 pg/mL
    ['vitamin-b12', 2000, 'pg/mL', false],
    ['magnesium', 5, 'mg/dL', false], // magnesium has no lower end
    ['magnesium', 0.11, 'mmol/L', false],
  ] as const)('%s %d %s: outside the assay range %s', (analyte, value, unit, warned) => {
    expect(codes(one({ analyte, value, unit })).includes('outside-assay-range')).toBe(warned);
  });

  it('warns below the lower end, with the range in the message', () => {
    const result = one({ analyte: 'vitamin-b12', value: 45, unit: 'pg/mL' });
    expect(result.warnings).toContainEqual({
      code: 'outside-assay-range',
      message:
        "Outside the usual assay range (about 50-2000 pg/mL): check the lab's method and any dilution.",
    });
  });

  it('gives a censored bound no assay warning: the lab did not measure a value there', () => {
    expect(one({ analyte: 'vitamin-d', value: '>160', unit: 'ng/mL' }).warnings).toEqual([]);
    expect(one({ analyte: 'vitamin-b12', value: '>2000', unit: 'pg/mL' }).warnings).toEqual([]);
  });
});

describe('collectWarnings: lab range against the guideline band', () => {
  it('says which way they disagree', () => {
    const labNormal = one({
      analyte: 'vitamin-d',
      value: 25,
      unit: 'ng/mL',
      labRange: { low: 20, high: 100 },
    });
    expect(labNormal.warnings).toEqual([
      {
        code: 'lab-range-discordant',
        message: 'The lab calls this value normal, but the guideline band is insufficient.',
      },
    ]);
    const labHigh = one({
      analyte: 'vitamin-d',
      value: 90,
      unit: 'ng/mL',
      labRange: { low: 30, high: 80 },
    });
    expect(labHigh.warnings).toEqual([
      {
        code: 'lab-range-discordant',
        message: 'The lab flags this value above its range, but the guideline band is sufficient.',
      },
    ]);
  });

  it('has nothing to compare without a lab range, in any band', () => {
    for (const value of [8, 25, 40, 120]) {
      expect(one({ analyte: 'vitamin-d', value, unit: 'ng/mL' }).warnings, String(value)).toEqual(
        [],
      );
    }
  });

  it('has nothing to compare for a censored value of unknown place or band', () => {
    const range = { low: 30, high: 80 };
    for (const value of ['<25', '>90', '<50', '>40']) {
      const result = one({ analyte: 'vitamin-d', value, unit: 'ng/mL', labRange: range });
      expect(codes(result)).not.toContain('lab-range-discordant');
    }
  });
});
