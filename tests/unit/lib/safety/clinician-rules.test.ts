import { describe, expect, it } from 'vitest';
import { ANALYTES } from '@/lib/analytes/registry';
import { listEvidence } from '@/lib/references';
import { CLINICIAN_RULES, SAFETY_KIND_LABELS, clinicianSafety } from '@/lib/safety/clinician-rules';
import { clinicianRedFlags } from '@/lib/safety/red-flags';
import type { RuleFacts } from '@/lib/safety/rule';
import type { BandStatus, ContextFlag } from '@/lib/types';
import { allText, cardTexts, idsOf, one } from '@/tests/unit/support/safety-card';

describe('critical results: what to do today (8.2)', () => {
  it('critical vitamin D (180 ng/mL): calcium, phosphate, creatinine today; stop D and calcium', () => {
    const result = one({ analyte: 'vitamin-d', value: 180, unit: 'ng/mL' });
    expect(result.fhirInterpretation).toBe('HH');
    const today = result.safety.filter((s) => s.kind === 'today');
    expect(today).toHaveLength(1);
    expect(today[0]?.text).toMatch(/calcium, phosphate and creatinine today/);
    expect(today[0]?.text).toMatch(/Stop vitamin D and calcium supplements/);
    expect(today[0]?.citationIds).toEqual(expect.arrayContaining(['holick-2011', 'ods-vitamin-d']));
  });

  it('high but not critical vitamin D (105 ng/mL) has no "today" block', () => {
    const result = one({ analyte: 'vitamin-d', value: 105, unit: 'ng/mL' });
    expect(result.safety.filter((s) => s.kind === 'today')).toEqual([]);
  });

  it('critical low magnesium (0.45 mmol/L): potassium, calcium, ECG, IV usual; no oral regimen', () => {
    const result = one({ analyte: 'magnesium', value: 0.45, unit: 'mmol/L' });
    expect(result.fhirInterpretation).toBe('LL');
    const today = result.safety.find((s) => s.kind === 'today');
    expect(today?.text).toMatch(/potassium and calcium today/);
    expect(today?.text).toMatch(/ECG/);
    expect(today?.text).toMatch(/intravenous below 0.5 mmol\/L or with symptoms/);
    expect(idsOf(result.safety)).not.toContain('mg-regimen');
  });

  it('critical high magnesium (2.3 mmol/L): stop Mg antacids/laxatives/supplements, creatinine, calcium, ECG', () => {
    const result = one({ analyte: 'magnesium', value: 2.3, unit: 'mmol/L' });
    expect(result.fhirInterpretation).toBe('HH');
    const today = result.safety.find((s) => s.kind === 'today');
    expect(today?.text).toMatch(/Stop magnesium-containing antacids, laxatives and supplements/);
    expect(today?.text).toMatch(/creatinine and calcium/);
    expect(today?.text).toMatch(/ECG/);
  });

  it.each([
    ['vitamin-d', 180, 'ng/mL', 'vd-high-calcium'],
    ['magnesium', 2.3, 'mmol/L', 'mg-high-kidney'],
    ['magnesium', 0.45, 'mmol/L', 'mg-deficient-k-ca'],
  ] as const)(
    'critical %s %s: the today block replaces the routine step %s',
    (analyte, value, unit, step) => {
      const result = one({ analyte, value, unit });
      expect(idsOf(result.nextSteps)).not.toContain(step);
      const routine = one({
        analyte,
        value: { 180: 120, 2.3: 1.2, 0.45: 0.6 }[value],
        unit,
      });
      expect(idsOf(routine.nextSteps)).toContain(step);
    },
  );

  it.each([
    [1.2, 'mmol/L'],
    [2.9, 'mg/dL'],
    [2.5, 'meq/L'],
  ])('a mildly high magnesium (%s %s) does not advise an ECG', (value, unit) => {
    const result = one({ analyte: 'magnesium', value, unit });
    expect(result.status).toBe('high');
    expect(result.critical).toBe(false);
    const advised = cardTexts(result).filter((t) => /ECG/.test(t) && !/ECG is not routine/.test(t));
    expect(advised).toEqual([]);
  });

  it.each(['mmol/L', 'mg/dL', 'meq/L'] as const)(
    'the critical message and the critical-limits sentence give the same limit (%s)',
    (unit) => {
      // Critical, and outside the unit mix-up windows (0.3-0.99 mg/dL or meq/L reads as mmol/L).
      const value = { 'mmol/L': 0.3, 'mg/dL': 1.1, 'meq/L': 0.25 }[unit];
      const result = one({ analyte: 'magnesium', value, unit });
      const limit = /^Critical: (below [\d.]+ \S+)\.$/.exec(result.criticalMessage ?? '')?.[1];
      expect(limit).toBeDefined();
      expect(result.cutoffs.criticalText).toContain(limit);
    },
  );
});

describe('B12 anchoring warning (8.1)', () => {
  it.each([150, 250, '<250'])(
    'sits beside the neuropathy text on a low or borderline B12 (%s)',
    (value) => {
      const result = one({ analyte: 'vitamin-b12', value, unit: 'pg/mL' });
      expect(idsOf(result.backPain.findings)).toContain('b12-neuropathy');
      const anchoring = result.safety.find((s) => s.kind === 'anchoring');
      expect(anchoring?.text).toMatch(
        /one-sided root deficit, saddle numbness or a bladder or bowel change/,
      );
      expect(anchoring?.text).toMatch(/urgent assessment and imaging/);
      expect(anchoring?.citationIds).toEqual(['nice-ng59', 'stabler-2013']);
      expect(allText(result)).not.toMatch(
        /treat promptly if there are neurological (signs|symptoms)/i,
      );
    },
  );

  it('is not shown on a normal B12', () => {
    const result = one({ analyte: 'vitamin-b12', value: 500, unit: 'pg/mL' });
    expect(result.safety.filter((s) => s.kind === 'anchoring')).toEqual([]);
  });
});

describe('typical regimens and interactions (8.3, 8.4)', () => {
  it.each([
    ['vitamin-d', 8, 'ng/mL', 'vd-regimen', /50,000 IU once a week for 8 weeks/],
    ['vitamin-b12', 120, 'pg/mL', 'b12-regimen', /folic acid alone/],
    ['magnesium', 0.6, 'mmol/L', 'mg-regimen', /divided doses/],
  ] as const)('%s deficient shows its regimen', (analyte, value, unit, id, pattern) => {
    const result = one({ analyte, value, unit });
    const regimen = result.safety.find((s) => s.id === id);
    expect(regimen?.kind).toBe('regimen');
    expect(regimen?.text).toMatch(pattern);
    expect(regimen?.citationIds.length).toBeGreaterThan(0);
  });

  it.each([
    ['vitamin-d', 45, 'ng/mL'],
    ['vitamin-b12', 500, 'pg/mL'],
    ['magnesium', 0.9, 'mmol/L'],
  ] as const)('%s normal shows no regimen', (analyte, value, unit) => {
    expect(one({ analyte, value, unit }).safety.filter((s) => s.kind === 'regimen')).toEqual([]);
  });

  it('low magnesium lists the antibiotic, bisphosphonate and levothyroxine spacing', () => {
    const result = one({ analyte: 'magnesium', value: 0.6, unit: 'mmol/L' });
    const text = result.safety.map((s) => s.text).join(' ');
    expect(text).toMatch(/tetracycline or quinolone/);
    expect(text).toMatch(/bisphosphonates/);
    expect(text).toMatch(/4 hours apart from levothyroxine/);
    expect(text).toMatch(/digoxin/);
  });

  it('low vitamin D lists thiazides, calcium, digoxin and the 4,000 IU ceiling', () => {
    const text = one({ analyte: 'vitamin-d', value: 15, unit: 'ng/mL' })
      .safety.map((s) => s.text)
      .join(' ');
    expect(text).toMatch(/thiazide/);
    expect(text).toMatch(/digoxin/);
    expect(text).toMatch(/4,000 IU/);
  });

  it('CKD with low magnesium: caution for eGFR < 30 and no "raises magnesium" note', () => {
    const result = one({ analyte: 'magnesium', value: 0.6, unit: 'mmol/L' }, ['ckd']);
    expect(idsOf(result.safety)).toContain('mg-ckd-caution');
    expect(idsOf(result.notes)).toContain('mg-ckd-low');
    expect(idsOf(result.notes)).not.toContain('mg-ckd');
  });

  it('CKD with vitamin D cites KDIGO 2017 and says to correct deficiency', () => {
    const result = one({ analyte: 'vitamin-d', value: 15, unit: 'ng/mL' }, ['ckd']);
    const note = result.notes.find((n) => n.id === 'vd-ckd');
    expect(note?.text).toMatch(/correct deficiency as in the general population/);
    expect(note?.citationIds).toEqual(['kdigo-2017']);
  });

  it('pregnancy with low vitamin D advises supplementation (Demay 2024)', () => {
    const result = one({ analyte: 'vitamin-d', value: 15, unit: 'ng/mL' }, ['pregnancy']);
    expect(idsOf(result.notes)).toContain('vd-pregnancy-low');
    expect(
      one({ analyte: 'vitamin-d', value: 120, unit: 'ng/mL' }, ['pregnancy']).notes.map(
        (n) => n.id,
      ),
    ).not.toContain('vd-pregnancy');
  });

  it('a high magnesium in pregnancy mentions magnesium sulfate', () => {
    const result = one({ analyte: 'magnesium', value: 1.3, unit: 'mmol/L' }, ['pregnancy']);
    expect(result.notes.find((n) => n.id === 'mg-pregnancy-high')?.text).toMatch(
      /magnesium sulfate/,
    );
  });
});

describe('context notes follow the direction of the result (8.3)', () => {
  it('recent B12 injection on a LOW result: low even so, never "reads high"', () => {
    for (const value of [150, 250, '<180']) {
      const result = one({ analyte: 'vitamin-b12', value, unit: 'pg/mL' }, [
        'recent-b12-injection',
      ]);
      const text = result.notes.map((n) => n.text).join(' ');
      expect(text).toMatch(/Low even after a B12 injection/);
      expect(text).not.toMatch(/reads? high|overstate/);
    }
  });

  it('recent B12 injection on a normal or high result: may overstate stores', () => {
    for (const value of [500, 1500]) {
      const result = one({ analyte: 'vitamin-b12', value, unit: 'pg/mL' }, [
        'recent-b12-injection',
      ]);
      const text = result.notes.map((n) => n.text).join(' ');
      expect(text).toMatch(/may overstate body stores/);
      expect(text).not.toMatch(/Low even after/);
    }
  });

  it('biotin: wrong in either direction, by assay design, on low and high alike', () => {
    for (const value of [150, 1500]) {
      const note = one({ analyte: 'vitamin-b12', value, unit: 'pg/mL' }, ['biotin']).notes.find(
        (n) => n.id === 'b12-biotin',
      );
      expect(note?.text).toMatch(/either direction, depending on the assay design/);
      expect(note?.text).not.toMatch(/falsely raise/);
    }
  });
});

describe('evidence labels (8.5)', () => {
  it('labels UK Biobank as an observational cohort, apart from the Zadro systematic review', () => {
    const result = one({ analyte: 'vitamin-d', value: 15, unit: 'ng/mL' });
    const biobank = result.backPain.findings.find((f) => f.citationIds.includes('uk-biobank-2024'));
    const zadro = result.backPain.findings.find((f) => f.citationIds.includes('zadro-2018'));
    expect(biobank?.strengthLabel).toBe('Observational cohort: no association');
    expect(zadro?.strengthLabel).toMatch(/^Systematic review/);
    expect(biobank?.citationIds).not.toContain('zadro-2018');
    expect(zadro?.citationIds).not.toContain('uk-biobank-2024');
  });

  it.each([
    ['vitamin-b12', 150, 'pg/mL', 'b12-im-rct'],
    ['vitamin-b12', 250, 'pg/mL', 'b12-im-rct'],
    ['magnesium', 0.6, 'mmol/L', 'mg-iv-rct'],
    ['magnesium', 0.8, 'mmol/L', 'mg-iv-rct'],
  ] as const)(
    '%s %s: the positive trial is shown on a low or borderline result',
    (analyte, value, unit, id) => {
      expect(idsOf(one({ analyte, value, unit }).backPain.findings)).toContain(id);
    },
  );

  it.each([
    ['vitamin-b12', 500, 'pg/mL', 'b12-im-rct', 'b12-normal-no-evidence'],
    ['vitamin-b12', 1500, 'pg/mL', 'b12-im-rct', 'b12-normal-no-evidence'],
    ['magnesium', 0.9, 'mmol/L', 'mg-iv-rct', 'mg-normal-no-evidence'],
    ['magnesium', 1.2, 'mmol/L', 'mg-iv-rct', 'mg-normal-no-evidence'],
  ] as const)(
    '%s %s: no positive trial on a normal or high result; "no evidence" instead',
    (analyte, value, unit, trial, none) => {
      const findings = one({ analyte, value, unit }).backPain.findings;
      expect(idsOf(findings)).not.toContain(trial);
      const statement = findings.find((f) => f.id === none);
      expect(statement?.claim).toMatch(
        /no evidence that an extra .* supplement helps back pain when the level is normal/,
      );
    },
  );

  it('the reference page lists which results show each statement', () => {
    const rows = new Map(listEvidence().map((row) => [row.id, row]));
    expect(rows.get('b12-im-rct')?.relevantFor).toEqual(['deficient', 'insufficient']);
    expect(rows.get('mg-iv-rct')?.relevantFor).toEqual(['deficient', 'insufficient']);
    expect(rows.get('vd-uk-biobank-null')?.strengthLabel).toBe(
      'Observational cohort: no association',
    );
  });

  it('the B12 injection trials are two (Mauro 2000, Chiu 2011), not "not replicated"', () => {
    const finding = one({
      analyte: 'vitamin-b12',
      value: 150,
      unit: 'pg/mL',
    }).backPain.findings.find((f) => f.id === 'b12-im-rct');
    expect(finding?.citationIds).toEqual(['mauro-2000', 'chiu-2011']);
    expect(finding?.strengthLabel).toBe('Two small trials');
    expect(`${finding?.claim} ${finding?.strengthLabel}`).not.toMatch(/not (been )?replicated/);
  });

  it('the Cochrane cramps statement is no stronger than the review', () => {
    const finding = one({
      analyte: 'magnesium',
      value: 0.9,
      unit: 'mmol/L',
    }).backPain.findings.find((f) => f.id === 'mg-cramps-null');
    expect(finding?.claim).toMatch(/unlikely to prevent idiopathic muscle cramps in older adults/);
    expect(finding?.claim).not.toMatch(/does not prevent/);
  });
});

describe('indeterminate results: next steps consistent with every possible band', () => {
  it('"<25 ng/mL" (deficient or insufficient) lists PTH and not "no further tests"', () => {
    const result = one({ analyte: 'vitamin-d', value: '<25', unit: 'ng/mL' });
    expect(result.status).toBe('indeterminate');
    expect(result.possibleStatuses).toEqual(['deficient', 'insufficient']);
    const steps = result.nextSteps.map((s) => s.text).join(' ');
    expect(steps).toMatch(/PTH/);
    expect(steps).not.toMatch(/No further tests needed/);
    expect(idsOf(result.safety)).toContain('vd-regimen');
  });

  it('">250 pg/mL" B12 (borderline, normal or high) drops the "no action" step', () => {
    const result = one({ analyte: 'vitamin-b12', value: '>250', unit: 'pg/mL' });
    const steps = result.nextSteps.map((s) => s.text).join(' ');
    expect(steps).toMatch(/methylmalonic acid/);
    expect(steps).not.toMatch(/^No action/m);
  });

  it('a classified normal result keeps its "no action" step', () => {
    const result = one({ analyte: 'vitamin-d', value: 45, unit: 'ng/mL' });
    expect(idsOf(result.nextSteps)).toEqual(['vd-sufficient-none']);
  });
});

describe('censored bounds convert outward', () => {
  it.each([
    ['vitamin-d', '<5', 'ng/mL', 'nmol/L', '<12.5 nmol/L'],
    ['vitamin-d', '>150', 'ng/mL', 'nmol/L', '>374.4 nmol/L'],
    ['vitamin-d', '<10', 'nmol/L', 'ng/mL', '<4.01 ng/mL'],
    ['vitamin-b12', '<150', 'pg/mL', 'pmol/L', '<110.7 pmol/L'],
    ['magnesium', '<0.5', 'mmol/L', 'mg/dL', '<1.216 mg/dL'],
  ] as const)('%s %s %s -> %s', (analyte, value, unit, target, display) => {
    const result = one({ analyte, value, unit });
    expect(result.converted.find((c) => c.unit === target)?.display).toBe(display);
  });

  it('never rounds a bound inward, for many values and every unit pair', () => {
    for (const analyte of Object.values(ANALYTES)) {
      for (const from of analyte.units) {
        for (let step = 1; step <= 25; step++) {
          const value = Number((step * 0.37 + 0.11).toFixed(2));
          for (const comparator of ['<', '<=', '>', '>='] as const) {
            const result = one({
              analyte: analyte.id,
              value: `${comparator}${value}`,
              unit: from.code,
            });
            for (const converted of result.converted) {
              const to = analyte.units.find((u) => u.code === converted.unit);
              if (to === undefined) throw new Error('unknown unit');
              const exact = (value * from.toBase) / to.toBase;
              if (comparator.startsWith('<'))
                expect(converted.value).toBeGreaterThanOrEqual(exact - 1e-9);
              else expect(converted.value).toBeLessThanOrEqual(exact + 1e-9);
            }
          }
        }
      }
    }
  });
});

describe('clinician red flags (8.1)', () => {
  it('lists cauda equina (emergency), infection, fracture and malignancy, cited', () => {
    const flags = clinicianRedFlags([]);
    expect(flags.map((f) => f.id)).toEqual(['cauda-equina', 'infection', 'fracture', 'malignancy']);
    expect(flags[0]?.urgency).toBe('emergency');
    expect(flags[0]?.text).toMatch(/saddle anaesthesia/);
    for (const flag of flags) expect(flag.citationIds).toContain('nice-ng59');
  });

  it('adds the pregnancy flag only when pregnancy is ticked', () => {
    expect(clinicianRedFlags(['pregnancy']).map((f) => f.id)).toContain('pregnancy');
    expect(clinicianRedFlags(['ckd']).map((f) => f.id)).not.toContain('pregnancy');
  });
});

describe('clinicianSafety: each rule fires for its analyte, bands and context only', () => {
  const facts = (
    analyte: RuleFacts['analyte'],
    possible: readonly BandStatus[],
    critical: RuleFacts['critical'] = null,
    context: readonly ContextFlag[] = [],
  ): RuleFacts => ({
    analyte,
    status: possible.length === 1 ? (possible[0] ?? 'indeterminate') : 'indeterminate',
    possible,
    critical,
    context,
    ageYears: null,
  });
  const ids = (f: RuleFacts) => clinicianSafety(f).items.map((item) => item.id);

  it.each<[string, RuleFacts, string[]]>([
    [
      'D deficient',
      facts('vitamin-d', ['deficient']),
      ['vd-regimen', 'vd-interactions', 'vd-ceiling'],
    ],
    [
      'D insufficient: no regimen',
      facts('vitamin-d', ['insufficient']),
      ['vd-interactions', 'vd-ceiling'],
    ],
    [
      'D "<25": deficient or insufficient',
      facts('vitamin-d', ['deficient', 'insufficient']),
      ['vd-regimen', 'vd-interactions', 'vd-ceiling'],
    ],
    [
      'D "<35": could be sufficient, so no regimen',
      facts('vitamin-d', ['deficient', 'insufficient', 'sufficient']),
      ['vd-interactions', 'vd-ceiling'],
    ],
    ['D sufficient', facts('vitamin-d', ['sufficient']), []],
    ['D high', facts('vitamin-d', ['high']), ['vd-interactions']],
    [
      'D critical high',
      facts('vitamin-d', ['high'], 'high'),
      ['vd-critical-today', 'vd-interactions'],
    ],
    ['B12 deficient', facts('vitamin-b12', ['deficient']), ['b12-anchoring', 'b12-regimen']],
    ['B12 borderline: no regimen', facts('vitamin-b12', ['insufficient']), ['b12-anchoring']],
    ['B12 sufficient', facts('vitamin-b12', ['sufficient']), []],
    ['B12 high', facts('vitamin-b12', ['high']), []],
    [
      'B12 deficient with CKD: no magnesium caution',
      facts('vitamin-b12', ['deficient'], null, ['ckd']),
      ['b12-anchoring', 'b12-regimen'],
    ],
    [
      'Mg deficient',
      facts('magnesium', ['deficient']),
      ['mg-regimen', 'mg-interactions', 'mg-digoxin'],
    ],
    [
      'Mg insufficient: no regimen',
      facts('magnesium', ['insufficient']),
      ['mg-interactions', 'mg-digoxin'],
    ],
    [
      'Mg deficient with CKD: caution first',
      facts('magnesium', ['deficient'], null, ['ckd']),
      ['mg-ckd-caution', 'mg-regimen', 'mg-interactions', 'mg-digoxin'],
    ],
    ['Mg sufficient with CKD: no caution', facts('magnesium', ['sufficient'], null, ['ckd']), []],
    [
      'Mg critical low: today, no oral regimen',
      facts('magnesium', ['deficient'], 'low'),
      ['mg-critical-low-today', 'mg-interactions', 'mg-digoxin'],
    ],
    ['Mg high', facts('magnesium', ['high']), []],
    // Vitamin D and B12 have no low critical limit; were one added, magnesium advice must not show.
    [
      'D deficient, critical low',
      facts('vitamin-d', ['deficient'], 'low'),
      ['vd-regimen', 'vd-interactions', 'vd-ceiling'],
    ],
    [
      'B12 deficient, critical low',
      facts('vitamin-b12', ['deficient'], 'low'),
      ['b12-anchoring', 'b12-regimen'],
    ],
    ['Mg critical high', facts('magnesium', ['high'], 'high'), ['mg-critical-high-today']],
    // Facts of a result that carries no possible bands: any band, but certainly above the limit.
    [
      'Mg of any band, critical high: no spacing advice',
      facts('magnesium', ['deficient', 'insufficient', 'sufficient', 'high'], 'high'),
      ['mg-critical-high-today', 'mg-digoxin'],
    ],
  ])('%s', (_name, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('lists the rules in card order (by kind), so the card needs no re-sorting', () => {
    const order = Object.keys(SAFETY_KIND_LABELS);
    const kinds = CLINICIAN_RULES.map((rule) => order.indexOf(rule.shows?.kind ?? 'today'));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
  });

  it('suppresses the routine step of a critical result and nothing otherwise', () => {
    expect([...clinicianSafety(facts('vitamin-d', ['high'], 'high')).suppressed]).toEqual([
      'vd-high-calcium',
    ]);
    expect([...clinicianSafety(facts('magnesium', ['deficient'], 'low')).suppressed]).toEqual([
      'mg-deficient-k-ca',
    ]);
    expect([...clinicianSafety(facts('vitamin-d', ['deficient'])).suppressed]).toEqual([]);
  });

  it('gives each item its kind, text and the citations of its rule', () => {
    const [regimen] = clinicianSafety(facts('vitamin-b12', ['deficient'])).items.filter(
      (item) => item.kind === 'regimen',
    );
    expect(regimen).toEqual({
      id: 'b12-regimen',
      kind: 'regimen',
      text: expect.stringMatching(/^Oral 1,000-2,000 micrograms a day/) as unknown as string,
      citationIds: ['langan-2017', 'devalia-2014'],
    });
  });
});
