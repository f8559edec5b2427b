import { describe, expect, it } from 'vitest';
import {
  BAND_SYSTEM,
  LOINC_SYSTEM,
  RULE_SET_EXTENSION,
  UCUM_SYSTEM,
  V3_INTERPRETATION_SYSTEM,
} from '@/lib/formats/codes';
import { toFhirBundle } from '@/lib/formats/fhir/write';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';

import { interpretOk } from '@/tests/unit/support/fhir';

describe('toFhirBundle', () => {
  const golden = GOLDEN_CASES.find((c) => c.id === 'censored-decided');
  const interpretation = interpretOk(golden?.panel);
  const result = toFhirBundle([interpretation]);
  const first = result.entry[0]?.resource;

  it('is a collection Bundle with one Observation per result', () => {
    expect(result.resourceType).toBe('Bundle');
    expect(result.type).toBe('collection');
    expect(result.entry).toHaveLength(interpretation.results.length);
    expect(new Set(result.entry.map((e) => e.resource.id)).size).toBe(result.entry.length);
  });

  it('writes the LOINC code with text, and UCUM quantities with the comparator', () => {
    expect(first?.code.coding[0]).toMatchObject({ system: LOINC_SYSTEM, code: '62292-8' });
    expect(first?.code.text).toBe(interpretation.results[0]?.analyteName);
    expect(first?.valueQuantity).toEqual({
      value: 5,
      comparator: '<',
      unit: 'ng/mL',
      system: UCUM_SYSTEM,
      code: 'ng/mL',
    });
  });

  it('codes the interpretation in v3 and our band system', () => {
    const codings = first?.interpretation[0]?.coding ?? [];
    expect(codings[0]).toEqual({ system: V3_INTERPRETATION_SYSTEM, code: 'L', display: 'Low' });
    expect(codings[1]).toMatchObject({ system: BAND_SYSTEM, code: 'deficient' });
    const critical = result.entry[2]?.resource.interpretation[0]?.coding?.[0];
    expect(critical).toEqual({
      system: V3_INTERPRETATION_SYSTEM,
      code: 'LL',
      display: 'Critical low',
    });
  });

  it('sends insufficient as L plus the local band code', () => {
    const borderline = interpretOk(GOLDEN_CASES.find((c) => c.id === 'borderline-si-units')?.panel);
    const codings = toFhirBundle([borderline]).entry[0]?.resource.interpretation[0]?.coding;
    expect(codings?.map((c) => c.code)).toEqual(['L', 'insufficient']);
  });

  it('uses IND for an indeterminate result', () => {
    const open = interpretOk(GOLDEN_CASES.find((c) => c.id === 'censored-indeterminate')?.panel);
    const codings = toFhirBundle([open]).entry[0]?.resource.interpretation[0]?.coding;
    expect(codings?.map((c) => c.code)).toEqual(['IND', 'indeterminate']);
  });

  it('gives the guideline sufficient band as a reference range and the rule set as a note', () => {
    const range = first?.referenceRange.find((r) =>
      r.type?.coding?.some((c) => c.system === BAND_SYSTEM),
    );
    expect(range?.low).toMatchObject({ value: 30, code: 'ng/mL' });
    expect(range?.high).toMatchObject({ value: 100, code: 'ng/mL' });
    expect(first?.note[0]?.text).toContain('endocrine-society-2011');
    expect(first?.extension).toEqual([
      { url: RULE_SET_EXTENSION, valueCode: 'endocrine-society-2011' },
    ]);
  });

  it('writes warnings as notes', () => {
    const high = interpretOk(GOLDEN_CASES.find((c) => c.id === 'high-and-critical')?.panel);
    const notes = toFhirBundle([high]).entry[2]?.resource.note.map((n) => n.text) ?? [];
    expect(notes.some((text) => text.startsWith('Warning (possible-unit-mixup)'))).toBe(true);
  });
});
