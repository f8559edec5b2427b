import { describe, expect, it } from 'vitest';
import { importJson, mergeImportWarnings } from '@/lib/import';
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
    expect(outcome.errors.map((e) => e.path)).toContain('results[1].code');
  });

  it('refuses text that is not a LOINC code', () => {
    const outcome = interpret(
      { results: [{ analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: 'D3 only' }] },
      AS_OF,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]?.path).toBe('results[0].code');
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
