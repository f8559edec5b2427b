/**
 * The value-independent parts of a result (lib/interpret/result-statics.ts), through interpret():
 * back-pain findings, next steps, notes, labels and citations of a status under a ticked context.
 *
 * These parts are built once per kind of result and shared (a memo), so under mutation testing
 * only the first test that builds a kind runs the code that builds it. Each panel here ticks
 * context flags that do not concern vitamin D or magnesium ('age-65-plus', 'biotin': B12 only), so
 * its kinds are built here and not by another test first; the flags change nothing for these
 * analytes, which the first test checks.
 */
import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/interpret';
import type { ContextFlag, ResultInterpretation } from '@/lib/types';

const B12_ONLY: readonly ContextFlag[] = ['age-65-plus', 'biotin'];

function one(
  result: Record<string, unknown>,
  context: readonly ContextFlag[] = B12_ONLY,
): ResultInterpretation {
  const outcome = interpret({ context, results: [result] });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const value = outcome.value.results[0];
  if (value === undefined) throw new Error('no result');
  return value;
}

const ids = (items: ReadonlyArray<{ readonly id: string }>) => items.map((item) => item.id);

describe('result statics: back-pain findings', () => {
  it('a deficient vitamin D lists the findings of its band and those of every band', () => {
    const result = one({ analyte: 'vitamin-d', value: 8, unit: 'ng/mL' });
    expect(ids(result.backPain.findings)).toEqual([
      'vd-osteomalacia',
      'vd-prevalence',
      'vd-pain-correlation',
      'vd-supplement-null',
      'vd-uk-biobank-null',
    ]);
    // The B12-only flags change nothing here.
    const plain = one({ analyte: 'vitamin-d', value: 8, unit: 'ng/mL' }, []);
    expect(plain.backPain).toEqual(result.backPain);
    expect(plain.notes).toEqual(result.notes);
  });

  it('a sufficient vitamin D lists only the findings that hold for every band', () => {
    const sufficient = one({ analyte: 'vitamin-d', value: 40, unit: 'ug/L' });
    expect(ids(sufficient.backPain.findings)).toEqual(['vd-supplement-null', 'vd-uk-biobank-null']);
  });
});

describe('result statics: next steps', () => {
  it('a classified normal result keeps its "no action" step', () => {
    expect(ids(one({ analyte: 'vitamin-d', value: 40, unit: 'ug/L' }).nextSteps)).toEqual([
      'vd-sufficient-none',
    ]);
    expect(ids(one({ analyte: 'magnesium', value: 0.9, unit: 'mmol/L' }).nextSteps)).toEqual([
      'mg-sufficient-none',
    ]);
  });

  it('a censored value drops the reassuring steps of the bands it could be in', () => {
    const result = one({ analyte: 'vitamin-d', value: '<35', unit: 'ug/L' });
    expect(result.possibleStatuses).toEqual(['deficient', 'insufficient', 'sufficient']);
    expect(ids(result.nextSteps)).toEqual(['ask-exact-value', 'vd-deficient-bone-workup']);
    expect(result.indeterminateReason).toBe(
      '<35 ug/L could be deficient or insufficient or sufficient; the bound does not decide the band.',
    );
  });
});

describe('result statics: notes', () => {
  it('adds the rule set notice to every result, and the upper limit only when it can be high', () => {
    const notice = {
      id: 'vd-endocrine-society-2024',
      source: 'notice',
      text: 'The Endocrine Society 2024 guideline no longer endorses any 25(OH)D cut-off for sufficiency and advises against routine testing in healthy adults.',
      citationIds: ['demay-2024'],
    };
    expect(one({ analyte: 'vitamin-d', value: 60, unit: 'ug/L' }).notes).toEqual([notice]);
    expect(one({ analyte: 'vitamin-d', value: 120, unit: 'ug/L' }).notes).toEqual([
      notice,
      {
        id: 'endocrine-society-2011-upper-limit',
        source: 'band',
        text: 'Above the upper limit: possible toxicity (many US labs flag it).',
        citationIds: expect.any(Array) as unknown as string[],
      },
    ]);
    const censored = one({ analyte: 'vitamin-d', value: '>90', unit: 'ug/L' });
    expect(ids(censored.notes)).toContain('endocrine-society-2011-upper-limit');
  });

  it('pregnancy: the "normal" note on a sufficient vitamin D, the "low" note on a low one', () => {
    const context: ContextFlag[] = [...B12_ONLY, 'pregnancy'];
    const normal = one({ analyte: 'vitamin-d', value: 50, unit: 'ug/L' }, context);
    expect(ids(normal.notes)).toEqual(['vd-endocrine-society-2024', 'vd-pregnancy']);
    const low = one({ analyte: 'vitamin-d', value: 15, unit: 'ug/L' }, context);
    expect(ids(low.notes)).toEqual(['vd-endocrine-society-2024', 'vd-pregnancy-low']);
    const high = one({ analyte: 'vitamin-d', value: 110, unit: 'ug/L' }, context);
    expect(ids(high.notes)).not.toContain('vd-pregnancy');
  });
});

describe('result statics: labels and citations', () => {
  it('uses the analyte label where it refines the status, the common one elsewhere', () => {
    expect(one({ analyte: 'magnesium', value: 0.8, unit: 'mmol/L' }).statusLabel).toBe(
      'Insufficient (proposed band)',
    );
    expect(one({ analyte: 'magnesium', value: 0.5, unit: 'mmol/L' }).statusLabel).toBe('Deficient');
    expect(one({ analyte: 'vitamin-d', value: 12, unit: 'ug/L' }).statusLabel).toBe('Deficient');
  });

  it('cites every source it shows, rule set first, each once', () => {
    // 1.5 mg/dL: deficient, not critical, so its band step is shown (and cited).
    const result = one({ analyte: 'magnesium', value: 1.5, unit: 'mg/dL' }, [...B12_ONLY, 'ckd']);
    expect(result.nextSteps.length).toBeGreaterThan(0);
    const shown = [
      ...result.backPain.findings,
      ...result.nextSteps,
      ...result.notes,
      ...result.safety,
    ].flatMap((item) => item.citationIds);
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(result.citationIds).toContain(id);
    expect(result.citationIds.slice(0, result.ruleSet.citationIds.length)).toEqual(
      result.ruleSet.citationIds,
    );
    for (const id of result.citationIds) expect(typeof id).toBe('string');
    expect(new Set(result.citationIds).size).toBe(result.citationIds.length);
  });

  it('a kind reported in another unit shares its unit-free parts and cites its own unit', () => {
    // 10 ng/mL and 25 nmol/L: the same deficient vitamin D (Endocrine Society), in two units.
    const mass = one({ analyte: 'vitamin-d', value: 10, unit: 'ng/mL' }, ['biotin']);
    const molar = one({ analyte: 'vitamin-d', value: 25, unit: 'nmol/L' }, ['biotin']);
    expect(molar.status).toBe(mass.status);
    expect(molar.backPain).toBe(mass.backPain);
    expect(molar.nextSteps).toBe(mass.nextSteps);
    expect(molar.notes).toBe(mass.notes);
    expect(molar.safety).toBe(mass.safety);
    expect(mass.citationIds).not.toContain('ucum-molar-mass-vitd');
    expect(molar.citationIds).toContain('ucum-molar-mass-vitd');
    expect(molar.citationIds.filter((id) => id !== 'ucum-molar-mass-vitd')).toEqual(
      mass.citationIds,
    );
  });

  it('keeps kinds apart that a careless key would mix: critical low with a context flag, and a censored low without', () => {
    // Both in magnesium mmol/L (Rosanoff): "<0.8" could be deficient or insufficient; 0.45 is
    // critical, with 'metformin' ticked (a B12 flag, no magnesium content).
    const censored = one({ analyte: 'magnesium', value: '<0.8', unit: 'mmol/L' }, []);
    const critical = one({ analyte: 'magnesium', value: 0.45, unit: 'mmol/L' }, ['metformin']);
    const again = one({ analyte: 'magnesium', value: '<0.8', unit: 'mmol/L' }, []);
    for (const result of [censored, again]) {
      expect(result.statusLabel).toBe('Indeterminate');
      expect(ids(result.safety)).not.toContain('mg-critical-low-today');
      expect(ids(result.nextSteps)).toEqual([
        'ask-exact-value',
        'mg-deficient-k-ca',
        'mg-insufficient-diet',
      ]);
    }
    expect(critical.statusLabel).toBe('Deficient');
    expect(ids(critical.safety)).toContain('mg-critical-low-today');
  });

  // Same rule set, unit, status, bands and context: only the critical direction tells these
  // kinds apart. Were it left out of the memo's key, whichever was built first would lend its
  // safety and next steps to the other.
  it.each([
    ['magnesium', 0.45, 0.6, 'mmol/L', 'mg-critical-low-today', ['mg-deficient-k-ca'], B12_ONLY],
    // A context of its own ('biotin' alone): the vitamin D kinds of B12_ONLY are built, and
    // their notes checked, by the tests above.
    ['vitamin-d', 180, 105, 'ng/mL', 'vd-critical-today', ['vd-high-calcium'], ['biotin']],
  ] as const)(
    'gives different kinds different parts: critical %s %s and not (%s %s)',
    (analyte, criticalValue, plainValue, unit, criticalItem, plainSteps, context) => {
      const critical = one({ analyte, value: criticalValue, unit }, context);
      const plain = one({ analyte, value: plainValue, unit }, context);
      expect([critical.status, critical.critical]).toEqual([plain.status, true]);
      expect(plain.critical).toBe(false);
      expect(ids(critical.safety)).toContain(criticalItem);
      expect(ids(plain.safety)).not.toContain(criticalItem);
      expect(ids(plain.nextSteps)).toEqual(plainSteps);
      expect(ids(critical.nextSteps)).toEqual([]);
    },
  );
});

describe('result statics: kinds that differ in one part of the memo key', () => {
  // Each pair is built in one test, so a key that confuses the two kinds lends the first one's
  // parts to the second.
  it('bands: two censored vitamin D values of other possible bands', () => {
    const low = one({ analyte: 'vitamin-d', value: '<25', unit: 'ng/mL' });
    const high = one({ analyte: 'vitamin-d', value: '>90', unit: 'ng/mL' });
    expect([low.status, high.status]).toEqual(['indeterminate', 'indeterminate']);
    expect(low.possibleStatuses).toEqual(['deficient', 'insufficient']);
    expect(high.possibleStatuses).toEqual(['sufficient', 'high']);
    expect(ids(low.nextSteps)).not.toEqual(ids(high.nextSteps));
  });

  it('context: the same B12 value with metformin and with a PPI ticked', () => {
    const metformin = one({ analyte: 'vitamin-b12', value: 150, unit: 'pg/mL' }, ['metformin']);
    const ppi = one({ analyte: 'vitamin-b12', value: 150, unit: 'pg/mL' }, ['ppi']);
    expect(metformin.notes.map((note) => note.source)).toContain('metformin');
    expect(metformin.notes.map((note) => note.source)).not.toContain('ppi');
    expect(ppi.notes.map((note) => note.source)).toContain('ppi');
    expect(ppi.notes.map((note) => note.source)).not.toContain('metformin');
  });
});
