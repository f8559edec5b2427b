// Mutation testing of the clinical core: `npm run test:mutation` (not part of `npm test`; it
// takes long). Every mutant of the files below must make at least one unit test fail.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  dryRunTimeoutMinutes: 30,
  mutate: ['lib/classify.ts', 'lib/units.ts', 'lib/interpret/normalise.ts', 'lib/interpret.ts'],
  // Runs only the tests that cover each mutant.
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 85, low: 70, break: null },
};
