// Runs every check in order and prints the real totals as the last line: "N passed, N failed".
// Static checks (types, lint, format, build) count as one test each; vitest and Playwright
// report their own per-test totals through their JSON reporters.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
rmSync('test-results/server.log', { force: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no tests in it but is still a failure.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
      failed += 1;
      failures.push(`vitest suite ${suite.name}`);
    }
  }
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  if ((report.errors ?? []).length > 0) {
    failed += report.errors.length;
    failures.push('playwright global errors');
  }
  return true;
}

const bin = (name) => `node_modules/.bin/${name}`;

check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint', bin('eslint'), ['.', '--max-warnings=0']);
check('format', bin('prettier'), ['--check', '.']);

rmSync('test-results/vitest.json', { force: true });
const vitestOk = run('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const failedBeforeVitest = failed;
if (!countVitest('test-results/vitest.json')) {
  failed += 1;
  failures.push('vitest produced no report');
} else if (!vitestOk) {
  failures.push('unit tests');
  // A non-zero exit with no failed test counted (e.g. an unhandled error) still fails.
  if (failed === failedBeforeVitest) failed += 1;
}

const built = run('build', bin('next'), ['build']);
if (built) passed += 1;
else {
  failed += 1;
  failures.push('next build');
}

if (built) {
  rmSync('test-results/playwright.json', { force: true });
  const e2eOk = run('browser tests', bin('playwright'), ['test']);
  const failedBefore = failed;
  if (!countPlaywright('test-results/playwright.json')) {
    failed += 1;
    failures.push('playwright produced no report');
  } else if (!e2eOk) {
    failures.push('browser tests');
    // A non-zero exit with no failed test counted (e.g. a crashed web server) still fails.
    if (failed === failedBefore) failed += 1;
  }
  // Runs after the browser and API suites: the server log must not contain patient data.
  const logOk = run('server log privacy', process.execPath, ['scripts/check-server-log.mjs']);
  if (logOk) passed += 1;
  else {
    failed += 1;
    failures.push('server log privacy');
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
