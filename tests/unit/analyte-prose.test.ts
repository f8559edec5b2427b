/**
 * Numbers written in the analyte data's prose (rule-set names, band notes, caveats, unit bases)
 * are the data's own numbers: a cut-off that changes cannot leave a sentence behind.
 */
import { describe, expect, it } from 'vitest';
import { ANALYTES, listRuleSets } from '@/lib/analytes/registry';
import type { RuleSet } from '@/lib/types';

function numbersIn(text: string): number[] {
  // "25(OH)D3" and "Mg2+" name substances, not quantities: letters glued to digits are skipped.
  return [...text.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map((match) => Number(match[0]));
}

function limitsOf(ruleSet: RuleSet): Set<number> {
  const quantities = [
    ruleSet.deficientBelow,
    ruleSet.sufficientFrom,
    ruleSet.upperLimit,
    ruleSet.criticalBelow ?? {},
    ruleSet.criticalAbove ?? {},
  ];
  return new Set(quantities.flatMap((quantity) => Object.values(quantity)));
}

describe('analyte prose', () => {
  it.each(listRuleSets().map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    'rule set %s states only its own cut-offs in its name, band notes and caveats',
    (_id, ruleSet) => {
      const limits = limitsOf(ruleSet);
      const texts = [ruleSet.name, ...Object.values(ruleSet.bandNotes), ...ruleSet.caveats];
      for (const text of texts) {
        for (const number of numbersIn(text).filter((n) => n < 1900)) {
          expect(limits, `${number} in "${text}"`).toContain(number);
        }
      }
    },
  );

  it('names the rule sets with the band they differ by', () => {
    expect(listRuleSets().map((ruleSet) => ruleSet.name)).toEqual(
      expect.arrayContaining([
        'Common (borderline 200-300 pg/mL)',
        'Wide grey zone (borderline 200-400 pg/mL)',
        'Rosanoff 2022 (proposed lower limit 0.85 mmol/L)',
      ]),
    );
  });

  it.each(
    Object.values(ANALYTES).flatMap((analyte) =>
      analyte.units
        .filter((unit) => unit.basis.includes(' x '))
        .map((unit) => [`${analyte.id} ${unit.code}`, unit] as const),
    ),
  )('the %s basis states the factor the conversion uses', (_name, unit) => {
    const factor = Number(/ x (\d+(?:\.\d+)?)/.exec(unit.basis)?.[1]);
    // Either the factor to the base unit, or the one from it (1 / toBase).
    expect([unit.toBase, 1 / unit.toBase].some((value) => Math.abs(value - factor) < 1e-12)).toBe(
      true,
    );
  });
});
