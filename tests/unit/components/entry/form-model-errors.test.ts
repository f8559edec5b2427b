import { describe, expect, it } from 'vitest';
import { buildPanel, createEmptyForm, mapFieldErrors } from '@/components/entry/form-model';
import type { AnalyteId, FieldError } from '@/lib/types';
import { OPTIONS, ORDER, errorsOf, formWith } from '@/tests/unit/support/form-model-fixtures';

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
    expect(errors.map((e) => e.path)).toEqual([
      ['results', 0, 'value'],
      ['results', 1, 'labRange', 'low'],
    ]);
    expect(mapFieldErrors(errors, indexMap, ORDER)).toEqual({
      'vitamin-b12-value': 'must be a positive number, or <N / >N',
      'magnesium-lab-low': 'must be a number',
    });
  });

  it('maps unit, lab-high, comparator and whole-row errors to the matching control', () => {
    const indexMap: AnalyteId[] = ['magnesium', 'vitamin-d'];
    const errors: FieldError[] = [
      { path: ['results', 0, 'unit'], message: 'unit msg', code: 'unit-not-for-analyte' },
      { path: ['results', 1, 'labRange', 'high'], message: 'high msg', code: 'invalid-type' },
      { path: ['results', 0, 'comparator'], message: 'comparator msg', code: 'invalid' },
      { path: ['results', 1], message: 'row msg', code: 'invalid-type' },
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
    expect(errors.map((e) => e.path)).toEqual([['patient', 'name'], ['collectedOn']]);
    const mapped = mapFieldErrors(errors, indexMap, ORDER);
    expect(Object.keys(mapped).sort()).toEqual(['collected-on', 'patient-name']);
    expect(mapped['collected-on']).toBe(errors[1]?.message);
    expect(mapped['patient-name']).toBe(errors[0]?.message);
  });

  it('maps rule set, context and clinician paths, and anything unknown to the form', () => {
    const errors: FieldError[] = [
      { path: ['ruleSets', 'magnesium'], message: 'rs', code: 'rule-set-not-for-analyte' },
      { path: ['context', 0], message: 'ctx', code: 'unknown-context' },
      { path: ['clinician', 'name'], message: 'cn', code: 'too-long' },
      { path: ['clinician', 'clinic'], message: 'cc', code: 'too-long' },
      { path: ['clinician', 'phone'], message: 'cp', code: 'too-long' },
      { path: ['results', 7, 'value'], message: 'stray', code: 'not-a-number' },
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

  it.each([
    ['a path printed into one name', ['results[0].unit'], 'results[0].unit: m'],
    ['an index written as a name', ['results', '0', 'unit'], 'results.0.unit: m'],
    ['a rule set of an analyte not on the form', ['ruleSets', 'ferritin'], 'ruleSets.ferritin: m'],
    ['a clinician field the form has no control for', ['clinician', 'email'], 'clinician.email: m'],
    ['a clinician path one segment deeper', ['clinician', 'name', 0], 'clinician.name[0]: m'],
    ['a date below the collection date', ['collectedOn', 0], 'collectedOn[0]: m'],
    ['the panel as a whole', [], '(input): m'],
  ] as const)('puts %s on the form, its path printed', (_name, path, printed) => {
    const errors: FieldError[] = [{ path, message: 'm', code: 'invalid' }];
    expect(mapFieldErrors(errors, ['magnesium'], ORDER)).toEqual({ form: printed });
  });

  it.each([
    [['results', 0, 'labRange'], 'magnesium-lab-low'],
    [['results', 0, 'labRange', 'low'], 'magnesium-lab-low'],
    [['results', 0, 'labRange', 'high'], 'magnesium-lab-high'],
    [['results', 0, 'code'], 'magnesium-value'],
    [['patient', 'birthDate'], 'patient-birth-date'],
    [['patient', 'birthDate', 'x'], 'patient-name'],
    [['patient'], 'patient-name'],
    [['context'], 'context'],
  ] as const)('maps %j to %s', (path, key) => {
    const errors: FieldError[] = [{ path, message: 'm', code: 'invalid' }];
    expect(mapFieldErrors(errors, ['magnesium'], ORDER)).toEqual({ [key]: 'm' });
  });

  it('keeps the first error of a control', () => {
    const errors: FieldError[] = [
      { path: ['results', 0, 'value'], message: 'first', code: 'not-a-number' },
      { path: ['results', 0], message: 'second', code: 'invalid-type' },
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
