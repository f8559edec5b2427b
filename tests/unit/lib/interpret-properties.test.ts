import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYTES, getDefaultRuleSet, listRuleSets } from '@/lib/analytes/registry';
import { cutoffsInUnit, findBand } from '@/lib/classify';
import { interpret } from '@/lib/interpret';
import { convertUnit } from '@/lib/units';
import type { AnalyteId, Comparator, UnitCode } from '@/lib/types';
import { ANALYTE_IDS, COMPARATORS, CONTEXT_FLAGS, UNIT_CODES } from '@/lib/types';

// Every UCUM code, common lab spellings, and junk.
const anyUnit = fc.constantFrom(...UNIT_CODES, 'mEq/L', 'µg/L', 'x', '');
const anyValue = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string(),
  fc.constantFrom('<5', '>150', '<=0', '>=1e9', ' 12.5 ', '1,5', '.5', '≥ 20', 'NaN', 'Infinity'),
  fc.constant(null),
);
const panelLike = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer()),
    patient: fc.oneof(fc.record({ name: fc.string() }), fc.anything()),
    collectedOn: fc.oneof(fc.constant('2026-02-30'), fc.constant('2026-11-01'), fc.string()),
    ruleSets: fc.dictionary(
      fc.constantFrom(...ANALYTE_IDS, 'x'),
      fc.constantFrom(...listRuleSets().map((r) => r.id), 'y'),
    ),
    context: fc.array(fc.constantFrom(...CONTEXT_FLAGS, 'other')),
    results: fc.array(
      fc.record(
        {
          analyte: fc.constantFrom(...ANALYTE_IDS, 'ferritin'),
          value: anyValue,
          unit: anyUnit,
          comparator: fc.constantFrom(...COMPARATORS, '=='),
          labRange: fc.oneof(fc.record({ low: fc.double(), high: fc.double() }), fc.anything()),
        },
        { requiredKeys: ['analyte', 'value', 'unit'] },
      ),
      { maxLength: 6 },
    ),
  },
  { requiredKeys: ['results'] },
);

describe('interpret: properties', () => {
  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const outcome = interpret(input);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary values, including objects with prototypes and symbols', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withMap: true,
          withSet: true,
        }),
        (input) => {
          expect(typeof interpret(input).ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on near-valid panels, and every error names a field', () => {
    fc.assert(
      fc.property(panelLike, (input) => {
        const outcome = interpret(input);
        if (outcome.ok) {
          expect(outcome.value.results.length).toBe(input.results.length);
        } else {
          expect(outcome.errors.length).toBeGreaterThan(0);
          for (const error of outcome.errors) {
            expect(error.path.length).toBeGreaterThan(0);
            expect(error.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  const unitPairs = (Object.keys(ANALYTES) as AnalyteId[]).flatMap((analyte) =>
    ANALYTES[analyte].units.flatMap((from) =>
      ANALYTES[analyte].units
        .filter((to) => to.code !== from.code)
        .map((to) => ({ analyte, from: from.code, to: to.code })),
    ),
  );

  it.each(unitPairs)(
    '$analyte: away from cut-offs, the same value in $to has the same status as in $from',
    ({ analyte, from, to }) => {
      const ruleSets = listRuleSets().filter((r) => r.analyte === analyte);
      const hardStop = ANALYTES[analyte].plausibility.hardStopAbove;
      const max = convertUnit(analyte, hardStop.value, hardStop.unit, from);
      fc.assert(
        fc.property(
          fc.double({ min: max / 100000, max, noNaN: true }),
          fc.constantFrom(...ruleSets),
          (value, ruleSet) => {
            const inFrom = cutoffsInUnit(ruleSet, from);
            const limits = [inFrom.deficientBelow, inFrom.sufficientFrom, inFrom.upperLimit];
            // Within 1% of a cut-off, rounding of the published pairs may legitimately differ.
            fc.pre(limits.every((limit) => Math.abs(value - limit) / limit > 0.01));
            const converted = convertUnit(analyte, value, from, to);
            const a = interpret({
              ruleSets: { [analyte]: ruleSet.id },
              results: [{ analyte, value, unit: from }],
            });
            const b = interpret({
              ruleSets: { [analyte]: ruleSet.id },
              results: [{ analyte, value: converted, unit: to }],
            });
            expect(a.ok && b.ok).toBe(true);
            if (a.ok && b.ok) expect(b.value.results[0]?.status).toBe(a.value.results[0]?.status);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('a classified censored value agrees with every value it stands for', () => {
    const analyte = fc.constantFrom(...ANALYTE_IDS);
    fc.assert(
      fc.property(
        analyte,
        fc.constantFrom(...COMPARATORS),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (id, comparator: Comparator, scale, fraction) => {
          const ruleSet = getDefaultRuleSet(id);
          const unit: UnitCode = ANALYTES[id].defaultUnit;
          const cutoffs = cutoffsInUnit(ruleSet, unit);
          const bound = Number((cutoffs.upperLimit * 2 * scale).toFixed(3));
          fc.pre(bound > 0);
          const outcome = interpret({
            results: [{ analyte: id, value: `${comparator}${bound}`, unit }],
          });
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          const status = outcome.value.results[0]?.status;
          if (status === 'indeterminate') return;
          // A sample strictly inside the interval the censored value stands for.
          const sample = comparator.startsWith('<')
            ? bound * fraction
            : bound + (bound * fraction) / 0.99 + 1e-6;
          expect(findBand(sample, cutoffs)).toBe(status);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
