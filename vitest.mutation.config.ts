import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests that exercise the clinical core, for `npm run test:mutation` (Stryker runs
// them once per mutant; the PDF, CLI and HTTP suites add minutes and cover other modules).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        'tests/unit/classify.test.ts',
        'tests/unit/units.test.ts',
        'tests/unit/cutoffs.test.ts',
        'tests/unit/interpret.test.ts',
        'tests/unit/invariants.test.ts',
        'tests/unit/properties.test.ts',
        'tests/unit/import.test.ts',
        'tests/unit/csv.test.ts',
        'tests/unit/fhir.test.ts',
      ],
    },
  }),
);
