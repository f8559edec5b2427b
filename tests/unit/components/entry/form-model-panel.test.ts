import { describe, expect, it } from 'vitest';
import {
  buildPanel,
  createEmptyForm,
  fillFormFromPanel,
  formSnapshot,
  mapFieldErrors,
} from '@/components/entry/form-model';
import type { FormState } from '@/components/entry/form-model';
import { interpret } from '@/lib/interpret';
import type { Panel } from '@/lib/schemas';
import type { UnitCode } from '@/lib/types';
import { normaliseUnit } from '@/lib/units';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import {
  AS_OF,
  OPTIONS,
  ORDER,
  UNITS,
  errorsOf,
  formWith,
} from '@/tests/unit/support/form-model-fixtures';

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

describe('round trip: golden panel -> form -> panel -> interpret()', () => {
  it.each(GOLDEN_CASES)('$id keeps its expected statuses', ({ panel, expected }) => {
    const golden = panel as unknown as Panel;
    const filled = fillFormFromPanel(
      createEmptyForm(OPTIONS),
      { panel: golden, warnings: [] },
      UNITS,
      normaliseUnit,
    );
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
        rows: {
          ...base.rows,
          'vitamin-d': { ...base.rows['vitamin-d']!, source: { code: '1989-3', warnings: [] } },
        },
      },
    ],
    [
      'an import warning without a code (e.g. a dropped lab range)',
      {
        ...base,
        rows: {
          ...base.rows,
          'vitamin-d': {
            ...base.rows['vitamin-d']!,
            source: { warnings: [{ code: 'lab-range-dropped', message: 'dropped' }] },
          },
        },
      },
    ],
    [
      'a report status alone',
      {
        ...base,
        rows: {
          ...base.rows,
          'vitamin-d': {
            ...base.rows['vitamin-d']!,
            source: { reportStatus: 'preliminary', warnings: [] },
          },
        },
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
