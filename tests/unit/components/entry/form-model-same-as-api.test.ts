import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  createEmptyForm,
  editRow,
  fillFormFromPanel,
} from '@/components/entry/form-model';
import type { FormState } from '@/components/entry/form-model';
import { runInterpret } from '@/components/entry/run-interpret';
import { interpretDocument } from '@/lib/formats/document';
import type { Interpretation } from '@/lib/types';
import { normaliseUnit } from '@/lib/units';
import { AS_OF, OPTIONS, ORDER, UNITS } from '@/tests/unit/support/form-model-fixtures';

/** Imports a document as the dialog does, then interprets the form as the Interpret button does. */
function screenAndApi(document: string) {
  const api = interpretDocument(document, { asOf: AS_OF });
  const imported = api.items[0]?.imported;
  if (imported === undefined) throw new Error('nothing imported');
  const form = fillFormFromPanel(createEmptyForm(OPTIONS), imported, UNITS, normaliseUnit).state;
  return { api: api.interpretations[0], form, screen: interpretForm(form) };
}

function interpretForm(form: FormState) {
  const { panel, imported } = buildPanel(form, ORDER);
  const outcome = runInterpret(panel, AS_OF, imported);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

/** Each result's warning codes, by analyte (the form lists analytes in its own order). */
const warningsOf = (interpretation: Interpretation | undefined) =>
  Object.fromEntries(
    (interpretation?.results ?? []).map((result) => [
      result.analyte,
      result.warnings.map((w) => w.code).sort(),
    ]),
  );

const PRELIMINARY_D3_ONLY = JSON.stringify({
  resourceType: 'Observation',
  status: 'preliminary',
  code: { coding: [{ system: 'http://loinc.org', code: '1989-3' }] },
  effectiveDateTime: '2026-11-20',
  valueQuantity: { value: 25, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' },
  referenceRange: [{ low: { value: 0, unit: 'ng/mL' }, high: { value: 0, unit: 'ng/mL' } }],
});

describe('the screen interprets an import exactly as the API does', () => {
  it('FHIR 1989-3, preliminary, 0-0 range: same warnings and report status', () => {
    const { api, screen } = screenAndApi(PRELIMINARY_D3_ONLY);
    expect(warningsOf(screen)).toEqual(warningsOf(api));
    expect(warningsOf(screen)['vitamin-d']).toEqual(
      ['lab-range-dropped', 'preliminary-result', 'vitamin-d3-only-code'].sort(),
    );
    expect(screen.results[0]?.reportStatus).toBe('preliminary');
    expect(api?.results[0]?.reportStatus).toBe('preliminary');
  });

  it('CSV with a range the reader drops: same warnings', () => {
    const csv =
      'analyte,value,unit,reference_range\nMagnesium,0.8,mmol/L,<5\nB12,300,pg/mL,200-900';
    const { api, screen } = screenAndApi(csv);
    expect(warningsOf(screen)).toEqual(warningsOf(api));
    expect(warningsOf(screen).magnesium).toEqual(['lab-range-dropped']);
  });

  it('after the clinician edits the value, the import facts are gone from the results', () => {
    const { form } = screenAndApi(PRELIMINARY_D3_ONLY);
    const row = form.rows['vitamin-d']!;
    const edited: FormState = {
      ...form,
      rows: { ...form.rows, 'vitamin-d': editRow(row, { value: '26' }) },
    };
    const result = interpretForm(edited).results[0]!;
    expect(result.warnings).toEqual([]);
    expect(result.reportStatus).toBeUndefined();
  });
});
