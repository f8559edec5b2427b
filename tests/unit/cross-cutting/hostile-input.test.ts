/**
 * Hostile input to the library: every pattern that reads user text runs in linear time on long
 * adversarial strings, and keys inherited from Object.prototype never leak into messages.
 * Each string here made the old code spend seconds (quadratic backtracking). Linear time is proven
 * by the automaton check of every pattern in tests/unit/cross-cutting/redos.test.ts and measured by
 * `npm run bench:hostile`; no wall-clock bound here (a busy machine would make it flaky). These
 * tests prove the answers on the attack strings: rejected, the field named, nothing leaked.
 */
import { describe, expect, it } from 'vitest';
import { importJson, locateError, parseImport } from '@/lib/formats/import';
import { interpret } from '@/lib/interpret';
import { MAX_VALUE_TEXT_LENGTH, panelSchema, resultSchema } from '@/lib/schemas';
import { parseValue } from '@/lib/interpret/normalise';

const AS_OF = '2026-11-25';

/** Runs one attack and keeps its answer. */
function answerOf<T>(run: () => T): { value: T } {
  return { value: run() };
}

/** Strings that made the censored-value pattern backtrack: long runs of what `\s*` matches. */
const VALUE_ATTACKS: ReadonlyArray<readonly [string, string]> = [
  ['65,200 spaces then x', `${' '.repeat(65_200)}x`],
  ['tabs then a comparator', `${'\t'.repeat(60_000)}≥`],
  ['comparator, spaces, x', `<${' '.repeat(60_000)}x`],
  ['digits then spaces then x', `5${' '.repeat(60_000)}x`],
  ['digits then a dot run', `${'1'.repeat(60_000)}..`],
  ['no-break spaces then x', `${'\u00a0'.repeat(60_000)}x`],
];

describe('censored value text', () => {
  it.each(VALUE_ATTACKS)('parseValue rejects %s', (_name, text) => {
    const { value } = answerOf(() => parseValue(text));
    expect(value).toBeUndefined();
  });

  it.each(VALUE_ATTACKS)('resultSchema rejects %s', (_name, text) => {
    const { value } = answerOf(() =>
      resultSchema.safeParse({ analyte: 'vitamin-d', value: text, unit: 'ng/mL' }),
    );
    expect(value.success).toBe(false);
  });

  it.each(VALUE_ATTACKS)('interpret() rejects %s, naming the field', (_name, text) => {
    const panel = { results: [{ analyte: 'vitamin-d', value: text, unit: 'ng/mL' }] };
    const { value } = answerOf(() => interpret(panel, { asOf: AS_OF }));
    expect(value.ok).toBe(false);
    if (!value.ok)
      expect(value.errors.map((error) => error.path)).toContainEqual(['results', 0, 'value']);
  });

  it('still reads every censored spelling within the length cap', () => {
    const padded = `${' '.repeat(MAX_VALUE_TEXT_LENGTH - 2)}<5`;
    expect(parseValue(padded)).toEqual({ value: 5, comparator: '<' });
    expect(parseValue(' ≥ 150 ')).toEqual({ value: 150, comparator: '>=' });
    expect(parseValue('<= .5')).toEqual({ value: 0.5, comparator: '<=' });
    expect(parseValue(`${padded} `)).toBeUndefined();
    expect(
      panelSchema.safeParse({ results: [{ analyte: 'magnesium', value: ' > 2 ', unit: 'mg/dL' }] })
        .success,
    ).toBe(true);
  });

  it('never reads a censored value as its bound', () => {
    for (const text of ['<5', '< 5', '≤5', '<=5'])
      expect(parseValue(text)?.comparator).not.toBeNull();
  });
});

describe('error locations', () => {
  it('locates a long unknown key ending in a newline (list of panels)', () => {
    const key = `${'a'.repeat(40_000)}\n`;
    const outcome = importJson([
      { results: [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL', [key]: 1 }] },
    ]);
    if (outcome.kind === 'invalid') throw new Error('expected a list of panels');
    const item = outcome.panels[0];
    if (item?.imported === undefined) throw new Error('expected an imported panel');
    const interpreted = interpret(item.imported.panel, { asOf: AS_OF });
    if (interpreted.ok) throw new Error('expected an unknown-key error');
    const { value: lines } = answerOf(() =>
      interpreted.errors.map((error) => locateError(item.origin, error)),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith('[0] results[0].aaaa')).toBe(true);
  });

  const LONG_A = `${'a'.repeat(50_000)}\n`;
  const LONG_B = `${'b'.repeat(50_000)}\r`;
  const PATH_LIKE = `results[${'9'.repeat(50_000)}]x`;
  it.each([
    ['letters and a newline', ['results', 0, LONG_A], `[0] results[0].${LONG_A}: m`],
    ['letters and a carriage return', ['results', 0, LONG_B], `[0] results[0].${LONG_B}: m`],
    [
      'a huge index',
      ['results', Number.MAX_SAFE_INTEGER, 'x'],
      `[0] results[${Number.MAX_SAFE_INTEGER}].x: m`,
    ],
    // A name that looks like a path is one name: it is printed, never split.
    ['a name written like a path', [PATH_LIKE], `[0] ${PATH_LIKE}: m`],
  ])('locateError answers on %s', (_name, path, expected) => {
    const origin = { prefix: [{ label: '[0]' }], results: [], panelFields: {} };
    const { value: line } = answerOf(() =>
      locateError(origin, { path, message: 'm', code: 'invalid' }),
    );
    expect(line).toBe(expected);
  });
});

describe('inherited keys', () => {
  const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

  it.each(INHERITED)('"%s" in a list of panels is reported as an unknown field', (key) => {
    const panel = JSON.parse(
      `{"results":[{"analyte":"vitamin-d","value":20,"unit":"ng/mL"}],"${key}":1}`,
    ) as unknown;
    const outcome = importJson([panel]);
    if (outcome.kind === 'invalid') throw new Error('expected a list');
    const item = outcome.panels[0];
    if (item?.imported === undefined) throw new Error('expected an imported panel');
    const interpreted = interpret(item.imported.panel, { asOf: AS_OF });
    expect(interpreted.ok).toBe(false);
    if (interpreted.ok) return;
    const lines = interpreted.errors.map((error) => locateError(item.origin, error));
    expect(lines).toEqual([`[0] ${key}: is not a known field`]);
  });

  it.each(INHERITED)('"%s" inside a result is reported as an unknown field', (key) => {
    const panel = JSON.parse(
      `{"results":[{"analyte":"vitamin-d","value":20,"unit":"ng/mL","${key}":1}]}`,
    ) as unknown;
    const outcome = importJson([panel]);
    if (outcome.kind === 'invalid') throw new Error('expected a list');
    const item = outcome.panels[0];
    if (item?.imported === undefined) throw new Error('expected an imported panel');
    const interpreted = interpret(item.imported.panel, { asOf: AS_OF });
    if (interpreted.ok) throw new Error('expected an error');
    const lines = interpreted.errors.map((error) => locateError(item.origin, error));
    for (const line of lines) {
      expect(line).not.toMatch(/native code|\[object /);
    }
    expect(lines).toEqual([`[0] results[0].${key}: is not a known field`]);
  });

  it.each(INHERITED)('"%s" as a located field of a CSV/FHIR origin is not inherited', (key) => {
    const origin = {
      prefix: [{ label: 'panel P1' }],
      results: [{ label: [{ label: 'row 2' }], fields: { value: [{ label: 'row 2' }, 'value'] } }],
      panelFields: { collectedOn: [{ label: 'row 2' }, 'collected_on'] },
    };
    const atRoot = locateError(origin, { path: [key], message: 'm', code: 'unknown-key' });
    const inResult = locateError(origin, {
      path: ['results', 0, key],
      message: 'm',
      code: 'unknown-key',
    });
    expect(atRoot).toBe(`panel P1 ${key}: m`);
    expect(inResult).toBe(`row 2 ${key}: m`);
  });

  it('a pasted text with an inherited key never prints native code', () => {
    const outcome = parseImport('[{"constructor":{"x":1},"results":[]}]');
    expect(JSON.stringify(outcome)).not.toMatch(/native code/);
  });
});
