import { describe, expect, it } from 'vitest';
import {
  convertBetween,
  convertUnit,
  findUnit,
  formatNumber,
  listUnits,
  normaliseUnit,
  roundForUnit,
  roundToDecimals,
} from '@/lib/units';
import type { AnalyteId } from '@/lib/types';

describe('normaliseUnit: known spellings only, never a guess', () => {
  it.each([
    ['ng/mL', 'ng/mL'],
    ['NG/ML', 'ng/mL'],
    ['ng / ml', 'ng/mL'],
    ['nmol/l', 'nmol/L'],
    ['ug/L', 'ug/L'],
    ['\u00b5g/L', 'ug/L'], // micro sign
    ['\u03bcg/l', 'ug/L'], // Greek mu
    ['mcg/L', 'ug/L'],
    ['pg/ml', 'pg/mL'],
    ['ng/l', 'ng/L'],
    ['pmol/L', 'pmol/L'],
    ['mmol/L', 'mmol/L'],
    ['mg/dl', 'mg/dL'],
    ['mEq/L', 'meq/L'],
    ['meq/l', 'meq/L'],
    ['mEquiv/L', 'meq/L'],
    [' mmol/L ', 'mmol/L'],
  ])('%j -> %s', (raw, code) => {
    expect(normaliseUnit(raw)).toBe(code);
  });

  it.each(['mg', 'ug/dl', 'mmol', 'g/L', 'iu/l', '', 'ng/mL.', 'mcg/dl', 'meq'])(
    'refuses %j',
    (raw) => {
      expect(normaliseUnit(raw)).toBeUndefined();
    },
  );
});

describe('findUnit and listUnits', () => {
  it('lists the units of each analyte in display order', () => {
    expect(listUnits('vitamin-d')).toEqual(['ng/mL', 'ug/L', 'nmol/L']);
    expect(listUnits('vitamin-b12')).toEqual(['pg/mL', 'ng/L', 'pmol/L']);
    expect(listUnits('magnesium')).toEqual(['mmol/L', 'mg/dL', 'meq/L']);
  });

  it('finds nothing for an analyte id outside the registry (untyped callers)', () => {
    expect(findUnit('vitamin-k' as AnalyteId, 'ng/mL')).toBeUndefined();
  });

  it('finds a unit only for an analyte that accepts it', () => {
    expect(findUnit('magnesium', 'meq/L')?.toBase).toBe(0.5);
    expect(findUnit('vitamin-d', 'meq/L')).toBeUndefined();
    expect(findUnit('vitamin-b12', 'ng/mL')).toBeUndefined();
  });
});

describe('convertUnit: the reference factors', () => {
  it.each([
    ['vitamin-d', 20, 'ng/mL', 'nmol/L', 49.92],
    ['vitamin-d', 49.92, 'nmol/L', 'ng/mL', 20],
    ['vitamin-d', 30, 'ug/L', 'ng/mL', 30],
    ['vitamin-d', 30, 'ug/L', 'nmol/L', 74.88],
    ['vitamin-b12', 200, 'pg/mL', 'pmol/L', 147.6],
    ['vitamin-b12', 147.6, 'pmol/L', 'ng/L', 200],
    ['magnesium', 1, 'mmol/L', 'meq/L', 2], // valence 2, never eq = mol
    ['magnesium', 2, 'meq/L', 'mmol/L', 1],
    ['magnesium', 0.4114, 'mmol/L', 'mg/dL', 1],
    ['magnesium', 2.43, 'mg/dL', 'mmol/L', 0.999702],
    ['magnesium', 1, 'mg/dL', 'meq/L', 0.8228],
  ] as const)('%s %d %s -> %s = %d', (analyte, value, from, to, expected) => {
    expect(convertUnit(analyte, value, from, to)).toBeCloseTo(expected, 6);
  });

  it('returns the value itself for the same unit', () => {
    expect(convertUnit('magnesium', 0.123456789, 'mmol/L', 'mmol/L')).toBe(0.123456789);
    // 0.09 x (1 / 2.496) / (1 / 2.496) is 0.09000000000000001 in floating point: same unit, no sum.
    expect(convertUnit('vitamin-d', 0.09, 'nmol/L', 'nmol/L')).toBe(0.09);
  });

  it('refuses a unit the analyte does not accept even when converting it to itself', () => {
    expect(() => convertUnit('vitamin-d', 1, 'meq/L', 'meq/L')).toThrow(
      'cannot convert vitamin-d from meq/L to meq/L',
    );
  });

  it('refuses a unit the analyte does not accept, naming both', () => {
    expect(() => convertUnit('vitamin-d', 1, 'ng/mL', 'meq/L')).toThrow(
      'cannot convert vitamin-d from ng/mL to meq/L',
    );
    expect(() => convertUnit('magnesium', 1, 'pg/mL', 'mmol/L')).toThrow(
      'cannot convert magnesium from pg/mL to mmol/L',
    );
  });

  it('convertBetween keeps the value between units of the same base factor', () => {
    const ng = findUnit('vitamin-d', 'ng/mL');
    const ug = findUnit('vitamin-d', 'ug/L');
    const nmol = findUnit('vitamin-d', 'nmol/L');
    if (!ng || !ug || !nmol) throw new Error('units missing');
    expect(convertBetween(12.3, ng, ug)).toBe(12.3);
    // Two units with the same factor other than 1: multiplying and dividing by it is not exact.
    const perMolar = { ...nmol, code: 'ug/L' as const };
    expect(convertBetween(0.09, nmol, perMolar)).toBe(0.09);
    expect(convertBetween(0.18, perMolar, nmol)).toBe(0.18);
    expect(convertBetween(2.496, nmol, ng)).toBeCloseTo(1, 12);
    expect(convertBetween(1, ng, nmol)).toBeCloseTo(2.496, 12);
  });
});

describe('rounding and number text', () => {
  it('rounds to the display precision of each unit', () => {
    expect(roundForUnit('vitamin-d', 49.96, 'nmol/L')).toBe(50);
    expect(roundForUnit('vitamin-d', 20.04, 'ng/mL')).toBe(20);
    expect(roundForUnit('vitamin-d', 20.05, 'ng/mL')).toBe(20.1);
    expect(roundForUnit('magnesium', 0.745, 'mmol/L')).toBe(0.75);
    expect(roundForUnit('vitamin-b12', 147.6, 'pmol/L')).toBe(148);
  });

  it('rounds to 2 decimals in a unit the analyte does not define', () => {
    expect(roundForUnit('vitamin-d', 1.234, 'meq/L')).toBe(1.23);
  });

  it('rounds half away from zero for positive values', () => {
    expect(roundToDecimals(1.5, 0)).toBe(2);
    expect(roundToDecimals(2.25, 1)).toBe(2.3);
    expect(roundToDecimals(1.234, 2)).toBe(1.23);
  });

  it('formatNumber writes exactly what String writes', () => {
    const values = [
      0, 0.01, 0.05, 0.1, 0.5, 1, 1.01, 1.1, 1.5, 12.34, 99.99, 100, 2.5e9, -1.5, 1e-7,
    ];
    // Beyond 2^31 hundredths the split into whole and cents is not the shortest text any more.
    values.push(92477379619663.73, 82111983400408.1, 21474836.47, 21474836.48);
    for (let i = 0; i < 5000; i += 7) values.push(i / 100, i / 10, i / 1000);
    for (const value of values) expect(formatNumber(value)).toBe(String(value));
  });
});
