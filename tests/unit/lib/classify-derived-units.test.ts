import { describe, expect, it } from 'vitest';
import { limitInUnit } from '@/lib/classify';

// Clinical reference, section 1: a unit the source does not publish is derived from the one it
// equals exactly (ug/L = ng/mL, ng/L = pg/mL, meq/L = 2 x mmol/L), never from the other published
// unit through a molar factor. The published figures below are listed with the molar unit FIRST,
// so a derivation that takes "whichever figure comes first" gives a different number
// (50 nmol/L / 2.496 = 20.03 ng/mL; 148 pmol/L / 0.738 = 200.5 pg/mL; 1.7 mg/dL = 0.699 mmol/L).
describe('limitInUnit: a derived unit comes from the unit it equals exactly', () => {
  it.each([
    ['vitamin-d', { 'nmol/L': 50, 'ng/mL': 20 }, 'ug/L', 20],
    ['vitamin-d', { 'nmol/L': 75, 'ng/mL': 30 }, 'ug/L', 30],
    ['vitamin-b12', { 'pmol/L': 148, 'pg/mL': 200 }, 'ng/L', 200],
    ['vitamin-b12', { 'pmol/L': 221, 'pg/mL': 300 }, 'ng/L', 300],
    ['magnesium', { 'mg/dL': 1.7, 'mmol/L': 0.7 }, 'meq/L', 1.4],
    ['magnesium', { 'mg/dL': 2.6, 'mmol/L': 1.07 }, 'meq/L', 2.14],
  ] as const)('%s %j in %s is %d', (analyte, quantity, unit, expected) => {
    expect(limitInUnit(analyte, quantity, unit)).toEqual({ value: expected, derived: true });
  });

  it('falls back to the molar factor only when no exactly equal unit is published', () => {
    // Only nmol/L published: ug/L must be converted (75 / 2.496).
    const converted = limitInUnit('vitamin-d', { 'nmol/L': 75 }, 'ug/L');
    expect(converted?.derived).toBe(true);
    expect(converted?.value).toBeCloseTo(30.048, 3);
    // Only mg/dL published: meq/L = 1.7 x 0.4114 x 2.
    expect(limitInUnit('magnesium', { 'mg/dL': 1.7 }, 'meq/L')?.value).toBeCloseTo(1.39876, 5);
  });

  it('has nothing to derive from an empty publication', () => {
    expect(limitInUnit('magnesium', {}, 'meq/L')).toBeUndefined();
  });
});
