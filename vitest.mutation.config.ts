import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests of the clinical core (classify, units, dates, interpret, result, safety rules),
// for `npm run test:mutation`: Stryker runs the covering ones once per mutant. The PDF, CLI and
// HTTP suites cover other modules, and the fast-check properties
// (tests/unit/lib/interpret-properties.test.ts) cover every mutant with thousands of runs: they
// would only add hours. The list replaces the base `include` (mergeConfig would append to it and
// run every unit test). The result statics are memoised per kind of result and converted values
// per value: the setup file empties both memos before each test, so a mutant of the code that
// builds them meets every test that checks them, not only the first test (in whatever order) to
// build a kind or convert a value.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    setupFiles: ['tests/unit/support/forget-statics.ts'],
    include: [
      'tests/unit/lib/classify*.test.ts',
      'tests/unit/lib/units.test.ts',
      'tests/unit/lib/interpret.test.ts',
      'tests/unit/lib/interpret-cutoffs.test.ts',
      'tests/unit/lib/analytes/data.test.ts',
      'tests/unit/lib/result-codes.test.ts',
      'tests/unit/lib/safety/*.test.ts',
      'tests/unit/lib/interpret/build-result.test.ts',
      'tests/unit/lib/interpret/converted-values.test.ts',
      'tests/unit/lib/interpret/normalise.test.ts',
      'tests/unit/lib/interpret/result-statics.test.ts',
      'tests/unit/lib/interpret/result-warnings.test.ts',
      'tests/unit/lib/interpret/rule-set-views.test.ts',
      'tests/unit/lib/calendar-date.test.ts',
    ],
  },
});
