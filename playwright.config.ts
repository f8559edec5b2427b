import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
// The test EHR (OAuth + FHIR, scripts/test-ehr) for the SMART specs; the app trusts it.
const ehrPort = Number(process.env.E2E_EHR_PORT ?? port + 61);
const ehrIssuer = {
  iss: `http://127.0.0.1:${ehrPort}/fhir`,
  clientId: 'labs-test-client',
  name: 'Test EHR',
  timeoutSeconds: 3,
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 2,
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/playwright',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/playwright.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `node scripts/serve-for-tests.mjs ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      // Trusted for the SMART launch, but with no frame origin: framing stays refused here.
      env: { ...process.env, LABS_SMART_ISSUERS: JSON.stringify([ehrIssuer]) } as Record<
        string,
        string
      >,
    },
    {
      command: `node --import tsx scripts/test-ehr/server.ts --port ${ehrPort} --app http://127.0.0.1:${port}`,
      url: `http://127.0.0.1:${ehrPort}/fhir/.well-known/smart-configuration`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
