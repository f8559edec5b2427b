import { describe, expect, it } from 'vitest';
import { importJson } from '@/lib/formats/import';
import { mergeImportWarnings } from '@/lib/formats/import-merge';
import { interpret } from '@/lib/interpret';

const AS_OF = { asOf: '2026-11-30' };

function observation(code: string, value: number, unit: string) {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: 'Patient/1' },
    effectiveDateTime: '2026-11-20',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

describe('a result carries its source code', () => {
  it('adds the D3-only warning for LOINC 1989-3 in interpret() itself', () => {
    const outcome = interpret(
      { results: [{ analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: '1989-3' }] },
      AS_OF,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.results[0]?.warnings.map((w) => w.code)).toContain('vitamin-d3-only-code');
  });

  it('adds no code warning for a total 25(OH)D code or no code', () => {
    for (const result of [
      { analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: '62292-8' },
      { analyte: 'vitamin-d', value: 25, unit: 'ng/mL' },
    ]) {
      const outcome = interpret({ results: [result] }, AS_OF);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.value.results[0]?.warnings.map((w) => w.code)).not.toContain(
        'vitamin-d3-only-code',
      );
    }
  });

  it.each([
    ['a code of another analyte', 'magnesium', '1989-3'],
    ['whole-blood B12', 'vitamin-b12', '16695-9'],
    ['an unknown code', 'vitamin-d', '12345-6'],
  ])('refuses %s with an error naming results[i].code', (_label, analyte, code) => {
    const unit = { magnesium: 'mmol/L', 'vitamin-b12': 'pg/mL', 'vitamin-d': 'ng/mL' }[analyte];
    const outcome = interpret(
      {
        results: [
          { analyte: 'vitamin-d', value: 25, unit: 'ng/mL' },
          { analyte, value: 1, unit, code },
        ],
      },
      AS_OF,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path)).toContainEqual(['results', 1, 'code']);
  });

  it('refuses text that is not a LOINC code', () => {
    const outcome = interpret(
      { results: [{ analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: 'D3 only' }] },
      AS_OF,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]?.path).toEqual(['results', 0, 'code']);
  });

  it('an imported FHIR 1989-3 Observation keeps its code and gets the warning once', () => {
    const imported = importJson(observation('1989-3', 25, 'ng/mL'));
    expect(imported.kind).toBe('fhir');
    if (imported.kind === 'invalid') return;
    const item = imported.panels[0]?.imported;
    expect(item?.panel.results[0]?.code).toBe('1989-3');
    const outcome = interpret(item?.panel, AS_OF);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok || item === undefined) return;
    const merged = mergeImportWarnings(outcome.value, item.warnings);
    const codes = merged.results[0]?.warnings.map((w) => w.code) ?? [];
    expect(codes.filter((c) => c === 'vitamin-d3-only-code')).toHaveLength(1);
    // The import's own message and interpret()'s are the same text.
    expect(item.warnings[0]?.message).toBe(
      outcome.value.results[0]?.warnings.find((w) => w.code === 'vitamin-d3-only-code')?.message,
    );
  });
});

describe('unit mix-ups are warned in both directions, and a critical flag says check the unit', () => {
  it.each([
    ['magnesium', 0.64, 'mg/dL', 'mmol/L'],
    ['magnesium', 0.8, 'meq/L', 'mmol/L'],
    ['magnesium', 2.1, 'mmol/L', 'mg/dL'],
    ['vitamin-d', 8, 'nmol/L', 'ng/mL'],
    ['vitamin-d', 250, 'ng/mL', 'nmol/L'],
    ['vitamin-b12', 1800, 'pmol/L', 'pg/mL'],
    ['vitamin-b12', 40, 'pg/mL', 'pmol/L'],
  ])('%s %s %s looks like %s', (analyte, value, unit, likely) => {
    const outcome = interpret({ results: [{ analyte, value, unit }] }, AS_OF);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const result = outcome.value.results[0];
    const mixup = result?.warnings.find((w) => w.code === 'possible-unit-mixup');
    expect(mixup?.message).toContain(likely);
    if (result?.critical === true) expect(result.criticalMessage).toMatch(/^Check the unit first/);
  });

  it('no mix-up warning in the ordinary ranges of each unit', () => {
    for (const [analyte, value, unit] of [
      ['magnesium', 1.9, 'mg/dL'],
      ['magnesium', 0.8, 'mmol/L'],
      ['magnesium', 1.7, 'meq/L'],
      ['vitamin-d', 30, 'ng/mL'],
      ['vitamin-d', 60, 'nmol/L'],
      ['vitamin-b12', 400, 'pg/mL'],
      ['vitamin-b12', 300, 'pmol/L'],
    ] as const) {
      const outcome = interpret({ results: [{ analyte, value, unit }] }, AS_OF);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.value.results[0]?.warnings.map((w) => w.code)).not.toContain(
        'possible-unit-mixup',
      );
    }
  });

  it('magnesium 0.64 mg/dL is critical and the message starts with "Check the unit"', () => {
    const outcome = interpret(
      { results: [{ analyte: 'magnesium', value: 0.64, unit: 'mg/dL' }] },
      AS_OF,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const result = outcome.value.results[0];
    expect(result?.critical).toBe(true);
    expect(result?.criticalMessage).toMatch(
      /^Check the unit first: .* If the unit is right: Critical: below /,
    );
    expect(result?.warnings.find((w) => w.code === 'possible-unit-mixup')?.message).toMatch(
      /^0\.64 mg\/dL fits mmol\/L/,
    );
  });

  it('a critical value that is no mix-up keeps its own message', () => {
    const outcome = interpret(
      { results: [{ analyte: 'magnesium', value: 0.4, unit: 'mmol/L' }] },
      AS_OF,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.results[0]?.critical).toBe(true);
    expect(outcome.value.results[0]?.criticalMessage).not.toMatch(/Check the unit/);
  });
});
