/**
 * interpret() validates with `z.compile(panelSchema)`: zod's generated fast path, which hands
 * every input it does not accept outright to the runtime parser. These tests show that the
 * compiled and the runtime schema give the same answer (data, issues, paths, messages) on the
 * golden and invalid fixtures and on generated inputs, and that the memoised parts of a result
 * cannot be changed through one result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { interpret } from '@/lib/interpret';
import { interpretOptionsSchema, PARSE_OPTIONS, panelSchema } from '@/lib/schemas';
import { ANALYTE_IDS, COMPARATORS } from '@/lib/types';
import { GOLDEN_CASES, INVALID_CASES } from './golden-cases';
import { nearValidPanel } from './panel-arbitraries';

const compiled = z.compile(panelSchema);

function both(input: unknown): [string, string] {
  return [
    JSON.stringify(panelSchema.safeParse(input, PARSE_OPTIONS)),
    JSON.stringify(compiled.safeParse(input, PARSE_OPTIONS)),
  ];
}

const unit = fc.constantFrom(
  'ng/mL',
  'nmol/L',
  'pg/mL',
  'pmol/L',
  'mg/dL',
  'mmol/L',
  'mEq/L',
  '',
  'x',
);
const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 3000 }),
  fc.constantFrom('<5', '>150', '<=20', '≥ 30', '.5', '1,5', 'abc', ''),
  fc.string({ maxLength: 45 }),
  fc.constant(null),
);
const result = fc.record(
  {
    analyte: fc.constantFrom(...ANALYTE_IDS, 'ferritin'),
    value,
    unit,
    comparator: fc.constantFrom(...COMPARATORS, '=', undefined),
    labRange: fc.oneof(
      fc.record({ low: fc.double(), high: fc.double() }),
      fc.record({ low: fc.nat(), high: fc.nat(), extra: fc.nat() }),
    ),
    extra: fc.string(),
  },
  { requiredKeys: ['analyte', 'value', 'unit'] },
);
const panel = nearValidPanel({
  row: result,
  birthDate: fc.constantFrom('2000-02-29', '1999-02-29', '1980-13-01', 'x'),
  collectedOn: fc.constantFrom('2026-11-01', '2026-02-30', '', undefined),
  maxResults: 4,
});

describe('z.compile(panelSchema)', () => {
  it('compiles the whole schema (no part left to the runtime parser)', () => {
    expect(() => z.compile(panelSchema, { strict: true })).not.toThrow();
    expect(() => z.compile(interpretOptionsSchema, { strict: true })).not.toThrow();
  });

  it.each(GOLDEN_CASES.map((c) => [c.id, c.panel] as const))(
    'parses golden panel %s exactly as the runtime schema does',
    (_id, input) => {
      const [runtime, fast] = both(input);
      expect(fast).toBe(runtime);
      expect(compiled.safeParse(input).success).toBe(true);
    },
  );

  it.each(INVALID_CASES.map((c) => [c.id, c.panel] as const))(
    'reports invalid panel %s exactly as the runtime schema does',
    (_id, input) => {
      const [runtime, fast] = both(input);
      expect(fast).toBe(runtime);
    },
  );

  it('agrees with the runtime schema on generated panels and on any JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(panel, fc.anything()), (input) => {
        const [runtime, fast] = both(input);
        expect(fast).toBe(runtime);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('interpret() memoised parts', () => {
  it('returns equal results for the same panel, and shared parts cannot be mutated', () => {
    const input = GOLDEN_CASES.find((c) => c.id === 'alternative-rule-sets')?.panel;
    const first = interpret(input);
    const second = interpret(input);
    expect(second).toEqual(first);
    if (!first.ok) throw new Error('golden panel failed');
    const notes = first.value.results[0]?.notes as unknown as unknown[];
    expect(() => notes.push('x')).toThrow(TypeError);
    expect(first.value.results[0]?.notes).toEqual(second.ok ? second.value.results[0]?.notes : []);
  });
});
