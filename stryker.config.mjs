// Mutation testing of the clinical core: `npm run test:mutation` (not part of `npm test`: it runs
// the covering unit tests once per mutant, minutes on this machine). Every mutant of the files
// below should make at least one unit test fail; the ones that cannot (equivalent mutants) are
// described in README.md (Tooling). The score per file is in the clear-text table and
// reports/mutation/index.html.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the unit tests of the clinical core (vitest.mutation.config.ts), not the PDF, CLI or
  // HTTP suites.
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'lib/classify.ts',
    'lib/units.ts',
    'lib/interpret.ts',
    'lib/interpret/**/*.ts',
    'lib/safety/*.ts',
    'lib/calendar-date.ts',
  ],
  // Each mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // Two cores, shared: one or two test processes (STRYKER_CONCURRENCY=1 on a busy machine).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  // Mutants of module-level data (frozen band objects, unit spellings built at import) are
  // "static": each would re-run every covering test file from a fresh import, most of the run's
  // time. They are skipped here and counted as ignored; the data itself is checked by the cut-off
  // and unit tables (tests/unit/lib/interpret-cutoffs.test.ts, tests/unit/lib/units.test.ts).
  ignoreStatic: true,
  // A mutant that makes a loop endless is killed by the timeout, not waited for.
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 20,
  // Incremental: a second run re-tests only mutants whose code or covering tests changed
  // (reports/stryker-incremental.json; pass --force for a full run).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 85, low: 70, break: null },
};
