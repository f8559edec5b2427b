import { describe, expect, it } from 'vitest';
import { formatLocation } from '@/lib/formats/location';
import { interpret } from '@/lib/interpret';
import { GOLDEN_CASES, INVALID_CASES } from '@/tests/unit/support/golden-cases';
import type { Interpretation, ResultInterpretation } from '@/lib/types';

function ok(input: unknown, asOf?: string): Interpretation {
  const outcome = interpret(input, asOf === undefined ? {} : { asOf });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

function one(
  result: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): ResultInterpretation {
  const value = ok({ ...extra, results: [result] }).results[0];
  if (value === undefined) throw new Error('no result');
  return value;
}

describe('interpret: golden cases', () => {
  it.each(GOLDEN_CASES)('$id: $description', ({ panel, expected }) => {
    const results = ok(panel).results;
    expect(results.map((r) => r.analyte)).toEqual(expected.map((e) => e.analyte));
    results.forEach((result, i) => {
      const want = expected[i];
      expect(result.status).toBe(want?.status);
      expect(result.critical).toBe(want?.critical);
      expect(result.fhirInterpretation).toBe(want?.fhir);
      expect(result.warnings.map((w) => w.code)).toEqual(want?.warnings ?? []);
    });
  });
});

describe('interpret: invalid input', () => {
  it.each(INVALID_CASES)('$id is rejected with errors that name the field', ({ panel, errors }) => {
    const outcome = interpret(panel);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => ({ path: e.path, code: e.code }))).toEqual(
      errors.map((e) => ({ path: e.segments, code: e.code })),
    );
    // The fixture's printed path is what the API lists (the e2e suite checks it there).
    expect(outcome.errors.map((e) => formatLocation(e.path))).toEqual(errors.map((e) => e.path));
    for (const error of outcome.errors) expect(error.message.length).toBeGreaterThan(3);
  });

  it('uses the documented message for a bad value', () => {
    const outcome = interpret({ results: [{ analyte: 'vitamin-d', value: -1, unit: 'ng/mL' }] });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          path: ['results', 0, 'value'],
          message: 'must be a positive number, or <N / >N',
          code: 'not-positive',
        },
      ],
    });
  });

  it('reports every bad row, not just the first', () => {
    const outcome = interpret({
      results: [
        { analyte: 'vitamin-d', value: 'x', unit: 'ng/mL' },
        { analyte: 'magnesium', value: 1, unit: 'furlongs' },
        { analyte: 'vitamin-b12', value: 300, unit: 'pg/mL' },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path)).toEqual([
      ['results', 0, 'value'],
      ['results', 1, 'unit'],
    ]);
  });

  it.each([
    [null, []],
    [42, []],
    ['text', []],
    [[], []],
    [{}, ['results']],
    [{ results: 'no' }, ['results']],
    [{ results: [null] }, ['results', 0]],
    [
      {
        results: [
          { analyte: 'vitamin-d', value: 1, unit: 'ng/mL', labRange: { low: 'a', high: 3 } },
        ],
      },
      ['results', 0, 'labRange', 'low'],
    ],
  ])('returns errors for %j, the first at %j', (input, path) => {
    const outcome = interpret(input);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.errors[0]?.path).toEqual(path);
  });

  it('names unknown fields instead of ignoring them', () => {
    const outcome = interpret({
      results: [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL', labrange: {} }],
    });
    expect(!outcome.ok && outcome.errors[0]).toMatchObject({
      path: ['results', 0, 'labrange'],
      code: 'unknown-key',
    });
  });

  it('rejects an invalid asOf option', () => {
    const outcome = interpret(
      { results: [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL' }] },
      { asOf: 'today' },
    );
    expect(!outcome.ok && outcome.errors[0]?.path).toEqual(['options', 'asOf']);
  });
});

describe('interpret: censored values', () => {
  it.each([
    ['<5', 'ng/mL', 'deficient'],
    ['<20', 'ng/mL', 'deficient'],
    ['<=20', 'ng/mL', 'indeterminate'],
    ['<=19.9', 'ng/mL', 'deficient'],
    ['<21', 'ng/mL', 'indeterminate'],
    ['>100', 'ng/mL', 'high'],
    ['>=100', 'ng/mL', 'indeterminate'],
    ['>=100.5', 'ng/mL', 'high'],
    ['>150', 'ng/mL', 'high'],
    ['≥ 160', 'ng/mL', 'high'],
    ['≤ 10', 'ng/mL', 'deficient'],
    ['>40', 'ng/mL', 'indeterminate'],
    ['<12', 'nmol/L', 'deficient'],
  ])('vitamin D %s %s is %s', (value, unit, status) => {
    expect(one({ analyte: 'vitamin-d', value, unit }).status).toBe(status);
  });

  it('never reads "<5" as 5: keeps the comparator in input, conversions and FHIR code', () => {
    const result = one({ analyte: 'vitamin-d', value: '<5', unit: 'ng/mL' });
    expect(result.input).toMatchObject({ value: 5, comparator: '<', display: '<5 ng/mL' });
    // 5 x 2.496 = 12.48: a censored bound rounds outward ("<12.5"), never inward ("<12").
    expect(result.converted.find((c) => c.unit === 'nmol/L')?.display).toBe('<12.5 nmol/L');
  });

  it('accepts a FHIR-style comparator field', () => {
    const result = one({ analyte: 'vitamin-b12', value: 2000, comparator: '>', unit: 'pg/mL' });
    expect(result.input.comparator).toBe('>');
    expect(result.status).toBe('high');
  });

  it('rejects a comparator field that contradicts the value text', () => {
    const outcome = interpret({
      results: [{ analyte: 'vitamin-b12', value: '<200', comparator: '>', unit: 'pg/mL' }],
    });
    expect(!outcome.ok && outcome.errors[0]?.path).toEqual(['results', 0, 'comparator']);
  });

  it('explains an indeterminate result and suggests asking for the exact value', () => {
    const result = one({ analyte: 'vitamin-b12', value: '<300', unit: 'pg/mL' });
    expect(result.status).toBe('indeterminate');
    expect(result.indeterminateReason).toContain('deficient or insufficient');
    expect(result.nextSteps[0]?.id).toBe('ask-exact-value');
    expect(result.fhirInterpretation).toBe('IND');
  });

  it('marks a censored value critical only when the bound proves it', () => {
    expect(one({ analyte: 'vitamin-d', value: '>150', unit: 'ng/mL' }).critical).toBe(true);
    expect(one({ analyte: 'vitamin-d', value: '>120', unit: 'ng/mL' }).critical).toBe(false);
    expect(one({ analyte: 'magnesium', value: '<0.5', unit: 'mmol/L' }).critical).toBe(true);
  });
});

describe('interpret: output fields', () => {
  it('keeps the order of the input and carries the panel metadata', () => {
    const interpretation = ok(
      {
        id: 'P-1',
        patient: { name: 'Łukasz' },
        clinician: { name: 'Dr A', clinic: 'C', phone: '1' },
        collectedOn: '2026-11-01',
        results: [
          { analyte: 'magnesium', value: 2, unit: 'mg/dL' },
          { analyte: 'vitamin-d', value: 30, unit: 'ng/mL' },
        ],
      },
      '2026-11-26',
    );
    expect(interpretation.results.map((r) => r.analyte)).toEqual(['magnesium', 'vitamin-d']);
    expect(interpretation).toMatchObject({
      panelId: 'P-1',
      collectedOn: '2026-11-01',
      asOf: '2026-11-26',
      patient: { name: 'Łukasz' },
    });
    expect(interpretation.rulesVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('converts the value into every other accepted unit', () => {
    const result = one({ analyte: 'magnesium', value: 0.8, unit: 'mmol/L' });
    expect(result.converted).toEqual([
      { value: 1.94, unit: 'mg/dL', display: '1.94 mg/dL' },
      { value: 1.6, unit: 'meq/L', display: '1.6 meq/L' },
    ]);
  });

  it('reports the unit as entered and its UCUM code', () => {
    const result = one({ analyte: 'magnesium', value: 1.6, unit: 'mEq/L' });
    expect(result.input.unitEntered).toBe('mEq/L');
    expect(result.input.unit).toBe('meq/L');
    expect(result.cutoffs).toMatchObject({ unit: 'meq/L', deficientBelow: 1.4, derived: true });
  });

  it('compares in the reported unit: 50 nmol/L is insufficient although it is 20.03 ng/mL', () => {
    expect(one({ analyte: 'vitamin-d', value: 49.9, unit: 'nmol/L' }).status).toBe('deficient');
    expect(one({ analyte: 'vitamin-d', value: 50, unit: 'nmol/L' }).status).toBe('insufficient');
  });

  it('never shows a high value as sufficient', () => {
    const result = one({ analyte: 'vitamin-d', value: 120, unit: 'ng/mL' });
    expect(result.status).toBe('high');
    expect(result.fhirInterpretation).toBe('H');
  });

  it('gives back-pain findings with strength labels and citations', () => {
    const result = one({ analyte: 'vitamin-d', value: 8, unit: 'ng/mL' });
    // The summary concludes; the osteomalacia mechanism is its own finding (not said twice).
    expect(result.backPain.summary).toMatch(/^Deficient: /);
    expect(result.backPain.summary).not.toMatch(/osteomalacia/);
    const ids = result.backPain.findings.map((f) => f.id);
    expect(ids).toContain('vd-osteomalacia');
    expect(ids).toContain('vd-supplement-null');
    for (const finding of result.backPain.findings) {
      expect(finding.strengthLabel.length).toBeGreaterThan(0);
      expect(finding.citationIds.length).toBeGreaterThan(0);
    }
    expect(
      one({ analyte: 'vitamin-d', value: 45, unit: 'ng/mL' }).backPain.findings.map((f) => f.id),
    ).not.toContain('vd-osteomalacia');
  });

  it('adds the 2024 Endocrine Society notice to every vitamin D result', () => {
    const result = one({ analyte: 'vitamin-d', value: 45, unit: 'ng/mL' });
    expect(result.notes.some((n) => n.id === 'vd-endocrine-society-2024')).toBe(true);
  });

  it('gives the next steps of the band', () => {
    expect(
      one({ analyte: 'vitamin-b12', value: 250, unit: 'pg/mL' }).nextSteps.map((s) => s.id),
    ).toEqual(['b12-borderline-mma']);
    expect(
      one({ analyte: 'magnesium', value: 3, unit: 'mg/dL' }).nextSteps.map((s) => s.id),
    ).toEqual(['mg-high-kidney']);
  });

  it.each([
    ['metformin', 'vitamin-b12', 'b12-metformin'],
    ['ppi', 'magnesium', 'mg-ppi'],
    ['ppi', 'vitamin-b12', 'b12-ppi'],
    ['ckd', 'magnesium', 'mg-ckd'],
    ['ckd', 'vitamin-d', 'vd-ckd'],
    ['pregnancy', 'vitamin-b12', 'b12-pregnancy'],
    ['age-65-plus', 'vitamin-b12', 'b12-age-65'],
    ['biotin', 'vitamin-b12', 'b12-biotin'],
    ['recent-b12-injection', 'vitamin-b12', 'b12-recent-injection'],
  ] as const)('context %s adds a note to %s', (flag, analyte, noteId) => {
    const units = { 'vitamin-d': 'ng/mL', 'vitamin-b12': 'pg/mL', magnesium: 'mg/dL' } as const;
    const value = { 'vitamin-d': 25, 'vitamin-b12': 400, magnesium: 2.2 }[analyte];
    const withFlag = one({ analyte, value, unit: units[analyte] }, { context: [flag] });
    const without = one({ analyte, value, unit: units[analyte] });
    expect(withFlag.notes.map((n) => n.id)).toContain(noteId);
    expect(without.notes.map((n) => n.id)).not.toContain(noteId);
  });

  it('labels the proposed magnesium band', () => {
    const result = one({ analyte: 'magnesium', value: 0.8, unit: 'mmol/L' });
    expect(result.status).toBe('insufficient');
    // The band table carries the note (once); the notes list does not repeat it.
    const band = result.bands.find((b) => b.status === 'insufficient');
    expect(band?.note).toMatch(/proposed, not yet standard practice/i);
    expect(result.notes.some((n) => /proposed, not yet standard practice/i.test(n.text))).toBe(
      false,
    );
  });

  it('lists every citation it uses', () => {
    const result = one({ analyte: 'vitamin-d', value: 8, unit: 'nmol/L' });
    expect(result.citationIds).toContain('bordelon-2009');
    expect(result.citationIds).toContain('ucum-molar-mass-vitd');
    expect(new Set(result.citationIds).size).toBe(result.citationIds.length);
  });
});

describe('interpret: plausibility and lab ranges', () => {
  it.each([
    ['vitamin-d', 250, 'ng/mL', true],
    ['vitamin-d', 250, 'nmol/L', false],
    ['vitamin-b12', 40, 'pg/mL', true],
    ['vitamin-b12', 40, 'pmol/L', false],
    ['magnesium', 6, 'mmol/L', true],
    ['magnesium', 2, 'mmol/L', true],
    ['magnesium', 0.9, 'mmol/L', false],
    ['magnesium', 2, 'mg/dL', false],
  ] as const)('%s %s %s: possible unit mix-up %s', (analyte, value, unit, warned) => {
    const codes = one({ analyte, value, unit }).warnings.map((w) => w.code);
    expect(codes.includes('possible-unit-mixup')).toBe(warned);
  });

  it.each([
    ['vitamin-d', 1000, 'ng/mL', true],
    ['vitamin-d', 1000.5, 'ng/mL', false],
    ['vitamin-d', 2496, 'nmol/L', true],
    ['vitamin-d', 2500, 'nmol/L', false],
    ['vitamin-b12', 100000, 'pg/mL', true],
    ['vitamin-b12', 100001, 'ng/L', false],
    ['magnesium', 10, 'mmol/L', true],
    ['magnesium', 20.5, 'meq/L', false],
    ['magnesium', 25, 'mg/dL', false],
  ] as const)('%s %s %s accepted: %s (hard stop)', (analyte, value, unit, accepted) => {
    const outcome = interpret({ results: [{ analyte, value, unit }] });
    expect(outcome.ok).toBe(accepted);
    if (!outcome.ok)
      expect(outcome.errors[0]).toMatchObject({
        path: ['results', 0, 'value'],
        code: 'implausible',
      });
  });

  it('flags a lab range that disagrees with the guideline band, in both directions', () => {
    const labNormalGuidelineLow = one({
      analyte: 'vitamin-d',
      value: 25,
      unit: 'ng/mL',
      labRange: { low: 20, high: 100 },
    });
    expect(labNormalGuidelineLow.labRange?.position).toBe('within');
    expect(labNormalGuidelineLow.warnings.map((w) => w.code)).toContain('lab-range-discordant');
    const labLowGuidelineOk = one({
      analyte: 'magnesium',
      value: 2.1,
      unit: 'mg/dL',
      labRange: { low: 2.2, high: 2.8 },
    });
    expect(labLowGuidelineOk.labRange?.position).toBe('below');
    expect(labLowGuidelineOk.warnings.map((w) => w.code)).toContain('lab-range-discordant');
    const agree = one({
      analyte: 'vitamin-d',
      value: 45,
      unit: 'ng/mL',
      labRange: { low: 30, high: 100 },
    });
    expect(agree.warnings).toEqual([]);
  });

  it('warns outside the usual assay range but still classifies', () => {
    const result = one({ analyte: 'vitamin-b12', value: 2500, unit: 'pg/mL' });
    expect(result.status).toBe('high');
    expect(result.warnings.map((w) => w.code)).toContain('outside-assay-range');
  });
});

describe('interpret: critical limits text', () => {
  it('states converted critical limits at the precision of the unit, and that they are lab-specific', () => {
    const result = one({ analyte: 'magnesium', value: 2, unit: 'mg/dL' });
    expect(result.cutoffs.criticalText).toBe(
      'Critical limits: below 1.22 mg/dL, above 4.86 mg/dL (lab-specific: check your laboratory).',
    );
  });

  it('states published critical limits as published', () => {
    expect(one({ analyte: 'vitamin-d', value: 30, unit: 'nmol/L' }).cutoffs.criticalText).toBe(
      'Critical limits: above 375 nmol/L.',
    );
    expect(
      one({ analyte: 'vitamin-b12', value: 300, unit: 'pg/mL' }).cutoffs.criticalText,
    ).toBeUndefined();
  });
});

describe('interpret: dates against asOf', () => {
  const results = [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL' }];

  it('rejects a sample collected after the date of the interpretation', () => {
    const outcome = interpret({ collectedOn: '2030-01-01', results }, { asOf: '2026-11-26' });
    expect(!outcome.ok && outcome.errors).toEqual([
      {
        path: ['collectedOn'],
        message: 'must not be after 2026-11-26, the date of the interpretation',
        code: 'invalid-date',
      },
    ]);
  });

  it('rejects a birth date after the date of the interpretation', () => {
    const outcome = interpret(
      { patient: { birthDate: '2027-01-01' }, results },
      { asOf: '2026-11-26' },
    );
    expect(!outcome.ok && outcome.errors).toEqual([
      {
        path: ['patient', 'birthDate'],
        message: 'must not be after 2026-11-26, the date of the interpretation',
        code: 'invalid-date',
      },
    ]);
  });

  it('accepts a patient born on the day of the interpretation', () => {
    const outcome = interpret(
      { patient: { birthDate: '2026-11-26' }, results },
      { asOf: '2026-11-26' },
    );
    expect(outcome.ok).toBe(true);
  });

  it('accepts a sample collected on the day itself, and any date without asOf', () => {
    expect(interpret({ collectedOn: '2026-11-26', results }, { asOf: '2026-11-26' }).ok).toBe(true);
    expect(interpret({ collectedOn: '2030-01-01', results }).ok).toBe(true);
  });
});

describe('interpret: errors are field errors only', () => {
  it.each([
    [null, [{ path: [], message: 'must be a panel object', code: 'invalid-type' }]],
    [
      { results: 'no' },
      [{ path: ['results'], message: 'must be a list of results', code: 'invalid-type' }],
    ],
  ])('%j has exactly the schema error', (input, errors) => {
    expect(interpret(input)).toEqual({ ok: false, errors });
  });

  it('reports a code of another analyte as the only error', () => {
    const outcome = interpret({
      results: [
        { analyte: 'vitamin-d', value: 20, unit: 'ng/mL' },
        { analyte: 'vitamin-d', value: 20, unit: 'ng/mL', code: '2132-9' },
      ],
    });
    expect(outcome).toEqual({
      ok: false,
      errors: [
        {
          path: ['results', 1, 'code'],
          message:
            'must be a LOINC code of vitamin-d measured in serum or plasma (62292-8, 14635-7, 1989-3)',
          code: 'invalid',
        },
      ],
    });
  });
});

describe('interpret: context and metadata', () => {
  const results = [{ analyte: 'vitamin-b12', value: 400, unit: 'pg/mL' }];

  it.each([
    [undefined, []],
    [[], []],
    [['ckd'], ['ckd']],
    [['ckd', 'ckd'], ['ckd']],
    [
      ['ppi', 'metformin', 'ppi'],
      ['ppi', 'metformin'],
    ],
  ])('context %j is listed once per flag, in first-tick order: %j', (context, listed) => {
    expect(ok(context === undefined ? { results } : { context, results }).context).toEqual(listed);
  });

  it('carries the clinician, and empty patient and clinician when none are given', () => {
    const clinician = { name: 'Dr A', clinic: 'C', phone: '1' };
    expect(ok({ clinician, results })).toMatchObject({ clinician, patient: {}, panelId: null });
    expect(ok({ results })).toMatchObject({ clinician: {}, patient: {}, collectedOn: null });
  });
});

describe('interpret: a critical value that looks like a unit mix-up', () => {
  it('says "check the unit first" before the critical message (Mg 2.3 mmol/L, mg/dL-like)', () => {
    const result = one({ analyte: 'magnesium', value: 2.3, unit: 'mmol/L' });
    expect(result.warnings.map((w) => w.code)).toContain('possible-unit-mixup');
    expect(result.criticalMessage).toBe(
      'Check the unit first: the value fits another unit far better (see the unit warning). If the unit is right: Critical: above 2 mmol/L.',
    );
  });

  it('keeps the plain critical message beside another warning (D 180 ng/mL, above the assay range)', () => {
    const result = one({ analyte: 'vitamin-d', value: 180, unit: 'ng/mL' });
    expect(result.warnings.map((w) => w.code)).toEqual(['outside-assay-range']);
    expect(result.criticalMessage).toBe('Critical: above 150 ng/mL.');
  });

  it('gives no critical message to a mix-up that is not critical (B12 40 pg/mL)', () => {
    const result = one({ analyte: 'vitamin-b12', value: 40, unit: 'pg/mL' });
    expect(result.warnings.map((w) => w.code)).toContain('possible-unit-mixup');
    expect(result.critical).toBe(false);
    expect(result.criticalMessage).toBeUndefined();
  });
});
