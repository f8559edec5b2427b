import { describe, expect, it } from 'vitest';
import { buildPanel, createEmptyForm, fillFormFromPanel } from '@/components/entry/form-model';
import { runInterpret } from '@/components/entry/run-interpret';
import { prefillSource } from '@/components/smart/prefill-source';
import { buildChartPrefill, readChartObservations } from '@/lib/smart/chart';
import { normaliseUnit } from '@/lib/units';
import { AS_OF, OPTIONS, ORDER, UNITS } from '@/tests/unit/support/form-model-fixtures';

function observation(id: string, code: string, status: string, value: number, unit: string) {
  return {
    resourceType: 'Observation',
    id,
    status,
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: '2026-11-20',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

describe('SMART pre-fill: what the chart said about each result reaches the card', () => {
  it('a preliminary chart result carries its status and the preliminary warning; a final one nothing', () => {
    const readings = readChartObservations(
      [
        observation('d1', '62292-8', 'preliminary', 25, 'ng/mL'),
        observation('m1', '19123-9', 'final', 2.0, 'mg/dL'),
      ],
      AS_OF,
    );
    const prefill = buildChartPrefill(readings, undefined);
    if (prefill === undefined) throw new Error('no pre-fill');
    const source = prefillSource(prefill);
    expect(source.sources?.map((s) => s?.reportStatus)).toEqual(['preliminary', 'final']);
    expect(source.warnings.map((w) => [w.resultIndex, w.code])).toEqual([
      [0, 'preliminary-result'],
    ]);

    const form = fillFormFromPanel(
      createEmptyForm(OPTIONS),
      { panel: prefill.panel, ...source },
      UNITS,
      normaliseUnit,
    ).state;
    const { panel, imported } = buildPanel(form, ORDER);
    const outcome = runInterpret(panel, AS_OF, imported);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const [vitaminD, magnesium] = outcome.value.results;
    expect(vitaminD?.reportStatus).toBe('preliminary');
    expect(vitaminD?.warnings.map((w) => w.code)).toContain('preliminary-result');
    expect(magnesium?.reportStatus).toBe('final');
    expect(magnesium?.warnings.map((w) => w.code)).not.toContain('preliminary-result');
  });
});
