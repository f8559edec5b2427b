/**
 * normaliseResult and parseValue (lib/interpret/normalise.ts): a value is a positive number or a
 * short "<N" text, never a guess; units are normalised or refused with the accepted list; a
 * comparator field must agree with the one written in the value. Through interpret() where the
 * schema lets the input through, and parseValue directly for what the schema stops first.
 */
import { describe, expect, it } from 'vitest';
import { interpret } from '@/lib/interpret';
import { parseValue } from '@/lib/interpret/normalise';

function errorsOf(result: Record<string, unknown>): unknown {
  const outcome = interpret({ results: [result] });
  return outcome.ok ? [] : outcome.errors;
}

describe('parseValue', () => {
  it.each([
    [42, { value: 42, comparator: null }],
    // 1e-7 as text would be "1e-7", which the value pattern does not read: numbers stay numbers.
    [1e-7, { value: 1e-7, comparator: null }],
    [0, undefined],
    [-1, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [Number.NaN, undefined],
  ])('the number %d -> %j', (value, expected) => {
    expect(parseValue(value)).toEqual(expected);
  });

  it.each([
    ['0', undefined],
    ['<0', undefined],
    ['0.0', undefined],
    ['x', undefined],
    ['<', undefined],
    ['.5', { value: 0.5, comparator: null }],
    ['>=150', { value: 150, comparator: '>=' }],
  ])('the text %j -> %j', (value, expected) => {
    expect(parseValue(value)).toEqual(expected);
  });

  it('reads a text of 40 characters and refuses one of 41, before any pattern runs', () => {
    expect(parseValue(`${' '.repeat(38)}<5`)).toEqual({ value: 5, comparator: '<' });
    expect(parseValue(`${' '.repeat(39)}<5`)).toBeUndefined();
  });
});

describe('normaliseResult (through interpret)', () => {
  it('refuses a value of zero written as text', () => {
    expect(errorsOf({ analyte: 'vitamin-d', value: '0', unit: 'ng/mL' })).toEqual([
      {
        path: ['results', 0, 'value'],
        message: 'must be a positive number, or <N / >N',
        code: 'not-positive',
      },
    ]);
    expect(errorsOf({ analyte: 'vitamin-d', value: '<0', unit: 'furlongs' })).toMatchObject([
      { path: ['results', 0, 'unit'], code: 'unknown-unit' },
      { path: ['results', 0, 'value'], code: 'not-positive' },
    ]);
  });

  it('names the accepted units of the analyte for an unknown spelling', () => {
    expect(errorsOf({ analyte: 'magnesium', value: 1, unit: 'furlongs' })).toEqual([
      {
        path: ['results', 0, 'unit'],
        message: '"furlongs" is not a recognised unit; use one of mmol/L, mg/dL, meq/L',
        code: 'unknown-unit',
      },
    ]);
  });

  it('refuses a known unit of another analyte (meq/L is not a vitamin D unit), never converting', () => {
    expect(errorsOf({ analyte: 'vitamin-d', value: 20, unit: 'mEq/L' })).toEqual([
      {
        path: ['results', 0, 'unit'],
        message: 'meq/L is not a unit for Vitamin D; use one of ng/mL, ug/L, nmol/L',
        code: 'unit-not-for-analyte',
      },
    ]);
  });

  it('accepts a comparator field that repeats the one in the value', () => {
    const outcome = interpret({
      results: [{ analyte: 'vitamin-d', value: '<5', comparator: '<', unit: 'ng/mL' }],
    });
    expect(outcome.ok && outcome.value.results[0]?.input).toMatchObject({
      value: 5,
      comparator: '<',
    });
  });

  it('refuses a comparator field that contradicts the value, quoting the value', () => {
    expect(
      errorsOf({ analyte: 'vitamin-b12', value: '<200', comparator: '>', unit: 'pg/mL' }),
    ).toEqual([
      {
        path: ['results', 0, 'comparator'],
        message: 'contradicts the comparator written in the value ("<200")',
        code: 'invalid',
      },
    ]);
  });

  it.each([
    [30, 30],
    [40, 30],
  ])('refuses a lab range with low %d and high %d', (low, high) => {
    expect(
      errorsOf({ analyte: 'vitamin-d', value: 20, unit: 'ng/mL', labRange: { low, high } }),
    ).toEqual([
      {
        path: ['results', 0, 'labRange'],
        message: 'low must be below high',
        code: 'invalid-range',
      },
    ]);
  });
});
