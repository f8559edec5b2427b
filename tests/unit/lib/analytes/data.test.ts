import { describe, expect, it } from 'vitest';
import { ANALYTES, getDefaultRuleSet, listRuleSets } from '@/lib/analytes/registry';
import { CITATIONS, findCitation } from '@/lib/citations';
import { cutoffsInUnit, listBands } from '@/lib/classify';
import { convertUnit, normaliseUnit } from '@/lib/units';
import type { Analyte, QuantityByUnit, UnitCode } from '@/lib/types';
import { CONTEXT_FLAGS } from '@/lib/types';

const analytes: readonly Analyte[] = Object.values(ANALYTES);
const ruleSets = listRuleSets();

function allCitationIds(analyte: Analyte): string[] {
  return [
    ...analyte.citationIds,
    ...analyte.units.flatMap((u) => u.citationIds),
    ...analyte.ruleSets.flatMap((r) => r.citationIds),
    ...analyte.backPain.statements.flatMap((s) => s.citationIds),
    ...analyte.nextSteps.flatMap((s) => s.citationIds),
    ...analyte.contextNotes.flatMap((n) => n.citationIds),
    ...analyte.notices.flatMap((n) => n.citationIds),
  ];
}

describe('rule-set data', () => {
  it.each(analytes.map((a) => ({ id: a.id, analyte: a })))(
    '$id has exactly one default rule set',
    ({ analyte }) => {
      expect(analyte.ruleSets.filter((r) => r.isDefault)).toHaveLength(1);
      expect(getDefaultRuleSet(analyte.id).analyte).toBe(analyte.id);
    },
  );

  const perUnit = ruleSets.flatMap((ruleSet) =>
    ANALYTES[ruleSet.analyte].units.map((unit) => ({ id: ruleSet.id, unit: unit.code, ruleSet })),
  );

  it.each(perUnit)('$id in $unit: bands ascend and touch', ({ ruleSet, unit }) => {
    const cutoffs = cutoffsInUnit(ruleSet, unit);
    expect(cutoffs.deficientBelow).toBeGreaterThan(0);
    expect(cutoffs.deficientBelow).toBeLessThanOrEqual(cutoffs.sufficientFrom);
    expect(cutoffs.sufficientFrom).toBeLessThan(cutoffs.upperLimit);
    if (cutoffs.criticalBelow !== undefined)
      expect(cutoffs.criticalBelow).toBeLessThan(cutoffs.deficientBelow);
    if (cutoffs.criticalAbove !== undefined)
      expect(cutoffs.criticalAbove).toBeGreaterThan(cutoffs.upperLimit);
    const bands = listBands(ruleSet, cutoffs);
    expect(bands[0]?.lower).toBeNull();
    expect(bands.at(-1)?.upper).toBeNull();
    for (let i = 1; i < bands.length; i += 1) {
      expect(bands[i]?.lower).toBe(bands[i - 1]?.upper);
      expect(bands[i]?.lower).toBeGreaterThan(bands[i - 1]?.lower ?? 0);
    }
  });

  const published = ruleSets.flatMap((ruleSet) => {
    const limits: Array<[string, QuantityByUnit | undefined]> = [
      ['deficientBelow', ruleSet.deficientBelow],
      ['sufficientFrom', ruleSet.sufficientFrom],
      ['upperLimit', ruleSet.upperLimit],
      ['criticalBelow', ruleSet.criticalBelow],
      ['criticalAbove', ruleSet.criticalAbove],
    ];
    return limits
      .filter((entry): entry is [string, QuantityByUnit] => entry[1] !== undefined)
      .map(([limit, quantity]) => ({ id: ruleSet.id, limit, analyte: ruleSet.analyte, quantity }));
  });

  it.each(published)(
    '$id $limit: every published unit column agrees within 1%',
    ({ analyte, quantity }) => {
      const entries = Object.entries(quantity) as Array<[UnitCode, number]>;
      const [first, ...rest] = entries;
      expect(first).toBeDefined();
      if (first === undefined) return;
      for (const [unit, value] of rest) {
        const converted = convertUnit(analyte, first[1], first[0], unit);
        expect(Math.abs(converted - value) / value).toBeLessThan(0.01);
      }
    },
  );
});

describe('citations', () => {
  it.each(analytes.map((a) => ({ id: a.id, analyte: a })))(
    'every citation id of $id resolves',
    ({ analyte }) => {
      const missing = allCitationIds(analyte).filter((id) => findCitation(id) === undefined);
      expect(missing).toEqual([]);
    },
  );

  it('every statement, next step, note, band and factor carries at least one citation', () => {
    for (const analyte of analytes) {
      const items = [
        ...analyte.units,
        ...analyte.ruleSets,
        ...analyte.backPain.statements,
        ...analyte.nextSteps,
        ...analyte.contextNotes,
        ...analyte.notices,
      ];
      for (const item of items) expect(item.citationIds.length).toBeGreaterThan(0);
    }
  });

  it('keys match ids and DOIs look like DOIs', () => {
    for (const [key, citation] of Object.entries(CITATIONS)) {
      expect(citation.id).toBe(key);
      const doi: string | undefined = 'doi' in citation ? citation.doi : undefined;
      if (doi !== undefined) expect(doi).toMatch(/^10\.\d{4,9}\/\S+$/);
    }
  });
});

describe('units', () => {
  const pairs = analytes.flatMap((analyte) =>
    analyte.units.flatMap((from) =>
      analyte.units.map((to) => ({ analyte: analyte.id, from: from.code, to: to.code })),
    ),
  );

  it.each(pairs)('$analyte converts $from -> $to and back', ({ analyte, from, to }) => {
    const there = convertUnit(analyte, 42, from, to);
    expect(Number.isFinite(there)).toBe(true);
    expect(convertUnit(analyte, there, to, from)).toBeCloseTo(42, 9);
  });

  it.each(analytes.flatMap((a) => a.units.map((u) => ({ analyte: a.id, code: u.code }))))(
    '$analyte accepts its own UCUM code $code',
    ({ code }) => {
      expect(normaliseUnit(code)).toBe(code);
    },
  );

  it.each([
    ['ng/ml', 'ng/mL'],
    ['NG/ML', 'ng/mL'],
    ['µg/L', 'ug/L'],
    ['μg/l', 'ug/L'],
    ['mcg/L', 'ug/L'],
    ['nmol/l', 'nmol/L'],
    ['mEq/L', 'meq/L'],
    [' mg / dL ', 'mg/dL'],
    ['pmol/l', 'pmol/L'],
    ['ng/L', 'ng/L'],
  ])('normalises the spelling %j to %s', (raw, code) => {
    expect(normaliseUnit(raw)).toBe(code);
  });

  it.each(['ng/dL', 'mg/L', 'IU/L', '', 'mmol', 'eq/L'])(
    'rejects %j instead of guessing',
    (raw) => {
      expect(normaliseUnit(raw)).toBeUndefined();
    },
  );

  it('converts magnesium meq/L by valence 2, not by UCUM eq = mol', () => {
    expect(convertUnit('magnesium', 1, 'mmol/L', 'meq/L')).toBe(2);
    expect(convertUnit('magnesium', 1.7, 'meq/L', 'mmol/L')).toBeCloseTo(0.85, 12);
  });

  it('uses the factors of the clinical reference', () => {
    expect(convertUnit('vitamin-d', 1, 'ng/mL', 'nmol/L')).toBeCloseTo(2.496, 9);
    expect(convertUnit('vitamin-b12', 1, 'pg/mL', 'pmol/L')).toBeCloseTo(0.738, 9);
    expect(convertUnit('magnesium', 1, 'mg/dL', 'mmol/L')).toBeCloseTo(0.4114, 9);
  });
});

describe('clinical content', () => {
  it.each(analytes.map((a) => ({ id: a.id, analyte: a })))(
    '$id has a next step for every band',
    ({ analyte }) => {
      for (const status of ['deficient', 'insufficient', 'sufficient', 'high'] as const) {
        expect(analyte.nextSteps.some((step) => step.status === status)).toBe(true);
      }
    },
  );

  it('every context flag adds a note to at least one analyte', () => {
    for (const flag of CONTEXT_FLAGS) {
      expect(analytes.some((a) => a.contextNotes.some((n) => n.context === flag))).toBe(true);
    }
  });

  it('labels the proposed magnesium band as not yet standard practice', () => {
    const rosanoff = ANALYTES.magnesium.ruleSets.find((r) => r.id === 'mg-rosanoff-2022');
    expect(rosanoff?.bandNotes.insufficient).toMatch(/proposed, not yet standard practice/i);
  });

  it('shows the 2024 Endocrine Society position with vitamin D', () => {
    expect(ANALYTES['vitamin-d'].notices.some((n) => n.citationIds.includes('demay-2024'))).toBe(
      true,
    );
  });
});
