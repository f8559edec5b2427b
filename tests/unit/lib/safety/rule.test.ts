/**
 * The rule engine of the safety rules (lib/safety/rule.ts): facts of a result, "every band" and
 * "any band" over a censored value's possible bands, and suppression winning over showing.
 */
import { describe, expect, it } from 'vitest';
import { allIn, anyIn, applyRules, factsOf } from '@/lib/safety/rule';
import type { RuleFacts, SafetyRule } from '@/lib/safety/rule';
import type { BandStatus } from '@/lib/types';

const facts = (possible: readonly BandStatus[]): RuleFacts => ({
  analyte: 'vitamin-d',
  status: possible.length === 1 ? (possible[0] ?? 'indeterminate') : 'indeterminate',
  possible,
  critical: null,
  context: [],
  ageYears: null,
});

describe('factsOf', () => {
  it('takes the possible bands of a censored result and reads the critical side from its code', () => {
    expect(
      factsOf(
        {
          analyte: 'magnesium',
          status: 'indeterminate',
          fhirInterpretation: 'LL',
          possibleStatuses: ['deficient', 'insufficient'],
        },
        ['ckd'],
        70,
      ),
    ).toEqual({
      analyte: 'magnesium',
      status: 'indeterminate',
      possible: ['deficient', 'insufficient'],
      critical: 'low',
      context: ['ckd'],
      ageYears: 70,
    });
  });

  it.each([
    ['high', 'HH', ['high'], 'high'],
    ['high', 'H', ['high'], null],
    ['deficient', 'L', ['deficient'], null],
    ['sufficient', 'N', ['sufficient'], null],
    // An indeterminate result without its possible bands could be in any of them.
    ['indeterminate', 'IND', ['deficient', 'insufficient', 'sufficient', 'high'], null],
  ] as const)('status %s (%s): possible %j, critical %s', (status, code, possible, critical) => {
    const result = { analyte: 'vitamin-d', status, fhirInterpretation: code } as const;
    expect(factsOf(result, [], null)).toMatchObject({ possible, critical });
  });
});

describe('allIn and anyIn', () => {
  it('allIn: every possible band is one of the list, and there is at least one', () => {
    expect(allIn(facts(['deficient', 'insufficient']), ['deficient', 'insufficient'])).toBe(true);
    expect(allIn(facts(['insufficient', 'sufficient']), ['deficient', 'insufficient'])).toBe(false);
    expect(allIn(facts([]), ['deficient'])).toBe(false);
  });

  it('anyIn: one possible band in the list is enough', () => {
    expect(anyIn(facts(['insufficient', 'sufficient']), ['deficient', 'insufficient'])).toBe(true);
    expect(anyIn(facts(['sufficient', 'high']), ['deficient', 'insufficient'])).toBe(false);
  });
});

describe('applyRules', () => {
  const rules: ReadonlyArray<SafetyRule<string>> = [
    { id: 'a', when: () => true, shows: 'A', citationIds: ['c1', 'c2'] },
    { id: 'b', when: () => true, shows: 'B', citationIds: ['c2', 'c3'] },
    { id: 'c', when: () => false, shows: 'C', suppresses: ['a'], citationIds: ['c4'] },
    { id: 'd', when: () => true, suppresses: ['b', 'calcium-foods'], citationIds: ['c5'] },
    { id: 'e', when: () => true, shows: 'E', citationIds: ['c6'] },
  ];

  it('shows matching rules in order, drops the suppressed ones, and cites only what it shows', () => {
    const outcome = applyRules(rules, facts(['deficient']));
    expect(outcome.shown).toEqual([
      { id: 'a', content: 'A' },
      { id: 'e', content: 'E' },
    ]);
    expect([...outcome.suppressed]).toEqual(['b', 'calcium-foods']);
    expect(outcome.citationIds).toEqual(['c1', 'c2', 'c6']);
  });

  it('suppresses nothing when no matching rule suppresses', () => {
    const outcome = applyRules(rules.slice(0, 2), facts(['deficient']));
    expect([...outcome.suppressed]).toEqual([]);
    expect(outcome.citationIds).toEqual(['c1', 'c2', 'c3']);
  });
});
