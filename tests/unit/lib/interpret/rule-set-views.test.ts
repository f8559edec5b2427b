/**
 * viewRuleSetInUnit (lib/interpret/rule-set-views.ts): one shared view per rule set and unit of
 * its analyte, and a programmer error for any other pair.
 */
import { describe, expect, it } from 'vitest';
import { viewRuleSetInUnit } from '@/lib/interpret/rule-set-views';

describe('viewRuleSetInUnit', () => {
  it('gives the same frozen view on every call', () => {
    const view = viewRuleSetInUnit('mg-rosanoff-2022', 'meq/L');
    expect(viewRuleSetInUnit('mg-rosanoff-2022', 'meq/L')).toBe(view);
    expect(Object.isFrozen(view)).toBe(true);
    expect(view.cutoffs.unit).toBe('meq/L');
    expect(view.conversions.map((c) => c.target.code)).toEqual(['mmol/L', 'mg/dL']);
  });

  it('refuses a unit of another analyte and an unknown rule set, naming both', () => {
    expect(() => viewRuleSetInUnit('endocrine-society-2011', 'meq/L')).toThrow(
      'no view of endocrine-society-2011 in meq/L',
    );
    expect(() => viewRuleSetInUnit('no-such-set' as 'b12-common', 'pg/mL')).toThrow(
      'no view of no-such-set in pg/mL',
    );
  });
});
