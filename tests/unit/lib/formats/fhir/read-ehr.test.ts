import { describe, expect, it } from 'vitest';
import { panelsFromFhir } from '@/lib/formats/fhir/read';

import { bundle, observation, read, ucum } from '@/tests/unit/support/fhir';

describe('panelsFromFhir: what real EHRs send', () => {
  it.each([
    'document',
    'message',
    'transaction',
    'transaction-response',
    'batch',
    'batch-response',
    'history',
    'searchset',
    'collection',
  ])('reads a %s Bundle', (type) => {
    const items = read(bundle([observation('2132-9', ucum(180, 'pg/mL'))], type));
    expect(items[0]?.imported?.panel.results).toEqual([
      { analyte: 'vitamin-b12', value: 180, unit: 'pg/mL', code: '2132-9' },
    ]);
  });

  it.each([
    ['<5 ng/mL', { value: 5, comparator: '<', unit: 'ng/mL' }],
    ['>= 150 ng/mL', { value: 150, comparator: '>=', unit: 'ng/mL' }],
    ['≤ 5 ng/mL', { value: 5, comparator: '<=', unit: 'ng/mL' }],
    ['42 nmol/L', { value: 42, unit: 'nmol/L' }],
  ])('reads valueString %j like a quantity with its comparator', (valueString, expected) => {
    const resource = { ...observation('62292-8', {}), valueQuantity: undefined, valueString };
    expect(read(resource)[0]?.imported?.panel.results[0]).toEqual({
      analyte: 'vitamin-d',
      ...expected,
      code: '62292-8',
    });
  });

  it.each(['urn:oid:2.16.840.1.113883.6.1', 'https://loinc.org', 'http://loinc.org'])(
    'accepts the LOINC system written %s',
    (system) => {
      const resource = {
        ...observation('2601-3', ucum(0.8, 'mmol/L')),
        code: { coding: [{ system, code: '2601-3' }] },
      };
      expect(read(resource)[0]?.imported?.panel.results[0]?.analyte).toBe('magnesium');
    },
  );

  it.each([
    [
      '0-0',
      { low: { value: 0, unit: 'mg/dL' }, high: { value: 0, unit: 'mg/dL' } },
      /0-0 is not a range/,
    ],
    ['text only', { text: 'see report' }, /text only/],
    ['low only', { low: { value: 1.8, unit: 'mg/dL' } }, /low value only/],
  ])('drops a %s referenceRange with a warning and still reads the result', (_n, range, why) => {
    const [item] = read(observation('19123-9', ucum(1.9, 'mg/dL'), { referenceRange: [range] }));
    expect(item?.imported?.panel.results[0]).toEqual({
      analyte: 'magnesium',
      value: 1.9,
      unit: 'mg/dL',
      code: '19123-9',
    });
    expect(item?.imported?.warnings).toEqual([
      { resultIndex: 0, code: 'lab-range-dropped', message: expect.stringMatching(why) },
    ]);
  });

  it('counts entries that are not ours as ignored, never as errors', () => {
    const outcome = panelsFromFhir(
      bundle([
        { resourceType: 'DiagnosticReport' },
        observation('718-7', ucum(13, 'g/dL')),
        observation('62292-8', ucum(12, 'ng/mL')),
        { resourceType: 'Patient' },
      ]),
    );
    expect(outcome.ignored).toEqual({
      count: 3,
      codes: ['DiagnosticReport', 'LOINC 718-7', 'Patient'],
    });
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels.flatMap((p) => p.errors)).toEqual([]);
  });
});
