// Privacy check, run after the API and browser suites: the server's own output must contain
// none of the test patients' names or sentinel values.
import { existsSync, readFileSync } from 'node:fs';

const logFile = 'test-results/server.log';
if (!existsSync(logFile)) {
  console.error(`${logFile} is missing: the browser suite did not start the server`);
  process.exit(1);
}
const log = readFileSync(logFile, 'utf8');
const golden = JSON.parse(readFileSync('tests/fixtures/golden.json', 'utf8'));
const sentinels = JSON.parse(readFileSync('tests/fixtures/privacy-sentinels.json', 'utf8'));
const needles = [
  ...golden.map((c) => c.panel.patient?.name).filter(Boolean),
  ...sentinels.names,
  ...sentinels.values.map(String),
];
const leaks = needles.filter((needle) => log.includes(needle));
console.log(`server log: ${log.length} characters, ${needles.length} sentinels checked`);
if (leaks.length > 0) {
  console.error(`patient data found in the server log: ${leaks.join(', ')}`);
  process.exit(1);
}
