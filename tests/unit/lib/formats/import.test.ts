import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/formats/csv/write';
import { LOINC_SYSTEM, UCUM_SYSTEM } from '@/lib/formats/codes';
import { toFhirBundle } from '@/lib/formats/fhir/write';
import {
  formatLocatedError,
  importJson,
  locateError,
  locateFieldError,
  parseImport,
} from '@/lib/formats/import';
import { mergeImportWarnings } from '@/lib/formats/import-merge';
import type { ImportItem, ImportOrigin, ImportOutcome } from '@/lib/formats/import-types';
import type { Location } from '@/lib/formats/location';
import { interpret } from '@/lib/interpret';
import type { FieldPath } from '@/lib/types';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import { AS_OF, interpretOk } from '@/tests/unit/support/interpret';

function items(outcome: ImportOutcome): ImportItem[] {
  if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
  return outcome.panels;
}

/** Every line interpret() or the import reports for each item, located in the source. */
function problems(outcome: ImportOutcome): string[][] {
  return items(outcome).map((item) => {
    if (item.imported === undefined) return item.errors.map(formatLocatedError);
    const result = interpret(item.imported.panel, { asOf: AS_OF });
    return result.ok ? [] : result.errors.map((e) => locateError(item.origin, e));
  });
}

const golden = GOLDEN_CASES[0];
const observation = {
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: LOINC_SYSTEM, code: '1989-3' }] },
  valueQuantity: { value: 25, unit: 'ng/mL', system: UCUM_SYSTEM, code: 'ng/mL' },
};

describe('parseImport', () => {
  it.each([
    ['a panel object', JSON.stringify(golden?.panel), 'panel', false, 1],
    ['an array of panels', JSON.stringify(GOLDEN_CASES.map((c) => c.panel)), 'panels', true, 9],
    ['a FHIR Observation', JSON.stringify(observation), 'fhir', false, 1],
    [
      'a FHIR Bundle',
      JSON.stringify(toFhirBundle(GOLDEN_CASES.map((c) => interpretOk(c.panel)))),
      'fhir',
      true,
      9,
    ],
    ['CSV', toCsv(GOLDEN_CASES.map((c) => interpretOk(c.panel))), 'csv', true, 9],
    [
      'CSV with the columns in another order',
      'Unit,Value,Analyte,Panel_ID\r\nng/mL,5,vitamin-d,P1',
      'csv',
      true,
      1,
    ],
    [
      'pretty JSON with a BOM',
      `\uFEFF\n  ${JSON.stringify(golden?.panel, null, 2)}`,
      'panel',
      false,
      1,
    ],
  ])('recognises %s', (_name, text, kind, batch, count) => {
    const outcome = parseImport(text);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind !== 'invalid') {
      expect(outcome.batch).toBe(batch);
      expect(outcome.panels).toHaveLength(count);
    }
  });

  it.each([
    ['', 'is empty'],
    ['   \n ', 'is empty'],
    ['{"results": [', 'is not valid JSON'],
    ['vitamin d 12 ng/mL', 'is not a panel'],
    ['{"resourceType":"Patient"}', 'is not read'],
  ])('says why %j cannot be read', (text, message) => {
    const outcome = parseImport(text);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') expect(outcome.errors[0]?.message).toContain(message);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constant('panel_id,analyte\n"')), (text) => {
        const outcome = parseImport(text);
        expect(['panel', 'panels', 'fhir', 'csv', 'hl7', 'invalid']).toContain(outcome.kind);
      }),
      { numRuns: 500 },
    );
  });
});

describe('locateError', () => {
  it('writes a single panel error as path: message', () => {
    expect(
      problems(parseImport('{"results":[{"analyte":"vitamin-d","value":-1,"unit":"ng/mL"}]}')),
    ).toEqual([['results[0].value: must be a positive number, or <N / >N']]);
  });

  it('prefixes array elements with their index', () => {
    const text = JSON.stringify([
      golden?.panel,
      { results: [{ analyte: 'vitamin-d', value: 5, unit: 'mg/dL' }] },
      'not a panel',
    ]);
    expect(problems(parseImport(text))).toEqual([
      [],
      ['[1] results[0].unit: mg/dL is not a unit for Vitamin D; use one of ng/mL, ug/L, nmol/L'],
      ['[2] (root): must be a panel object'],
    ]);
  });

  it('points CSV errors at the row, panel and column', () => {
    const text =
      'panel_id,analyte,value,unit,rule_set\n' +
      'P1,vitamin-d,12,ng/mL,\n' +
      'P3,vitamin-d,12,ng/mL,b12-common\n' +
      'P3,magnesium,-4,mmol/L,\n' +
      'P4,ferritin,30,ng/mL,\n';
    expect(problems(parseImport(text))).toEqual([
      [],
      [
        'row 3 (panel P3) rule_set: must be one of endocrine-society-2011, iom-2011',
        'row 4 (panel P3) value: must be a positive number, or <N / >N',
      ],
    ]);
    expect(parseImport(text).ignored).toEqual({ count: 1, codes: ['test ferritin'] });
  });

  it('points FHIR errors at the entry and element', () => {
    const bad = { ...observation, valueQuantity: { value: 5000, unit: 'ng/mL' } };
    const text = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: observation },
        { resource: { ...bad, subject: { reference: 'Patient/x' } } },
      ],
    });
    expect(problems(parseImport(text))).toEqual([
      [],
      [
        'entry[1].resource.valueQuantity.value: 5000 ng/mL is not a possible Vitamin D level (above 1000 ng/mL); check the value and unit',
      ],
    ]);
  });

  it('falls back to the prefix for panel-level paths', () => {
    const origin = { prefix: [{ label: 'panel P9 (rows 2-60)' }], results: [], panelFields: {} };
    expect(
      locateError(origin, { path: ['results'], message: 'is too long', code: 'too-many' }),
    ).toBe('panel P9 (rows 2-60) results: is too long');
  });
});

describe('locateFieldError', () => {
  const row = [{ label: 'row 3 (panel P1)' }];
  const origin: ImportOrigin = {
    prefix: [{ label: 'panel P1 (rows 2-3)' }],
    results: [
      { label: [{ label: 'row 2 (panel P1)' }], fields: {} },
      {
        label: row,
        fields: {
          value: [...row, 'value'],
          labRange: [...row, 'reference_range'],
          'labRange.low': [...row, 'lab_low'],
        },
      },
    ],
    panelFields: {
      collectedOn: [...row, 'collected'],
      'ruleSets.vitamin-d': [...row, 'rule_set'],
    },
  };
  const at = (path: FieldPath) =>
    locateFieldError(origin, { path, message: 'm', code: 'invalid' }).path;

  it.each<[string, FieldPath, Location]>([
    ['a field the reader located', ['results', 1, 'value'], [...row, 'value']],
    ['a nested field located whole', ['results', 1, 'labRange', 'low'], [...row, 'lab_low']],
    [
      'a nested field under a located parent',
      ['results', 1, 'labRange', 'high'],
      [...row, 'reference_range', 'high'],
    ],
    ['a field the reader did not locate', ['results', 1, 'unit'], [...row, 'unit']],
    [
      'a field of another result',
      ['results', 0, 'value'],
      [{ label: 'row 2 (panel P1)' }, 'value'],
    ],
    ['a result as a whole', ['results', 1], row],
    ['a panel field', ['collectedOn'], [...row, 'collected']],
    ['a rule set', ['ruleSets', 'vitamin-d'], [...row, 'rule_set']],
    [
      'a result the origin does not hold',
      ['results', 5, 'value'],
      [{ label: 'panel P1 (rows 2-3)' }, 'results', 5, 'value'],
    ],
    [
      'an index written as a name',
      ['results', '1', 'value'],
      [{ label: 'panel P1 (rows 2-3)' }, 'results', '1', 'value'],
    ],
    [
      'a name holding a dot, which is one name',
      ['results', 1, 'labRange.low.x'],
      [...row, 'labRange.low.x'],
    ],
    ['the panel as a whole', [], [{ label: 'panel P1 (rows 2-3)' }, '(root)']],
  ])('locates %s', (_name, path, expected) => {
    expect(at(path)).toEqual(expected);
  });

  it('keeps a path as it is without an origin (a single panel object)', () => {
    const error = { path: ['results', 0, 'value'], message: 'm', code: 'invalid' } as const;
    expect(locateFieldError(undefined, error)).toEqual(error);
    expect(locateFieldError(undefined, { ...error, path: [] }).path).toEqual(['(root)']);
  });
});

describe('importJson', () => {
  it('does not validate panels: interpret() is the one validator', () => {
    const outcome = importJson({ results: 'nope' });
    expect(outcome.kind).toBe('panel');
    expect(items(outcome)[0]?.errors).toEqual([]);
  });
});

describe('mergeImportWarnings', () => {
  it('adds the import warnings to the right result, after those interpret() found', () => {
    const [item] = items(parseImport(JSON.stringify(observation)));
    const interpretation = interpretOk(item?.imported?.panel);
    const merged = mergeImportWarnings(interpretation, item?.imported?.warnings ?? []);
    // interpret() adds the code-based warning itself (the result carries its LOINC code); the
    // merge does not repeat it.
    expect(merged.results[0]?.warnings.map((w) => w.code)).toEqual(['vitamin-d3-only-code']);
    expect(interpretation.results[0]?.warnings.map((w) => w.code)).toEqual([
      'vitamin-d3-only-code',
    ]);
  });

  it('returns the interpretation unchanged when there is nothing to add', () => {
    const interpretation = interpretOk(golden?.panel);
    expect(mergeImportWarnings(interpretation, [])).toBe(interpretation);
  });
});
