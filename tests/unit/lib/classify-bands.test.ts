import { describe, expect, it } from 'vitest';
import { getRuleSet } from '@/lib/analytes/registry';
import { cutoffsInUnit, listBands, toFhirInterpretation } from '@/lib/classify';
import type { RuleSet } from '@/lib/types';

// Expected values are written out from the clinical reference (section 1 and 4), not derived
// from the library's tables: they are the survivors of the first mutation run.

describe('listBands: the bands of a rule set, ascending, with their notes', () => {
  it('magnesium (Rosanoff 2022) in mmol/L: four bands, bounds and inclusivity as in section 1', () => {
    const ruleSet = getRuleSet('mg-rosanoff-2022');
    const bands = listBands(ruleSet, cutoffsInUnit(ruleSet, 'mmol/L'));
    expect(bands.map(({ note: _note, ...band }) => band)).toEqual([
      {
        status: 'deficient',
        lower: null,
        upper: 0.7,
        lowerInclusive: false,
        upperInclusive: false,
        rangeText: '< 0.7 mmol/L',
      },
      {
        status: 'insufficient',
        lower: 0.7,
        upper: 0.85,
        lowerInclusive: true,
        upperInclusive: false,
        rangeText: '0.7 to < 0.85 mmol/L',
      },
      {
        status: 'sufficient',
        lower: 0.85,
        upper: 1.07,
        lowerInclusive: true,
        upperInclusive: true,
        rangeText: '0.85 to 1.07 mmol/L',
      },
      {
        status: 'high',
        lower: 1.07,
        upper: null,
        lowerInclusive: false,
        upperInclusive: false,
        rangeText: '> 1.07 mmol/L',
      },
    ]);
    // "Label the 0.70-0.85 mmol/L band as proposed, not yet standard practice": that band only.
    expect(bands.map((band) => band.note !== undefined)).toEqual([false, true, false, false]);
    // A band without a note has no note field at all (not a field holding undefined).
    expect(bands.map((band) => 'note' in band)).toEqual([false, true, false, false]);
    expect(bands[1]?.note).toMatch(/proposed, not yet standard practice/i);
  });

  it('conventional magnesium has no insufficient band (A = B = 0.70 mmol/L)', () => {
    const ruleSet = getRuleSet('mg-conventional');
    const bands = listBands(ruleSet, cutoffsInUnit(ruleSet, 'mmol/L'));
    expect(bands.map((band) => band.rangeText)).toEqual([
      '< 0.7 mmol/L',
      '0.7 to 1.07 mmol/L',
      '> 1.07 mmol/L',
    ]);
  });
});

describe('cutoffsInUnit: derived when any cut-off is not published in the unit', () => {
  const base = getRuleSet('mg-rosanoff-2022');

  it('one derived limit (C converted from mmol/L) marks the cut-offs derived', () => {
    const ruleSet: RuleSet = { ...base, upperLimit: { 'mmol/L': 1.07 } };
    expect(cutoffsInUnit(ruleSet, 'mg/dL').derived).toBe(true);
    expect(cutoffsInUnit(ruleSet, 'mmol/L').derived).toBe(false);
  });

  it('one derived lower limit does too', () => {
    const ruleSet: RuleSet = { ...base, deficientBelow: { 'mmol/L': 0.7 } };
    expect(cutoffsInUnit(ruleSet, 'mg/dL').derived).toBe(true);
  });

  it('refuses a rule set without cut-offs, naming it', () => {
    for (const broken of [
      { ...base, deficientBelow: {} },
      { ...base, sufficientFrom: {} },
      { ...base, upperLimit: {} },
    ]) {
      expect(() => cutoffsInUnit(broken, 'mmol/L')).toThrow(
        'rule set mg-rosanoff-2022 has no cut-offs',
      );
    }
  });
});

describe('toFhirInterpretation: v3-ObservationInterpretation codes (section 4)', () => {
  it.each([
    ['deficient', null, 'L'],
    ['deficient', 'low', 'LL'],
    ['insufficient', null, 'L'],
    ['insufficient', 'low', 'LL'],
    ['sufficient', null, 'N'],
    ['high', null, 'H'],
    ['high', 'high', 'HH'],
    // A censored value of unknown band that is certainly beyond a critical limit.
    ['indeterminate', null, 'IND'],
    ['indeterminate', 'low', 'LL'],
    ['indeterminate', 'high', 'HH'],
  ] as const)('%s, critical %s -> %s', (status, critical, code) => {
    expect(toFhirInterpretation(status, critical)).toBe(code);
  });
});
