import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  createEmptyForm,
  fillFormFromPanel,
  formSnapshot,
  handoutFileName,
  initialsOf,
  mapFieldErrors,
} from '@/components/entry/form-model';
import { noteText } from '@/components/results/note-text';
import type { AnalyteRowState, FormState } from '@/components/entry/form-model';
import { interpret } from '@/lib/interpret';
import { listFormOptions } from '@/lib/references';
import type { Panel } from '@/lib/schemas';
import type { AnalyteId, FieldError, UnitCode } from '@/lib/types';
import { normaliseUnit } from '@/lib/units';
import { GOLDEN_CASES } from './golden-cases';

const OPTIONS = listFormOptions();
const ORDER: AnalyteId[] = OPTIONS.map((analyte) => analyte.id);
const UNITS = Object.fromEntries(OPTIONS.map((analyte) => [analyte.id, analyte.units]));
const AS_OF = '2026-11-26';

/** The empty form with some rows patched, as the user would type them. */
function formWith(
  rows: Partial<Record<AnalyteId, Partial<AnalyteRowState>>>,
  extra: Partial<FormState> = {},
): FormState {
  const empty = createEmptyForm(OPTIONS);
  const patched: Partial<Record<AnalyteId, AnalyteRowState>> = { ...empty.rows };
  for (const [id, patch] of Object.entries(rows) as Array<[AnalyteId, Partial<AnalyteRowState>]>) {
    const row = empty.rows[id];
    if (row === undefined) throw new Error(`no row for ${id}`);
    patched[id] = { ...row, ...patch };
  }
  return { ...empty, ...extra, rows: patched };
}

function errorsOf(panel: Panel): readonly FieldError[] {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (outcome.ok) throw new Error('expected the panel to be rejected');
  return outcome.errors;
}

describe('createEmptyForm', () => {
  it('gives every analyte a blank row with its default unit and default rule set', () => {
    const form = createEmptyForm(OPTIONS);
    expect(Object.keys(form.rows)).toEqual(ORDER);
    for (const analyte of OPTIONS) {
      expect(form.rows[analyte.id]).toEqual({
        value: '',
        unit: analyte.defaultUnit,
        ruleSet: analyte.ruleSets.find((r) => r.isDefault)?.id,
        labLow: '',
        labHigh: '',
      });
    }
    expect(form.context).toEqual([]);
    expect(form.patientName).toBe('');
  });
});

describe('buildPanel', () => {
  it('makes results only from filled value fields, in form order, with an index map', () => {
    const form = formWith({
      'vitamin-d': { value: '   ' },
      'vitamin-b12': { value: ' 250 ', unit: 'pmol/L' },
      magnesium: { value: '0.7', unit: 'mmol/L' },
    });
    const { panel, indexMap } = buildPanel(form, ORDER);
    expect(panel.results).toEqual([
      { analyte: 'vitamin-b12', value: '250', unit: 'pmol/L' },
      { analyte: 'magnesium', value: '0.7', unit: 'mmol/L' },
    ]);
    expect(indexMap).toEqual(['vitamin-b12', 'magnesium']);
  });

  it('passes censored text such as "<5" through untouched (only trimmed)', () => {
    const form = formWith({
      'vitamin-d': { value: ' <5 ' },
      'vitamin-b12': { value: '> 2000' },
      magnesium: { value: '≤1.0' },
    });
    const values = buildPanel(form, ORDER).panel.results.map((r) => r.value);
    expect(values).toEqual(['<5', '> 2000', '≤1.0']);
    expect(buildPanel(form, ORDER).panel.results.every((r) => r.comparator === undefined)).toBe(
      true,
    );
  });

  it('sends rule sets for every analyte, even those without a value', () => {
    const form = formWith({ 'vitamin-d': { value: '30', ruleSet: 'iom-2011' } });
    expect(buildPanel(form, ORDER).panel.ruleSets).toEqual({
      'vitamin-d': 'iom-2011',
      'vitamin-b12': 'b12-common',
      magnesium: 'mg-rosanoff-2022',
    });
  });

  it('adds a lab range as numbers when both bounds are given, and none when both are empty', () => {
    const form = formWith({
      'vitamin-d': { value: '30', labLow: ' ', labHigh: '' },
      'vitamin-b12': { value: '250', labLow: '200', labHigh: ' 900.5 ' },
    });
    const [vitaminD, b12] = buildPanel(form, ORDER).panel.results;
    expect(vitaminD).not.toHaveProperty('labRange');
    expect(b12?.labRange).toEqual({ low: 200, high: 900.5 });
  });

  it('sends a half-filled lab range as is, so interpret() reports the missing bound', () => {
    const form = formWith({ 'vitamin-b12': { value: '250', labLow: '200' } });
    const { panel, indexMap } = buildPanel(form, ORDER);
    expect(panel.results[0]?.labRange).toEqual({ low: 200, high: undefined });
    const mapped = mapFieldErrors(errorsOf(panel), indexMap, ORDER);
    expect(mapped).toEqual({ 'vitamin-b12-lab-high': 'is required' });
  });

  it('leaves out empty patient, date, context and clinician fields and trims filled ones', () => {
    const blank = buildPanel(
      formWith({ 'vitamin-d': { value: '30' } }, { patientName: '  ', collectedOn: ' ' }),
      ORDER,
    ).panel;
    expect(Object.keys(blank).sort()).toEqual(['results', 'ruleSets']);

    const full = buildPanel(
      formWith(
        { 'vitamin-d': { value: '30' } },
        {
          patientName: ' Jan Kowalski ',
          collectedOn: '2026-11-20',
          context: ['ckd'],
          clinician: { name: 'Dr. Lee', clinic: '', phone: ' 555-0100 ' },
        },
      ),
      ORDER,
    ).panel;
    expect(full.patient).toEqual({ name: 'Jan Kowalski' });
    expect(full.collectedOn).toBe('2026-11-20');
    expect(full.context).toEqual(['ckd']);
    expect(full.clinician).toEqual({ name: 'Dr. Lee', phone: '555-0100' });
  });
});

describe('mapFieldErrors', () => {
  it('maps result indices back to the right analyte when earlier analytes are empty', () => {
    const form = formWith({
      'vitamin-d': { value: '' },
      'vitamin-b12': { value: 'abc' },
      magnesium: { value: '1.5', labLow: 'x', labHigh: '3' },
    });
    const { panel, indexMap } = buildPanel(form, ORDER);
    const errors = errorsOf(panel);
    // interpret() reports results[0] / results[1]: without the index map they would land on
    // vitamin D and vitamin B12.
    expect(errors.map((e) => e.path)).toEqual(['results[0].value', 'results[1].labRange.low']);
    expect(mapFieldErrors(errors, indexMap, ORDER)).toEqual({
      'vitamin-b12-value': 'must be a positive number, or <N / >N',
      'magnesium-lab-low': 'must be a number',
    });
  });

  it('maps unit, lab-high, comparator and whole-row errors to the matching control', () => {
    const indexMap: AnalyteId[] = ['magnesium', 'vitamin-d'];
    const errors: FieldError[] = [
      { path: 'results[0].unit', message: 'unit msg', code: 'unit-not-for-analyte' },
      { path: 'results[1].labRange.high', message: 'high msg', code: 'invalid-type' },
      { path: 'results[0].comparator', message: 'comparator msg', code: 'invalid' },
      { path: 'results[1]', message: 'row msg', code: 'invalid-type' },
    ];
    expect(mapFieldErrors(errors, indexMap, ORDER)).toEqual({
      'magnesium-unit': 'unit msg',
      'vitamin-d-lab-high': 'high msg',
      'magnesium-value': 'comparator msg',
      'vitamin-d-value': 'row msg',
    });
  });

  it('puts a "no results" error on the first analyte value field', () => {
    const { panel, indexMap } = buildPanel(createEmptyForm(OPTIONS), ORDER);
    expect(indexMap).toEqual([]);
    expect(mapFieldErrors(errorsOf(panel), indexMap, ORDER)).toEqual({
      'vitamin-d-value': 'Results must contain at least one result',
    });
  });

  it('maps collectedOn and patient.name errors from interpret() to their fields', () => {
    const form = formWith(
      { 'vitamin-d': { value: '30' } },
      { collectedOn: '2026-13-40', patientName: 'x'.repeat(201) },
    );
    const { panel, indexMap } = buildPanel(form, ORDER);
    const errors = errorsOf(panel);
    expect(errors.map((e) => e.path).sort()).toEqual(['collectedOn', 'patient.name']);
    const mapped = mapFieldErrors(errors, indexMap, ORDER);
    expect(Object.keys(mapped).sort()).toEqual(['collected-on', 'patient-name']);
    expect(mapped['collected-on']).toBe(errors.find((e) => e.path === 'collectedOn')?.message);
  });

  it('maps rule set, context and clinician paths, and anything unknown to the form', () => {
    const errors: FieldError[] = [
      { path: 'ruleSets.magnesium', message: 'rs', code: 'rule-set-not-for-analyte' },
      { path: 'context[0]', message: 'ctx', code: 'unknown-context' },
      { path: 'clinician.name', message: 'cn', code: 'too-long' },
      { path: 'clinician.clinic', message: 'cc', code: 'too-long' },
      { path: 'clinician.phone', message: 'cp', code: 'too-long' },
      { path: 'results[7].value', message: 'stray', code: 'not-a-number' },
    ];
    expect(mapFieldErrors(errors, ['vitamin-d'], ORDER)).toEqual({
      'magnesium-rule-set': 'rs',
      context: 'ctx',
      'clinician-name': 'cn',
      'clinician-clinic': 'cc',
      'clinician-phone': 'cp',
      form: 'results[7].value: stray',
    });
  });

  it('keeps the first error of a control', () => {
    const errors: FieldError[] = [
      { path: 'results[0].value', message: 'first', code: 'not-a-number' },
      { path: 'results[0]', message: 'second', code: 'invalid-type' },
    ];
    expect(mapFieldErrors(errors, ['magnesium'], ORDER)).toEqual({ 'magnesium-value': 'first' });
  });

  it('leaves the form untouched: building, interpreting and mapping errors clear nothing', () => {
    const form = formWith(
      {
        'vitamin-d': { value: '<5', unit: 'nmol/L', ruleSet: 'iom-2011' },
        'vitamin-b12': { value: 'abc', labLow: '200', labHigh: '900' },
        magnesium: { value: '', labLow: '0.7' },
      },
      {
        collectedOn: 'yesterday',
        patientName: 'Jan Kowalski',
        context: ['ckd'],
        clinician: { name: 'Dr. Lee', clinic: 'Spine Clinic', phone: '555' },
      },
    );
    const before = structuredClone(form);
    const { panel, indexMap } = buildPanel(form, ORDER);
    const mapped = mapFieldErrors(errorsOf(panel), indexMap, ORDER);
    expect(Object.keys(mapped).sort()).toEqual(['collected-on', 'vitamin-b12-value']);
    expect(form).toEqual(before);
  });
});

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
    const { state, skipped } = fillFormFromPanel(typed, panel, UNITS, normaliseUnit);
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
    const { state, skipped } = fillFormFromPanel(typed, panel, UNITS, normaliseUnit);
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
    const { state, skipped } = fillFormFromPanel(typed, panel, UNITS, normaliseUnit);
    expect(state.rows['vitamin-d']?.value).toBe('30');
    expect(state.rows['vitamin-d']?.unit).toBe('ng/mL');
    expect(skipped).toEqual([
      'Result 2 (vitamin-d): only the first result per analyte fills the form.',
    ]);
  });

  it('keeps the patient, date, context and clinician where the panel is silent', () => {
    const silent = fillFormFromPanel(
      typed,
      { results: [{ analyte: 'vitamin-d', value: 30, unit: 'ng/mL' }] },
      UNITS,
      normaliseUnit,
    ).state;
    expect(silent.patientName).toBe('Old Name');
    expect(silent.collectedOn).toBe('2026-01-01');
    expect(silent.context).toEqual(['ckd']);
    expect(silent.clinician).toEqual(typed.clinician);

    const given = fillFormFromPanel(
      typed,
      {
        patient: { name: 'New Name' },
        collectedOn: '2026-11-20',
        context: [],
        clinician: { phone: '555-0199' },
        results: [{ analyte: 'vitamin-d', value: 30, unit: 'ng/mL' }],
      },
      UNITS,
      normaliseUnit,
    ).state;
    expect(given.patientName).toBe('New Name');
    expect(given.collectedOn).toBe('2026-11-20');
    expect(given.context).toEqual([]);
    expect(given.clinician).toEqual({ name: 'Dr. Lee', clinic: 'Spine Clinic', phone: '555-0199' });
  });

  it('does not change the form it was given', () => {
    const before = structuredClone(typed);
    fillFormFromPanel(
      typed,
      { results: [{ analyte: 'magnesium', value: 2, unit: 'mg/dL' }] },
      UNITS,
      normaliseUnit,
    );
    expect(typed).toEqual(before);
  });
});

describe('round trip: golden panel -> form -> panel -> interpret()', () => {
  it.each(GOLDEN_CASES)('$id keeps its expected statuses', ({ panel, expected }) => {
    const golden = panel as unknown as Panel;
    const filled = fillFormFromPanel(createEmptyForm(OPTIONS), golden, UNITS, normaliseUnit);
    expect(filled.skipped).toEqual([]);
    const { panel: rebuilt, indexMap } = buildPanel(filled.state, ORDER);
    // The form shows one row per analyte in form order, whatever order the panel used.
    expect(indexMap).toEqual(ORDER.filter((id) => expected.some((e) => e.analyte === id)));
    const outcome = interpret(rebuilt, { asOf: AS_OF });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const got = Object.fromEntries(
      outcome.value.results.map((r) => [
        r.analyte,
        {
          status: r.status,
          critical: r.critical,
          fhir: r.fhirInterpretation,
          warnings: r.warnings.map((w) => w.code),
        },
      ]),
    );
    const want = Object.fromEntries(
      expected.map((e) => [
        e.analyte,
        { status: e.status, critical: e.critical, fhir: e.fhir, warnings: e.warnings ?? [] },
      ]),
    );
    expect(got).toEqual(want);
    expect(outcome.value.patient.name).toBe(golden.patient?.name);
    expect(outcome.value.context).toEqual(golden.context ?? []);
  });
});

// Every unit code the form offers must survive normaliseUnit, or an import could never fill it.
describe('form units', () => {
  it('normaliseUnit returns every offered unit code unchanged', () => {
    const offered: UnitCode[] = OPTIONS.flatMap((analyte) => [...analyte.units]);
    expect(offered.map((unit) => normaliseUnit(unit))).toEqual(offered);
  });
});

describe('formSnapshot: results are current only while the form is unchanged', () => {
  const base = formWith(
    { 'vitamin-d': { value: '25' }, 'vitamin-b12': { value: '250' }, magnesium: { value: '1.9' } },
    { patientName: 'Ann Lee', collectedOn: '2026-11-20' },
  );
  const snapshot = formSnapshot(base, ORDER);

  it('is the same for the same form, and for whitespace the panel ignores', () => {
    expect(
      formSnapshot(
        formWith(
          {
            'vitamin-d': { value: '25' },
            'vitamin-b12': { value: '250' },
            magnesium: { value: '1.9' },
          },
          { patientName: 'Ann Lee', collectedOn: '2026-11-20' },
        ),
        ORDER,
      ),
    ).toBe(snapshot);
    expect(
      formSnapshot(
        formWith(
          {
            'vitamin-d': { value: ' 25 ' },
            'vitamin-b12': { value: '250' },
            magnesium: { value: '1.9' },
          },
          { patientName: 'Ann Lee ', collectedOn: '2026-11-20' },
        ),
        ORDER,
      ),
    ).toBe(snapshot);
  });

  it.each<[string, FormState]>([
    [
      'a value',
      { ...base, rows: { ...base.rows, 'vitamin-d': { ...base.rows['vitamin-d']!, value: '80' } } },
    ],
    [
      'a unit',
      {
        ...base,
        rows: { ...base.rows, 'vitamin-d': { ...base.rows['vitamin-d']!, unit: 'nmol/L' } },
      },
    ],
    [
      'a rule set',
      {
        ...base,
        rows: {
          ...base.rows,
          'vitamin-b12': { ...base.rows['vitamin-b12']!, ruleSet: 'b12-wide-400' },
        },
      },
    ],
    [
      'a lab range',
      {
        ...base,
        rows: {
          ...base.rows,
          magnesium: { ...base.rows.magnesium!, labLow: '1.7', labHigh: '2.2' },
        },
      },
    ],
    [
      'an imported code',
      {
        ...base,
        rows: { ...base.rows, 'vitamin-d': { ...base.rows['vitamin-d']!, code: '1989-3' } },
      },
    ],
    ['the context', { ...base, context: ['metformin'] }],
    ['the collection date', { ...base, collectedOn: '2026-11-21' }],
    ['the patient name', { ...base, patientName: 'Ann Leigh' }],
    ['the birth date', { ...base, patientBirthDate: '1970-01-01' }],
    ['the clinician', { ...base, clinician: { name: 'Dr X', clinic: '', phone: '' } }],
  ])('changes with %s', (_label, changed) => {
    expect(formSnapshot(changed, ORDER)).not.toBe(snapshot);
  });
});

describe('a row keeps the LOINC code of its import', () => {
  it('sends the code with the result, and interpret() adds the D3-only warning', () => {
    const form = formWith({ 'vitamin-d': { value: '25', code: '1989-3' } });
    const { panel } = buildPanel(form, ORDER);
    expect(panel.results[0]?.code).toBe('1989-3');
    const outcome = interpret(panel, { asOf: AS_OF });
    expect(outcome.ok && outcome.value.results[0]?.warnings.map((w) => w.code)).toEqual([
      'vitamin-d3-only-code',
    ]);
  });

  it('fillFormFromPanel keeps the code and the birth date', () => {
    const filled = fillFormFromPanel(
      createEmptyForm(OPTIONS),
      {
        patient: { birthDate: '1970-05-04' },
        results: [{ analyte: 'vitamin-d', value: 25, unit: 'ng/mL', code: '1989-3' }],
      },
      UNITS,
      normaliseUnit,
    );
    expect(filled.state.rows['vitamin-d']?.code).toBe('1989-3');
    expect(filled.state.patientBirthDate).toBe('1970-05-04');
  });

  it('maps a birth-date error to its field', () => {
    const mapped = mapFieldErrors(
      [
        {
          path: 'patient.birthDate',
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

describe('handout file name: initials and date, never the name', () => {
  it.each([
    ['Jane Q Doe', 'JQD'],
    ['José Álvarez-Núñez', 'JAN'],
    ["Mary-Jane O'Neil Smith Brown", 'MJO'],
    ['  ', ''],
    ['Νίκος Παπαδόπουλος', 'ΝΠ'],
  ])('%s -> %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('uses the collection date, else today, and leaves the name out', () => {
    expect(handoutFileName('Jane Q Doe', '2026-11-20', '2026-12-03')).toBe(
      'handout-JQD-2026-11-20.pdf',
    );
    expect(handoutFileName('', null, '2026-12-03')).toBe('handout-2026-12-03.pdf');
    expect(handoutFileName('Jane Q Doe', null, '2026-12-03')).not.toContain('Jane');
  });
});

describe('noteText: the plain-text summary for the note', () => {
  it('carries identifiers, each result with unit, status, rule set, step and rules version', () => {
    const form = formWith(
      { 'vitamin-d': { value: '12' }, magnesium: { value: '0.64' } },
      { patientName: 'Ann Lee', patientBirthDate: '1970-05-04', collectedOn: '2026-11-20' },
    );
    const outcome = interpret(buildPanel(form, ORDER).panel, { asOf: AS_OF });
    if (!outcome.ok) throw new Error('expected an interpretation');
    const text = noteText(outcome.value);
    const lines = text.split('\n');
    expect(lines[1]).toBe('Patient: Ann Lee, born 1970-05-04');
    expect(lines[2]).toBe(`Collected: 2026-11-20; interpreted ${AS_OF}`);
    const d = outcome.value.results[0]!;
    expect(text).toContain(`- ${d.analyteShortName}: 12 ng/mL`);
    expect(text).toContain(`${d.statusLabel} - rule set ${d.ruleSet.name}`);
    expect(text).toContain(`Next step: ${d.nextSteps[0]?.text ?? ''}`);
    // The magnesium mix-up: critical, worded "check the unit" first, and its warning.
    expect(text).toMatch(/CRITICAL: Check the unit first/);
    expect(text).toContain('Warning: 0.64 mg/dL fits mmol/L');
    expect(lines.at(-1)).toContain(`Rules version ${outcome.value.rulesVersion}`);
  });

  it('leaves out the patient line when no name or birth date was entered', () => {
    const outcome = interpret(buildPanel(formWith({ 'vitamin-d': { value: '30' } }), ORDER).panel, {
      asOf: AS_OF,
    });
    if (!outcome.ok) throw new Error('expected an interpretation');
    expect(noteText(outcome.value)).not.toContain('Patient:');
    expect(noteText(outcome.value)).toContain('Collected: date not entered');
  });
});
