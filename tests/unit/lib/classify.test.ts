import { describe, expect, it } from 'vitest';
import {
  classifyValue,
  criticalLimitTexts,
  cutoffsInUnit,
  findBand,
  findCritical,
  limitInUnit,
} from '@/lib/classify';
import { formatCutoff } from '@/lib/cutoff-text';
import type { Comparator, CutoffsInUnit } from '@/lib/types';

// Hand-written cut-offs (A = 20, B = 30, C = 100, critical below 5 and above 150), so each
// boundary below is stated here, not re-derived from the library's own tables.
const CUTS: CutoffsInUnit = {
  unit: 'ng/mL',
  deficientBelow: 20,
  sufficientFrom: 30,
  upperLimit: 100,
  criticalBelow: 5,
  criticalAbove: 150,
  derived: false,
};

describe('findBand: deficient < A <= insufficient < B <= sufficient <= C < high', () => {
  it.each([
    [19.99, 'deficient'],
    [20, 'insufficient'],
    [29.99, 'insufficient'],
    [30, 'sufficient'],
    [100, 'sufficient'],
    [100.01, 'high'],
  ] as const)('%d is %s', (value, band) => {
    expect(findBand(value, CUTS)).toBe(band);
    expect(classifyValue(value, null, CUTS)).toEqual({ kind: 'classified', status: band });
  });
});

describe('classifyValue: censored values are intervals, never their bound', () => {
  const band = (status: string) => ({ kind: 'classified', status });
  const ind = (...possible: string[]) => ({ kind: 'indeterminate', possible });
  it.each<[Comparator, number, object]>([
    ['<', 5, band('deficient')],
    ['<', 20, band('deficient')], // (0, 20) lies below A
    ['<', 20.01, ind('deficient', 'insufficient')],
    ['<', 30, ind('deficient', 'insufficient')], // (0, 30) never reaches B
    ['<', 30.01, ind('deficient', 'insufficient', 'sufficient')],
    ['<', 100, ind('deficient', 'insufficient', 'sufficient')],
    ['<', 100.01, ind('deficient', 'insufficient', 'sufficient', 'high')],
    ['<=', 19.99, band('deficient')],
    ['<=', 20, ind('deficient', 'insufficient')], // 20 itself is insufficient
    ['<=', 30, ind('deficient', 'insufficient', 'sufficient')],
    ['<=', 100, ind('deficient', 'insufficient', 'sufficient')],
    ['<=', 100.01, ind('deficient', 'insufficient', 'sufficient', 'high')],
    ['>', 100, band('high')], // (100, inf) lies above C
    ['>', 99.99, ind('sufficient', 'high')],
    ['>', 150, band('high')],
    ['>', 29.99, ind('insufficient', 'sufficient', 'high')],
    ['>', 30, ind('sufficient', 'high')],
    ['>', 19.99, ind('deficient', 'insufficient', 'sufficient', 'high')],
    ['>=', 100, ind('sufficient', 'high')], // 100 itself is sufficient
    ['>=', 100.01, band('high')],
    ['>=', 30, ind('sufficient', 'high')],
    ['>=', 20, ind('insufficient', 'sufficient', 'high')],
    ['>=', 19.99, ind('deficient', 'insufficient', 'sufficient', 'high')],
  ])('%s%d -> %j', (comparator, value, expected) => {
    expect(classifyValue(value, comparator, CUTS)).toEqual(expected);
  });

  it('has no insufficient band to fall into when A = B', () => {
    const noGap: CutoffsInUnit = { ...CUTS, deficientBelow: 30, sufficientFrom: 30 };
    expect(classifyValue(50, '<', noGap)).toEqual(ind('deficient', 'sufficient'));
    expect(classifyValue(10, '>', noGap)).toEqual(ind('deficient', 'sufficient', 'high'));
  });
});

describe('findCritical: a censored value is critical only when its bound proves it', () => {
  it.each<[Comparator | null, number, 'low' | 'high' | null]>([
    // low limit 5: critical below 5
    [null, 4.99, 'low'],
    [null, 5, null],
    ['<', 5, 'low'], // (0, 5): all below 5
    ['<', 5.01, null],
    ['<=', 5, null], // 5 itself is not below 5
    ['<=', 4.99, 'low'],
    ['>', 1, null],
    ['>=', 1, null],
    // high limit 150: critical above 150
    [null, 150, null],
    [null, 150.01, 'high'],
    ['>', 150, 'high'], // (150, inf): all above 150
    ['>', 149.99, null],
    ['>=', 150, null], // 150 itself is not above 150
    ['>=', 150.01, 'high'],
    ['<', 1000, null],
    ['<=', 1000, null],
  ])('%s %d -> %s', (comparator, value, expected) => {
    expect(findCritical(value, comparator, CUTS)).toBe(expected);
  });

  it('has nothing to report without critical limits', () => {
    const none: CutoffsInUnit = { ...CUTS, criticalBelow: undefined, criticalAbove: undefined };
    expect(findCritical(0.001, null, none)).toBeNull();
    expect(findCritical(1e6, '>', none)).toBeNull();
  });
});

describe('limitInUnit: published figures first, exact aliases next, molar factor last', () => {
  it('takes the published figure in the wanted unit as it is', () => {
    expect(limitInUnit('vitamin-d', { 'ng/mL': 20, 'nmol/L': 50 }, 'nmol/L')).toEqual({
      value: 50,
      derived: false,
    });
  });

  it.each([
    ['vitamin-d', { 'ng/mL': 20 }, 'ug/L', 20], // ug/L = ng/mL
    ['vitamin-b12', { 'pg/mL': 200 }, 'ng/L', 200], // ng/L = pg/mL
    ['magnesium', { 'mmol/L': 0.5 }, 'meq/L', 1], // meq/L = 2 x mmol/L (valence 2)
  ] as const)('%s: %j -> %s is %d, derived', (analyte, quantity, unit, expected) => {
    expect(limitInUnit(analyte, quantity, unit)).toEqual({ value: expected, derived: true });
  });

  it('uses the alias before a molar conversion when both could apply', () => {
    // meq/L from mmol/L (x2) even when mg/dL is listed first.
    expect(limitInUnit('magnesium', { 'mg/dL': 1.8, 'mmol/L': 0.74 }, 'meq/L')).toEqual({
      value: 1.48,
      derived: true,
    });
  });

  it('converts by the molar factor when no alias applies', () => {
    const limit = limitInUnit('vitamin-d', { 'ng/mL': 20 }, 'nmol/L');
    expect(limit?.derived).toBe(true);
    expect(limit?.value).toBeCloseTo(49.92, 10);
    const mg = limitInUnit('magnesium', { 'mmol/L': 1 }, 'mg/dL');
    expect(mg?.value).toBeCloseTo(1 / 0.4114, 10);
  });

  it('returns undefined when nothing is published', () => {
    expect(limitInUnit('vitamin-d', {}, 'ng/mL')).toBeUndefined();
  });
});

describe('cutoffsInUnit: the critical sentence', () => {
  const ruleSet = {
    id: 'test',
    analyte: 'magnesium',
    deficientBelow: { 'mmol/L': 0.7 },
    sufficientFrom: { 'mmol/L': 0.85 },
    upperLimit: { 'mmol/L': 1.07 },
    criticalBelow: { 'mmol/L': 0.5 },
    criticalAbove: { 'mmol/L': 2 },
    criticalNeedsLocalCheck: true,
  } as unknown as Parameters<typeof cutoffsInUnit>[0];

  it('states published limits as written and derived ones in the unit', () => {
    expect(cutoffsInUnit(ruleSet, 'mmol/L')).toEqual({
      unit: 'mmol/L',
      deficientBelow: 0.7,
      sufficientFrom: 0.85,
      upperLimit: 1.07,
      criticalBelow: 0.5,
      criticalAbove: 2,
      derived: false,
      criticalText:
        'Critical limits: below 0.5 mmol/L, above 2 mmol/L (lab-specific: check your laboratory).',
    });
    const meq = cutoffsInUnit(ruleSet, 'meq/L');
    expect(meq).toMatchObject({ deficientBelow: 1.4, criticalBelow: 1, derived: true });
    expect(meq.criticalText).toBe(
      'Critical limits: below 1 meq/L, above 4 meq/L (lab-specific: check your laboratory).',
    );
    // mg/dL is derived by the molar factor and shown to the unit's 2 decimals.
    expect(cutoffsInUnit(ruleSet, 'mg/dL').criticalText).toBe(
      'Critical limits: below 1.22 mg/dL, above 4.86 mg/dL (lab-specific: check your laboratory).',
    );
  });

  it('has no sentence without critical limits, and a plain full stop without a local check', () => {
    const plain = { ...ruleSet, criticalBelow: undefined, criticalAbove: undefined };
    expect(cutoffsInUnit(plain, 'mmol/L').criticalText).toBeUndefined();
    expect(cutoffsInUnit(plain, 'mmol/L')).not.toHaveProperty('criticalText');
    const onlyHigh = { ...ruleSet, criticalBelow: undefined, criticalNeedsLocalCheck: false };
    const cuts = cutoffsInUnit(onlyHigh, 'mmol/L');
    expect(cuts.criticalText).toBe('Critical limits: above 2 mmol/L.');
    expect(cuts).not.toHaveProperty('criticalBelow');
  });

  it('derives a limit to the decimals of the unit it is shown in (ug/L: one)', () => {
    // Vitamin D toxicity published in nmol/L only: 100 nmol/L / 2.496 = 40.064 ug/L.
    const vitaminD = {
      ...ruleSet,
      id: 'test-d',
      analyte: 'vitamin-d',
      deficientBelow: { 'ng/mL': 20 },
      sufficientFrom: { 'ng/mL': 30 },
      upperLimit: { 'ng/mL': 100 },
      criticalBelow: undefined,
      criticalAbove: { 'nmol/L': 100 },
      criticalNeedsLocalCheck: false,
    } as unknown as Parameters<typeof cutoffsInUnit>[0];
    expect(criticalLimitTexts(vitaminD, 'ug/L')).toEqual({ high: 'above 40.1 ug/L' });
    expect(criticalLimitTexts(vitaminD, 'nmol/L')).toEqual({ high: 'above 100 nmol/L' });
    // A published figure in a unit the analyte data does not define is shown as written.
    const elsewhere = { ...vitaminD, criticalAbove: { 'meq/L': 1.25 } };
    expect(criticalLimitTexts(elsewhere, 'meq/L')).toEqual({ high: 'above 1.25 meq/L' });
  });

  it('refuses a rule set with no cut-offs', () => {
    expect(() => cutoffsInUnit({ ...ruleSet, upperLimit: {} }, 'mmol/L')).toThrow(
      'rule set test has no cut-offs',
    );
  });
});

describe('formatCutoff', () => {
  it.each([
    [20, '20'],
    [0.5, '0.5'],
    [49.92, '49.92'],
    [1.2153, '1.215'],
    [1.2156, '1.216'],
  ])('%d -> %s', (value, text) => {
    expect(formatCutoff(value)).toBe(text);
  });
});
