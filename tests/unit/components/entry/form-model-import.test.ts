import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  createEmptyForm,
  editRow,
  fillFormFromPanel,
  mapFieldErrors,
} from '@/components/entry/form-model';
import type { AnalyteRowState, FormState, RowSource } from '@/components/entry/form-model';
import { interpret } from '@/lib/interpret';
import type { Panel } from '@/lib/schemas';
import { normaliseUnit } from '@/lib/units';
import { AS_OF, OPTIONS, ORDER, UNITS, formWith } from '@/tests/unit/support/form-model-fixtures';

/** Fills the form from a bare panel (no reader warnings, no source facts). */
const fillPanel = (state: FormState, panel: Panel) =>
  fillFormFromPanel(state, { panel, warnings: [] }, UNITS, normaliseUnit);

describe('fillFormFromPanel', () => {
  const typed = formWith(
    {
      'vitamin-d': { value: '12', labLow: '1', labHigh: '2' },
      magnesium: { value: '1.1', unit: 'mmol/L', ruleSet: 'mg-conventional' },
    },
    {
      patientName: 'Old Name',
      collectedOn: '2026-01-01',
      context: ['ckd'],
      clinician: { name: 'Dr. Lee', clinic: 'Spine Clinic', phone: '555' },
    },
  );

  it('fills values, comparators, units, rule sets and lab ranges from the panel', () => {
    const panel: Panel = {
      ruleSets: { 'vitamin-b12': 'b12-wide-400' },
      results: [
        { analyte: 'vitamin-b12', value: 180, unit: 'pmol/L', labRange: { low: 150, high: 600 } },
        { analyte: 'vitamin-d', value: 5, comparator: '<', unit: 'nmol/l' },
      ],
    };
    const { state, skipped } = fillFormFromPanel(
      typed,
      { panel, warnings: [] },
      UNITS,
      normaliseUnit,
    );
    expect(skipped).toEqual([]);
    expect(state.rows['vitamin-b12']).toEqual({
      value: '180',
      unit: 'pmol/L',
      ruleSet: 'b12-wide-400',
      labLow: '150',
      labHigh: '600',
    });
    expect(state.rows['vitamin-d']).toEqual({
      value: '<5',
      unit: 'nmol/L',
      ruleSet: 'endocrine-society-2011',
      labLow: '',
      labHigh: '',
    });
    // Not in the panel: its old value goes, its unit and rule set (clinic settings) stay.
    expect(state.rows.magnesium).toEqual({
      value: '',
      unit: 'mmol/L',
      ruleSet: 'mg-conventional',
      labLow: '',
      labHigh: '',
    });
  });

  it('leaves a row empty, with its own unit, when the imported unit is not offered', () => {
    const panel: Panel = {
      results: [
        { analyte: 'vitamin-d', value: 30, unit: 'mg/L' },
        { analyte: 'magnesium', value: 2, unit: 'pg/mL' },
      ],
    };
    const { state, skipped } = fillFormFromPanel(
      typed,
      { panel, warnings: [] },
      UNITS,
      normaliseUnit,
    );
    expect(state.rows['vitamin-d']).toEqual({
      ...typed.rows['vitamin-d'],
      value: '',
      labLow: '',
      labHigh: '',
    });
    expect(state.rows.magnesium).toEqual({ ...typed.rows.magnesium, value: '' });
    expect(skipped).toEqual([
      'Result 1 (vitamin-d): unit "mg/L" is not offered; not filled.',
      'Result 2 (magnesium): unit "pg/mL" is not offered; not filled.',
    ]);
  });

  it('uses the first result of an analyte and notes the rest', () => {
    const panel: Panel = {
      results: [
        { analyte: 'vitamin-d', value: 30, unit: 'ng/mL' },
        { analyte: 'vitamin-d', value: 80, unit: 'nmol/L' },
      ],
    };
    const { state, skipped } = fillFormFromPanel(
      typed,
      { panel, warnings: [] },
      UNITS,
      normaliseUnit,
    );
    expect(state.rows['vitamin-d']?.value).toBe('30');
    expect(state.rows['vitamin-d']?.unit).toBe('ng/mL');
    expect(skipped).toEqual([
      'Result 2 (vitamin-d): only the first result per analyte fills the form.',
    ]);
  });

  it('keeps the patient, date, context and clinician where the panel is silent', () => {
    const silent = fillPanel(typed, {
      results: [{ analyte: 'vitamin-d', value: 30, unit: 'ng/mL' }],
    }).state;
    expect(silent.patientName).toBe('Old Name');
    expect(silent.collectedOn).toBe('2026-01-01');
    expect(silent.context).toEqual(['ckd']);
    expect(silent.clinician).toEqual(typed.clinician);

    const given = fillPanel(typed, {
      patient: { name: 'New Name' },
      collectedOn: '2026-11-20',
      context: [],
      clinician: { phone: '555-0199' },
      results: [{ analyte: 'vitamin-d', value: 30, unit: 'ng/mL' }],
    }).state;
    expect(given.patientName).toBe('New Name');
    expect(given.collectedOn).toBe('2026-11-20');
    expect(given.context).toEqual([]);
    expect(given.clinician).toEqual({ name: 'Dr. Lee', clinic: 'Spine Clinic', phone: '555-0199' });
  });

  it('does not change the form it was given', () => {
    const before = structuredClone(typed);
    fillPanel(typed, { results: [{ analyte: 'magnesium', value: 2, unit: 'mg/dL' }] });
    expect(typed).toEqual(before);
  });
});

describe('a row keeps the source facts of its import until its value or unit is edited', () => {
  it('sends the code with the result, and interpret() adds the D3-only warning', () => {
    const form = formWith({
      'vitamin-d': { value: '25', source: { code: '1989-3', warnings: [] } },
    });
    const { panel } = buildPanel(form, ORDER);
    expect(panel.results[0]?.code).toBe('1989-3');
    const outcome = interpret(panel, { asOf: AS_OF });
    expect(outcome.ok && outcome.value.results[0]?.warnings.map((w) => w.code)).toEqual([
      'vitamin-d3-only-code',
    ]);
  });

  it('fillFormFromPanel keeps the code and the birth date', () => {
    const filled = fillPanel(createEmptyForm(OPTIONS), {
      patient: { birthDate: '1970-05-04' },
      results: [{ analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: '1989-3' }],
    });
    expect(filled.state.rows['vitamin-d']?.source).toEqual({ code: '1989-3', warnings: [] });
    expect(filled.state.patientBirthDate).toBe('1970-05-04');
  });

  it('keeps the reader warnings and report status of each filled result on its own row', () => {
    const filled = fillFormFromPanel(
      createEmptyForm(OPTIONS),
      {
        panel: {
          results: [
            { analyte: 'magnesium', value: 0.8, unit: 'mmol/L' },
            { analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: '1989-3' },
          ],
        },
        warnings: [
          { resultIndex: 0, code: 'lab-range-dropped', message: 'range dropped' },
          { resultIndex: 1, code: 'preliminary-result', message: 'preliminary' },
        ],
        sources: [undefined, { reportStatus: 'preliminary' }],
      },
      UNITS,
      normaliseUnit,
    );
    expect(filled.state.rows.magnesium?.source).toEqual({
      warnings: [{ code: 'lab-range-dropped', message: 'range dropped' }],
    });
    expect(filled.state.rows['vitamin-d']?.source).toEqual({
      code: '1989-3',
      reportStatus: 'preliminary',
      warnings: [{ code: 'preliminary-result', message: 'preliminary' }],
    });
    expect(filled.state.rows['vitamin-b12']?.source).toBeUndefined();

    // buildPanel gives them back by result index (form order: vitamin D first, then magnesium).
    const { imported, indexMap } = buildPanel(filled.state, ORDER);
    expect(indexMap).toEqual(['vitamin-d', 'magnesium']);
    expect(imported.warnings).toEqual([
      { resultIndex: 0, code: 'preliminary-result', message: 'preliminary' },
      { resultIndex: 1, code: 'lab-range-dropped', message: 'range dropped' },
    ]);
    expect(imported.sources).toEqual([{ reportStatus: 'preliminary' }, undefined]);
  });

  it('a new import replaces the facts of the last one, also on rows it leaves empty', () => {
    const form = formWith({
      magnesium: { value: '0.8', source: { code: '2601-3', warnings: [] } },
    });
    const filled = fillPanel(form, {
      results: [{ analyte: 'vitamin-d', value: 30, unit: 'ng/mL' }],
    });
    expect(filled.state.rows.magnesium?.source).toBeUndefined();
  });

  const source: RowSource = {
    code: '1989-3',
    reportStatus: 'preliminary',
    warnings: [{ code: 'preliminary-result', message: 'preliminary' }],
  };
  const row: AnalyteRowState = {
    value: '25',
    unit: 'ng/mL',
    ruleSet: 'endocrine-society-2011',
    labLow: '',
    labHigh: '',
    source,
  };

  it.each<[string, Partial<AnalyteRowState>]>([
    ['a new value', { value: '26' }],
    ['an emptied value', { value: '' }],
    ['a new unit', { unit: 'nmol/L' }],
  ])('editRow drops them on %s', (_label, patch) => {
    expect(editRow(row, patch).source).toBeUndefined();
  });

  it.each<[string, Partial<AnalyteRowState>]>([
    ['the same value typed again', { value: '25' }],
    ['a lab range', { labLow: '30', labHigh: '100' }],
    ['a rule set', { ruleSet: 'iom-2011' }],
  ])('editRow keeps them on %s', (_label, patch) => {
    expect(editRow(row, patch).source).toBe(source);
  });
});

describe('mapFieldErrors: the birth date', () => {
  it('maps a birth-date error to its field', () => {
    const mapped = mapFieldErrors(
      [
        {
          path: ['patient', 'birthDate'],
          message: 'must not be after 2026-11-26',
          code: 'invalid-date',
        },
      ],
      [],
      ORDER,
    );
    expect(mapped['patient-birth-date']).toContain('must not be after');
  });
});
