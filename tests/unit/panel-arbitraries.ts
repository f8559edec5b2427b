import fc from 'fast-check';
import { listRuleSets } from '@/lib/analytes/registry';
import { ANALYTE_IDS, CONTEXT_FLAGS } from '@/lib/types';

/**
 * Panels that are almost valid: every known field, with values from the given arbitraries plus
 * wrong rule sets, unknown context flags, over-long ids and an unexpected key. Shared by the
 * tests that compare two validators of `panelSchema` on the same inputs.
 */
export function nearValidPanel(parts: {
  readonly row: fc.Arbitrary<unknown>;
  readonly birthDate: fc.Arbitrary<unknown>;
  readonly collectedOn: fc.Arbitrary<unknown>;
  readonly maxResults: number;
}): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 110 }), fc.integer()),
      patient: fc.record({ name: fc.string(), birthDate: parts.birthDate }, { requiredKeys: [] }),
      clinician: fc.record(
        { name: fc.string(), clinic: fc.string(), phone: fc.string({ maxLength: 70 }) },
        { requiredKeys: [] },
      ),
      collectedOn: parts.collectedOn,
      ruleSets: fc.dictionary(
        fc.constantFrom(...ANALYTE_IDS, 'x'),
        fc.constantFrom(...listRuleSets().map((r) => r.id), 'y'),
      ),
      context: fc.array(fc.constantFrom(...CONTEXT_FLAGS, 'z'), { maxLength: 9 }),
      results: fc.array(parts.row, { maxLength: parts.maxResults }),
      unexpected: fc.anything(),
    },
    { requiredKeys: ['results'] },
  );
}
