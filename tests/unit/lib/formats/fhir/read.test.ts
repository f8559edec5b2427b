import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOINC_SYSTEM, RULE_SET_EXTENSION } from '@/lib/formats/codes';
import { panelsFromFhir } from '@/lib/formats/fhir/read';
import { toFhirBundle } from '@/lib/formats/fhir/write';
import { formatLocation } from '@/lib/formats/location';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';

import { bundle, interpretOk, observation, read, ucum } from '@/tests/unit/support/fhir';

describe('toFhirBundle -> panelsFromFhir round trip', () => {
  const interpretations = GOLDEN_CASES.map((golden) => interpretOk(golden.panel));
  const items = read(JSON.parse(JSON.stringify(toFhirBundle(interpretations))));

  it('reads back one panel per interpretation, in order, with the panel ids', () => {
    expect(items.map((item) => item.imported?.panel.id)).toEqual(
      GOLDEN_CASES.map((golden) => golden.panel.id),
    );
    expect(items.every((item) => item.errors.length === 0)).toBe(true);
  });

  it.each(GOLDEN_CASES.map((golden, index) => [golden.id, index] as const))(
    '%s keeps its statuses, critical flags and FHIR codes',
    (_id, index) => {
      const imported = items[index]?.imported;
      expect(imported).toBeDefined();
      const again = interpretOk(imported?.panel);
      const expected = GOLDEN_CASES[index]?.expected ?? [];
      expect(
        again.results.map((result) => ({
          analyte: result.analyte,
          status: result.status,
          critical: result.critical,
          fhir: result.fhirInterpretation,
        })),
      ).toEqual(
        expected.map((e) => ({
          analyte: e.analyte,
          status: e.status,
          critical: e.critical,
          fhir: e.fhir,
        })),
      );
      const original = interpretations[index];
      expect(again.collectedOn).toBe(original?.collectedOn);
      expect(again.results.map((r) => r.ruleSet.id)).toEqual(
        original?.results.map((r) => r.ruleSet.id),
      );
      expect(again.results.map((r) => r.labRange)).toEqual(
        original?.results.map((r) => r.labRange),
      );
    },
  );
});

describe('panelsFromFhir', () => {
  it.each([
    ['62292-8', 'vitamin-d', 'ng/mL'],
    ['1989-3', 'vitamin-d', 'ng/mL'],
    ['14635-7', 'vitamin-d', 'nmol/L'],
    ['2132-9', 'vitamin-b12', 'pg/mL'],
    ['14685-2', 'vitamin-b12', 'pmol/L'],
    ['19123-9', 'magnesium', 'mg/dL'],
    ['2601-3', 'magnesium', 'mmol/L'],
  ])('reads LOINC %s as %s', (loinc, analyte, unit) => {
    const [item] = read(observation(loinc, ucum(1, unit)));
    expect(item?.imported?.panel.results[0]).toEqual({ analyte, value: 1, unit, code: loinc });
  });

  it('warns that 1989-3 is vitamin D3 only', () => {
    const [item] = read(observation('1989-3', ucum(25, 'ng/mL')));
    expect(item?.imported?.warnings).toEqual([
      { resultIndex: 0, code: 'vitamin-d3-only-code', message: expect.stringContaining('D3') },
    ]);
  });

  it('refuses 16695-9 (B12 in whole blood) with the reason', () => {
    const [item] = read(observation('16695-9', ucum(300, 'pg/mL')));
    expect(item?.imported).toBeUndefined();
    expect(item?.errors).toEqual([
      { path: 'code', message: expect.stringContaining('whole blood'), code: 'invalid' },
    ]);
  });

  it('refuses an Observation of a LOINC code it does not interpret, naming the codes it reads', () => {
    const outcome = panelsFromFhir(observation('13964-2', ucum(300, 'nmol/L')));
    expect(outcome.kind).toBe('invalid');
    expect(outcome.ignored).toEqual({ count: 1, codes: ['LOINC 13964-2'] });
    if (outcome.kind === 'invalid') expect(outcome.errors[0]?.message).toContain('62292-8');
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'treats LOINC %j as an unknown code, not as an object key',
    (code) => {
      const outcome = panelsFromFhir(observation(code, ucum(1, 'ng/mL')));
      expect(outcome.ignored).toEqual({ count: 1, codes: [`LOINC ${code}`] });
    },
  );

  it('never throws on arbitrary Observation-shaped or Bundle-shaped JSON', () => {
    const loose = fc.record(
      {
        resourceType: fc.constantFrom('Observation', 'Patient', 1),
        status: fc.constantFrom('final', 'cancelled', null),
        code: fc.oneof(
          fc.anything(),
          fc.record({
            coding: fc.array(
              fc.record({ system: fc.constantFrom(LOINC_SYSTEM, 'x'), code: fc.string() }),
            ),
          }),
        ),
        valueQuantity: fc.oneof(
          fc.anything(),
          fc.record({ value: fc.anything(), unit: fc.anything(), code: fc.anything() }),
        ),
        referenceRange: fc.anything(),
        basedOn: fc.anything(),
        subject: fc.anything(),
        extension: fc.anything(),
        effectiveDateTime: fc.anything(),
      },
      { requiredKeys: ['resourceType'] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          loose,
          fc.record({
            resourceType: fc.constant('Bundle'),
            type: fc.constant('collection'),
            entry: fc.array(fc.oneof(fc.record({ resource: loose }), fc.anything())),
          }),
          fc.anything(),
        ),
        (json) => {
          const outcome = panelsFromFhir(json);
          expect(typeof outcome.kind).toBe('string');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never guesses a missing unit', () => {
    const [item] = read(observation('62292-8', { value: 20 }));
    expect(item?.errors).toEqual([
      {
        path: 'valueQuantity.unit',
        message: expect.stringContaining('never guessed'),
        code: 'required',
      },
    ]);
  });

  it('names the field of an unknown unit', () => {
    const [item] = read(observation('62292-8', ucum(20, 'ng/dl/x')));
    expect(item?.errors[0]).toMatchObject({ path: 'valueQuantity.code', code: 'unknown-unit' });
  });

  it('falls back from a non-UCUM code to the unit text', () => {
    const [item] = read(
      observation('2601-3', {
        value: 1.6,
        unit: 'mEq/L',
        system: 'http://lab.example/units',
        code: 'MEQ',
      }),
    );
    expect(item?.imported?.panel.results[0]).toMatchObject({ unit: 'mEq/L' });
  });

  it('reads comparator, effective date, the lab range and the rule-set extension', () => {
    const [item] = read(
      observation(
        '2132-9',
        { ...ucum(150, 'pg/mL'), comparator: '<' },
        {
          effectiveDateTime: '2026-11-20T08:30:00+01:00',
          referenceRange: [{ low: ucum(200, 'pg/mL'), high: ucum(900, 'pg/mL') }],
          extension: [{ url: RULE_SET_EXTENSION, valueCode: 'b12-wide-400' }],
        },
      ),
    );
    expect(item?.imported?.panel).toEqual({
      collectedOn: '2026-11-20',
      ruleSets: { 'vitamin-b12': 'b12-wide-400' },
      results: [
        {
          analyte: 'vitamin-b12',
          value: 150,
          comparator: '<',
          unit: 'pg/mL',
          labRange: { low: 200, high: 900 },
          code: '2132-9',
        },
      ],
    });
  });

  it('leaves out a lab range written in another unit', () => {
    const [item] = read(
      observation('2132-9', ucum(300, 'pg/mL'), {
        referenceRange: [{ low: ucum(150, 'pmol/L'), high: ucum(660, 'pmol/L') }],
      }),
    );
    expect(item?.imported?.panel.results[0]?.labRange).toBeUndefined();
  });

  it('refuses a non-numeric value, another value type, and an unknown comparator', () => {
    expect(read(observation('62292-8', { value: '20', code: 'ng/mL' }))[0]?.errors[0]?.path).toBe(
      'valueQuantity.value',
    );
    const text = { ...observation('62292-8', {}), valueQuantity: undefined, valueString: '<5' };
    expect(read(text)[0]?.errors[0]).toMatchObject({
      path: 'valueString',
      message: expect.stringContaining('never guessed'),
    });
    const coded = { ...observation('62292-8', {}), valueQuantity: undefined, valueBoolean: true };
    expect(read(coded)[0]?.errors[0]).toMatchObject({
      path: 'valueQuantity',
      message: expect.stringContaining('valueBoolean'),
    });
    expect(
      read(observation('62292-8', { ...ucum(20, 'ng/mL'), comparator: 'ad' }))[0]?.errors[0]?.path,
    ).toBe('valueQuantity.comparator');
  });

  it('groups Observations by order, else by subject and day', () => {
    const items = read(
      bundle([
        observation('62292-8', ucum(20, 'ng/mL'), {
          subject: { reference: 'Patient/a' },
          effectiveDateTime: '2026-11-01',
        }),
        observation('2132-9', ucum(300, 'pg/mL'), {
          subject: { reference: 'Patient/b' },
          effectiveDateTime: '2026-11-01',
        }),
        observation('19123-9', ucum(2, 'mg/dL'), {
          subject: { reference: 'Patient/a' },
          effectiveDateTime: '2026-11-01T10:00:00Z',
        }),
        observation('19123-9', ucum(2, 'mg/dL'), {
          subject: { reference: 'Patient/a' },
          effectiveDateTime: '2026-11-02',
        }),
        observation('62292-8', ucum(20, 'ng/mL'), {
          basedOn: [{ identifier: { system: 'urn:acc', value: 'ACC-1' } }],
        }),
      ]),
    );
    expect(items.map((item) => item.imported?.panel.results.map((r) => r.analyte))).toEqual([
      ['vitamin-d', 'magnesium'],
      ['vitamin-b12'],
      ['magnesium'],
      ['vitamin-d'],
    ]);
    expect(items[3]?.imported?.panel.id).toBe('ACC-1');
  });

  it('reports each unreadable entry and still reads the valid ones', () => {
    const items = read(
      bundle(
        [
          { resourceType: 'Patient', id: 'p1' },
          observation('62292-8', ucum(12, 'ng/mL')),
          observation('62292-8', { value: 20 }),
          observation('2132-9', ucum(180, 'pg/mL')),
        ],
        'searchset',
      ),
    );
    expect(items.map((item) => item.errors.map((e) => e.path))).toEqual([
      [],
      ['entry[2].resource.valueQuantity.unit'],
    ]);
    expect(items[0]?.imported?.panel.results.map((r) => r.value)).toEqual([12, 180]);
  });

  it('skips entries included only as search context', () => {
    const items = read({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: observation('62292-8', ucum(12, 'ng/mL')), search: { mode: 'match' } },
        { resource: { resourceType: 'Patient' }, search: { mode: 'include' } },
        { resource: { resourceType: 'OperationOutcome' }, search: { mode: 'outcome' } },
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0]?.errors).toEqual([]);
  });

  it.each(['entered-in-error', 'cancelled'])('skips Observations %s with a notice', (status) => {
    const outcome = panelsFromFhir(
      bundle([
        observation('62292-8', ucum(12, 'ng/mL'), { status }),
        observation('2132-9', ucum(180, 'pg/mL')),
      ]),
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels[0]?.imported?.panel.results.map((r) => r.analyte)).toEqual([
      'vitamin-b12',
    ]);
    expect(formatLocation(outcome.notices[0]?.path ?? [])).toBe('entry[0].resource.status');
    expect(outcome.notices[0]?.message).toMatch(/not interpreted/);
  });

  it.each([
    [{ resourceType: 'Bundle', type: 'nonsense', entry: [] }, 'type'],
    [{ resourceType: 'Bundle', type: 'collection', entry: [] }, 'entry'],
    [{ resourceType: 'Patient' }, 'resourceType'],
    ['text', '(root)'],
  ])('refuses input that is not an Observation or a usable Bundle (%#)', (json, path) => {
    const outcome = panelsFromFhir(json);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid')
      expect(formatLocation(outcome.errors[0]?.path ?? [])).toBe(path);
  });
});
