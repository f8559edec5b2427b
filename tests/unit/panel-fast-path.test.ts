/**
 * interpret() checks the common panel shape by hand (`acceptCommonPanel`) before zod, reads
 * plain value texts and dates without regexes, and formats numbers with `formatNumber`. These
 * tests show that each fast path agrees with what it stands in for: the fast check accepts only
 * panels that `panelSchema` accepts, with the same data; the hand-read parts give exactly what
 * the pattern, `z.iso.date()` and `String` give, on valid and near-valid inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  interpretOptionsSchema,
  PARSE_OPTIONS,
  panelSchema,
  VALUE_TEXT_PATTERN,
} from '@/lib/schemas';
import { ANALYTE_IDS, COMPARATORS, CONTEXT_FLAGS } from '@/lib/types';
import { formatNumber } from '@/lib/units';
import {
  acceptCommonOptions,
  acceptCommonPanel,
  isIsoDate,
  normaliseResult,
  normaliseValidResult,
  parseValue,
  plainValueStart,
} from '@/lib/interpret/normalise';
import { GOLDEN_CASES, INVALID_CASES } from './golden-cases';
import { nearValidPanel } from './panel-arbitraries';

const valueText = fc.oneof(
  fc.stringMatching(/^(<|>|<=|>=|≤|≥)?\s?[0-9]{0,5}(\.[0-9]{0,3})?\s?$/),
  fc.constantFrom('<5', '>150', '<=20', '≥ 30', '.5', '5.', '1,5', '', '<', '0', '00.0', ' 4'),
  fc.string({ maxLength: 45 }),
);
const value = fc.oneof(
  fc.double(),
  fc.double({ min: 0.001, max: 3000, noNaN: true }),
  fc.integer({ min: -5, max: 3000 }),
  valueText,
  fc.constant(null),
);
const unit = fc.constantFrom(
  'ng/mL',
  'nmol/L',
  'pg/mL',
  'pmol/L',
  'mg/dL',
  'mmol/L',
  'mEq/L',
  'µg/L',
  '',
  'x'.repeat(21),
);
const date = fc.oneof(
  fc.constantFrom(
    '2026-11-01',
    '2026-02-30',
    '2000-02-29',
    '1900-02-29',
    '0000-02-29',
    '2026-1-01',
  ),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  fc.string({ maxLength: 12 }),
);
const result = fc.record(
  {
    analyte: fc.constantFrom(...ANALYTE_IDS, 'ferritin'),
    value,
    unit,
    comparator: fc.constantFrom(...COMPARATORS, '=', undefined),
    labRange: fc.oneof(
      fc.record({ low: fc.double(), high: fc.double() }),
      fc.record({ low: fc.nat(), high: fc.nat() }),
      fc.record({ low: fc.nat(), high: fc.nat(), extra: fc.nat() }),
    ),
    extra: fc.string(),
  },
  { requiredKeys: ['analyte', 'value', 'unit'] },
);
// Mostly valid rows: the fast path's own ground.
const validResult = fc.record(
  {
    analyte: fc.constantFrom(...ANALYTE_IDS),
    value: fc.oneof(
      fc.double({ min: 0.001, max: 3000, noNaN: true }),
      fc.stringMatching(/^(<|>|<=|>=)?[0-9]{1,4}(\.[0-9]{1,2})?$/),
    ),
    unit: fc.constantFrom('ng/mL', 'nmol/L', 'pg/mL', 'pmol/L', 'mg/dL', 'mmol/L', 'meq/L'),
    comparator: fc.constantFrom(...COMPARATORS, undefined),
    labRange: fc.record({
      low: fc.double({ min: 0, max: 500, noNaN: true }),
      high: fc.double({ min: 0.1, max: 3000, noNaN: true }),
    }),
  },
  { requiredKeys: ['analyte', 'value', 'unit'] },
);
const panel = (row: fc.Arbitrary<unknown>) =>
  nearValidPanel({
    row,
    birthDate: date,
    collectedOn: fc.oneof(date, fc.constant(undefined)),
    maxResults: 5,
  });

// The common shape: known keys only, rule sets of the right analyte.
const commonPanel = fc.record(
  {
    id: fc.string({ maxLength: 110 }),
    patient: fc.record({ name: fc.string(), birthDate: date }, { requiredKeys: [] }),
    clinician: fc.record(
      { name: fc.string(), clinic: fc.string(), phone: fc.string({ maxLength: 70 }) },
      { requiredKeys: [] },
    ),
    collectedOn: date,
    ruleSets: fc.record(
      {
        'vitamin-d': fc.constantFrom('endocrine-society-2011', 'iom-2011'),
        'vitamin-b12': fc.constantFrom('b12-common', 'b12-wide-350', 'mg-conventional'),
        magnesium: fc.constantFrom('mg-rosanoff-2022', 'mg-conventional'),
      },
      { requiredKeys: [] },
    ),
    context: fc.array(fc.constantFrom(...CONTEXT_FLAGS), { maxLength: 8 }),
    results: fc.array(validResult, { minLength: 0, maxLength: 4 }),
  },
  { requiredKeys: ['results'] },
);

/** The fast check never accepts what zod rejects, and zod's data has the same fields. */
function expectAgreement(input: unknown): void {
  const fast = acceptCommonPanel(input);
  if (fast === undefined) return;
  const parsed = panelSchema.safeParse(input, PARSE_OPTIONS);
  expect(parsed.success).toBe(true);
  if (parsed.success) expect(fast).toEqual(parsed.data);
}

describe('acceptCommonPanel', () => {
  it.each(GOLDEN_CASES.map((c) => [c.id, c.panel] as const))(
    'accepts golden panel %s with the data zod returns',
    (_id, input) => {
      expect(acceptCommonPanel(input)).toBeDefined();
      expectAgreement(input);
    },
  );

  it.each(INVALID_CASES.map((c) => [c.id, c.panel] as const))(
    'accepts invalid panel %s only when zod does (unit and plausibility come later)',
    (_id, input) => {
      expectAgreement(input);
    },
  );

  it('accepts only what zod accepts, on generated valid, near-valid and arbitrary inputs', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(commonPanel, panel(validResult), panel(result), fc.anything()),
        (input) => {
          if (acceptCommonPanel(input) !== undefined) accepted += 1;
          expectAgreement(input);
        },
      ),
      { numRuns: 4000 },
    );
    // The property must not pass by accepting nothing.
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts every panel zod accepts of the common shape (no unknown or odd keys)', () => {
    fc.assert(
      fc.property(
        fc.record({
          collectedOn: date,
          context: fc.uniqueArray(fc.constantFrom(...CONTEXT_FLAGS), { maxLength: 3 }),
          results: fc.array(validResult, { minLength: 1, maxLength: 4 }),
        }),
        (input) => {
          const json: unknown = JSON.parse(JSON.stringify(input));
          const zodAccepts = panelSchema.safeParse(json).success;
          expect(acceptCommonPanel(json) !== undefined).toBe(zodAccepts);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses inherited keys, as zod does', () => {
    const input = Object.assign(Object.create({ extra: 1 }) as object, {
      results: [{ analyte: 'magnesium', value: 1, unit: 'mg/dL' }],
    });
    expect(panelSchema.safeParse(input).success).toBe(false);
    expect(acceptCommonPanel(input)).toBeUndefined();
  });
});

describe('acceptCommonOptions', () => {
  it('agrees with interpretOptionsSchema', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.record({ asOf: date }, { requiredKeys: [] }), fc.anything()),
        (options) => {
          const fast = acceptCommonOptions(options);
          if (fast === undefined) return;
          const parsed = interpretOptionsSchema.safeParse(options);
          expect(parsed.success).toBe(true);
          if (parsed.success) expect(fast.asOf).toBe(parsed.data.asOf ?? null);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('hand-read values and dates', () => {
  const isoDate = z.iso.date();

  it('isIsoDate decides as z.iso.date() does', () => {
    fc.assert(
      fc.property(date, (text) => {
        expect(isIsoDate(text)).toBe(isoDate.safeParse(text).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('plain value texts match the value pattern, and parseValue reads them as it does', () => {
    fc.assert(
      fc.property(valueText, (text) => {
        const start = plainValueStart(text);
        if (start >= 0) expect(VALUE_TEXT_PATTERN.test(text)).toBe(true);
        const match = VALUE_TEXT_PATTERN.exec(text);
        const number = match?.[2] === undefined ? Number.NaN : Number(match[2]);
        const expected =
          match === null || !Number.isFinite(number) || number <= 0
            ? undefined
            : {
                value: number,
                comparator:
                  match[1] === undefined
                    ? null
                    : (({ '≤': '<=', '≥': '>=' } as Record<string, string>)[match[1]] ?? match[1]),
              };
        expect(parseValue(text)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('normaliseValidResult returns what normaliseResult returns for a row without errors', () => {
    fc.assert(
      fc.property(fc.oneof(validResult, result), (row) => {
        const parsed = panelSchema.shape.results.element.safeParse(row);
        if (!parsed.success) return;
        const full = normaliseResult(parsed.data, 2);
        const fast = normaliseValidResult(parsed.data, 2);
        if (full.ok) expect(JSON.stringify(fast)).toBe(JSON.stringify(full.value));
        else expect(fast).toBeUndefined();
      }),
      { numRuns: 4000 },
    );
  });
});

describe('formatNumber', () => {
  it('writes exactly what String writes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer({ min: 0, max: 2 ** 31 }).map((hundredths) => hundredths / 100),
          fc.integer({ min: 0, max: 100_000 }).map((tenths) => tenths / 10),
          fc.double({ min: 0, max: 5000, noNaN: true }),
        ),
        (value) => {
          expect(formatNumber(value)).toBe(String(value));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
