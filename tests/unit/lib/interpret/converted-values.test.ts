/**
 * A value in the analyte's other units (lib/interpret/converted-values.ts). Converted values are
 * kept per view and value (a memo), so each property here is checked on a value met for the first
 * time and again on the same value met later: the memo must never hand one value's conversion to
 * another value, nor an exact value's to a censored bound.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { convertValue, forgetConvertedValues } from '@/lib/interpret/converted-values';
import { viewRuleSetInUnit } from '@/lib/interpret/rule-set-views';
import type { Comparator } from '@/lib/types';

const VITAMIN_D_NG = viewRuleSetInUnit('endocrine-society-2011', 'ng/mL');
const MAGNESIUM_MG = viewRuleSetInUnit('mg-rosanoff-2022', 'mg/dL');

const displays = (value: number, comparator: Comparator | null = null, view = VITAMIN_D_NG) =>
  convertValue(value, comparator, view).map((converted) => converted.display);

beforeEach(() => {
  forgetConvertedValues();
});

describe('convertValue', () => {
  it('converts an exact value to every other unit, rounded to its decimals', () => {
    // 20 ng/mL x 2.496 = 49.92 nmol/L, written without decimals.
    expect(displays(20)).toEqual(['20 ug/L', '50 nmol/L']);
    expect(displays(20)).toEqual(['20 ug/L', '50 nmol/L']);
  });

  it('rounds a censored bound outward, and never gives it the exact value conversion', () => {
    // 5 ng/mL = 12.48 nmol/L: "12" exact, but "<12.5" as a bound ("<12" would claim more).
    expect(displays(5)).toEqual(['5 ug/L', '12 nmol/L']);
    // The same number as a bound, after the exact value was kept: its own outward rounding.
    expect(displays(5, '<')).toEqual(['<5 ug/L', '<12.5 nmol/L']);
    expect(displays(150, '>')).toEqual(['>150 ug/L', '>374.4 nmol/L']);
    expect(displays(150, '>=')).toEqual(['>=150 ug/L', '>=374.4 nmol/L']);
    expect(displays(150)).toEqual(['150 ug/L', '374 nmol/L']);
  });

  it('keeps each comparator apart', () => {
    const all: Array<Comparator | null> = [null, '<', '<=', '>', '>='];
    const first = all.map((comparator) => displays(12.5, comparator));
    const again = all.map((comparator) => displays(12.5, comparator));
    expect(again).toEqual(first);
    expect(new Set(first.map((texts) => texts[0])).size).toBe(all.length);
  });

  it('keeps views apart: the same number in another analyte converts by its own factors', () => {
    expect(displays(2)).toEqual(['2 ug/L', '5 nmol/L']);
    expect(displays(2, null, MAGNESIUM_MG)).toEqual(['0.82 mmol/L', '1.65 meq/L']);
  });

  it('converts values with more decimals than hundredths exactly, each one its own', () => {
    // 2.004 mg/dL = 0.8245 mmol/L, 2.006 mg/dL = 0.8253 mmol/L: one hundredth apart once rounded.
    expect(displays(2.004, null, MAGNESIUM_MG)[0]).toBe('0.82 mmol/L');
    expect(displays(2.006, null, MAGNESIUM_MG)[0]).toBe('0.83 mmol/L');
    expect(displays(2.004, null, MAGNESIUM_MG)[0]).toBe('0.82 mmol/L');
    expect(displays(2.01, null, MAGNESIUM_MG)[0]).toBe('0.83 mmol/L');
    // 1.22 mg/dL = 1.0037 meq/L, 1.224 mg/dL = 1.0070 meq/L: a memo by hundredths alone would
    // give the second the first one's "1 meq/L".
    expect(displays(1.22, null, MAGNESIUM_MG)[1]).toBe('1 meq/L');
    expect(displays(1.224, null, MAGNESIUM_MG)[1]).toBe('1.01 meq/L');
  });

  it('gives results of the same value one shared, frozen list', () => {
    const first = convertValue(33, null, VITAMIN_D_NG);
    expect(convertValue(33, null, VITAMIN_D_NG)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it('gives every value and comparator its own conversion, whatever came first', () => {
    // Any two (value, comparator) pairs that shared a memo entry would get the conversion of
    // whichever came first: met in one order and then in the reverse order, they would differ.
    const comparators: Array<Comparator | null> = [null, '<', '<=', '>', '>='];
    const entry = fc.record({
      hundredths: fc.integer({ min: 1, max: 3000 }),
      comparator: fc.constantFrom(...comparators),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 2, maxLength: 60 }), (entries) => {
        const shown = (order: typeof entries) => {
          forgetConvertedValues();
          const texts = new Map<string, string[]>();
          for (const { hundredths, comparator } of order) {
            texts.set(`${hundredths}${comparator}`, displays(hundredths / 100, comparator));
          }
          return texts;
        };
        const forward = shown(entries);
        const backward = shown([...entries].reverse());
        for (const [key, texts] of forward) expect(backward.get(key)).toEqual(texts);
      }),
    );
  });

  it('forgets what it kept when asked (mutation runs start every test afresh)', () => {
    const first = convertValue(33, null, VITAMIN_D_NG);
    forgetConvertedValues();
    const again = convertValue(33, null, VITAMIN_D_NG);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('still converts correctly once the memo is full', () => {
    for (let hundredths = 1; hundredths <= 5000; hundredths++) {
      convertValue(hundredths / 100, null, MAGNESIUM_MG);
    }
    const late = convertValue(77.77, null, MAGNESIUM_MG);
    // Not kept: a new list each time, with the values a first conversion gives.
    expect(convertValue(77.77, null, MAGNESIUM_MG)).not.toBe(late);
    forgetConvertedValues();
    expect(convertValue(77.77, null, MAGNESIUM_MG)).toEqual(late);
    expect(convertValue(2, null, MAGNESIUM_MG).map((converted) => converted.display)).toEqual([
      '0.82 mmol/L',
      '1.65 meq/L',
    ]);
  });
});
