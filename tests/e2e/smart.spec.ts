/**
 * SMART on FHIR against a real authorization server and a real FHIR server (scripts/test-ehr,
 * started by playwright.config.ts): the EHR launch end to end with the handout filed back, the
 * standalone launch, every failure, framing refused and allowed, and proof that our own server
 * received no patient data and no token.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page, Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { extractText, getDocumentProxy } from 'unpdf';
import { CONTEXT_LABELS } from '@/lib/context-labels';
import { EntryPage } from './pages/entry-page';

// One worker runs this file's tests in order (the authorize-request log is shared).
test.describe.configure({ mode: 'default' });

const appPort = Number(process.env.E2E_PORT ?? 3100);
const ehrPort = Number(process.env.E2E_EHR_PORT ?? appPort + 61);
const ehr = `http://127.0.0.1:${ehrPort}`;
const iss = `${ehr}/fhir`;
const appOrigin = `http://127.0.0.1:${appPort}`;

const PATIENT_WORDS = ['Rosalind', 'Quillfeather', '1956-04-12'];
const VALUES = ['31.7', '251.9', '0.43', '24.6', '12.4'];

/** Every request the page sends to our own server, and every access token the EHR issued. */
function watch(page: Page) {
  const own: string[] = [];
  const elsewhere: string[] = [];
  const tokens: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith(appOrigin)) {
      own.push(
        [
          `${request.method()} ${url}`,
          request.postData() ?? '',
          ...Object.entries(request.headers()).map(([k, v]) => `${k}: ${v}`),
        ].join('\n'),
      );
    } else if (!url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  page.on('response', (response) => {
    if (response.url() === `${ehr}/oauth/token` && response.status() === 200) {
      void response
        .json()
        .then((body: { access_token?: string }) => {
          if (body.access_token !== undefined) tokens.push(body.access_token);
        })
        .catch(() => undefined);
    }
  });
  return {
    own,
    elsewhere,
    tokens,
    /** Patient words, values or tokens found in what reached our server. */
    leaks(): string[] {
      const needles = [...PATIENT_WORDS, ...VALUES, ...tokens];
      return own.flatMap((text) => {
        let decoded = text;
        try {
          decoded = decodeURIComponent(text);
        } catch {
          // keep the raw text
        }
        return needles.filter((needle) => text.includes(needle) || decoded.includes(needle));
      });
    },
  };
}

async function lastAuthorizeRequest(): Promise<Record<string, string>> {
  const response = await fetch(`${ehr}/_test/authorize-requests`);
  const all = (await response.json()) as Array<Record<string, string>>;
  return all.at(-1) ?? {};
}

const smartHeading = (page: Page) =>
  page.getByRole('heading', { name: 'Lab results from the EHR', level: 1 });

test('EHR launch: pre-fill with sources, history, suggested context, interpret, save to chart, end session, nothing reaches our server', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const watcher = watch(page);
  const entry = new EntryPage(page);
  await page.goto(`/launch?iss=${encodeURIComponent(iss)}&launch=L-main`);
  await expect(smartHeading(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Patient in the EHR:')).toContainText('Rosalind Quillfeather', {
    timeout: 30_000,
  });

  // The authorize request: PKCE S256, state, aud = the FHIR base, the SMART scopes, the launch.
  const authorize = await lastAuthorizeRequest();
  expect(authorize.code_challenge_method).toBe('S256');
  expect(authorize.code_challenge).toMatch(/^[\w-]{43}$/);
  expect(authorize.state?.length ?? 0).toBeGreaterThan(8);
  expect(authorize.aud).toBe(iss);
  expect(authorize.launch).toBe('L-main');
  expect(authorize.scope?.split(' ')).toEqual(
    expect.arrayContaining([
      'launch',
      'openid',
      'fhirUser',
      'patient/Patient.r',
      'patient/Observation.rs',
      'patient/DocumentReference.c',
    ]),
  );
  // The code and state leave the address bar once spent.
  await expect(page).toHaveURL(`${appOrigin}/smart`);

  // Pre-filled with the newest of each, each with its source; nothing interpreted yet.
  const sources = page.getByRole('list', { name: 'Sources of the pre-filled values' });
  await expect(sources).toContainText('Vitamin D: 31.7 ng/mL');
  await expect(sources).toContainText('Vitamin B12: 251.9 pmol/L');
  await expect(sources).toContainText('Magnesium: 0.43 mmol/L');
  await expect(sources).toContainText('collected 2026-11-02, Riverbend Regional Laboratory');
  await expect(entry.value('vitamin-d')).toHaveValue('31.7');
  await expect(entry.value('vitamin-b12')).toHaveValue('251.9');
  await expect(entry.unit('vitamin-b12')).toHaveValue('pmol/L');
  await expect(entry.value('magnesium')).toHaveValue('0.43');
  await expect(entry.unit('magnesium')).toHaveValue('mmol/L');
  await expect(entry.patientName).toHaveValue('Rosalind Quillfeather');
  await expect(entry.collectionDate).toHaveValue('2026-11-02');
  await expect(entry.resultsHeading).toHaveCount(0);

  // Unreadable Observations are listed as skipped, with the reason.
  const skipped = page.getByRole('list', { name: 'Observations not used' });
  await expect(skipped).toContainText('Observation vd-nounit): skipped');
  await expect(skipped).toContainText('entered-in-error');

  // History: every reading, classified, and the trend in words.
  await expect(
    page.getByText('Vitamin D 8.2 -> <5 -> 12.4 -> 24.6 -> 31.7 ng/mL since May 2025', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Vitamin D 8\.2 -> <5/ })).toBeVisible();
  await expect(page.locator('.smart-history-table').first().locator('tbody tr')).toHaveCount(5);

  // Suggested context: the clinician ticks each.
  const suggestions = page.getByRole('list', { name: 'Suggested context' });
  await expect(suggestions).toContainText('metformin hydrochloride 500 MG');
  await expect(suggestions).toContainText('N18.31');
  await expect(suggestions).toContainText('born 1956-04-12');
  await expect(entry.context('metformin')).not.toBeChecked();
  // The chart view (sources, skipped list, trends, suggestions) meets WCAG 2.2 A/AA.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  for (const flag of ['metformin', 'ckd', 'age-65-plus'] as const) {
    await suggestions.getByRole('button', { name: `Tick “${CONTEXT_LABELS[flag]}”` }).click();
  }
  await expect(entry.context('metformin')).toBeChecked();
  await expect(entry.context('ckd')).toBeChecked();
  await expect(entry.context('age-65-plus')).toBeChecked();

  // Interpret, then file the handout.
  await entry.interpretButton.click();
  await expect(entry.card('magnesium')).toBeVisible();
  await expect(entry.card('magnesium')).toContainText(/critical/i);
  await page.getByRole('button', { name: 'Save handout to chart' }).click();
  await expect(
    page.getByText(/Saved to the chart: the handout is filed as DocumentReference\//),
  ).toBeVisible({
    timeout: 30_000,
  });

  const stored = (await (await fetch(`${ehr}/_test/DocumentReference`)).json()) as Array<{
    subject: { reference: string };
    author?: Array<{ reference: string }>;
    type: { coding: Array<{ code: string }> };
    content: Array<{ attachment: { contentType: string; data: string } }>;
  }>;
  const document = stored.at(-1);
  expect(document?.subject.reference).toBe('Patient/p-main');
  expect(document?.author?.[0]?.reference).toBe('Practitioner/dr-okafor');
  expect(document?.type.coding[0]?.code).toBe('34895-3');
  expect(document?.content[0]?.attachment.contentType).toBe('application/pdf');
  const pdf = await getDocumentProxy(
    new Uint8Array(Buffer.from(document?.content[0]?.attachment.data ?? '', 'base64')),
  );
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain('Rosalind Quillfeather');
  expect(text).toContain('31.7');
  expect(text).toContain('0.43');

  // End session: the token and everything of the patient leave the page.
  await page.getByRole('button', { name: 'End session' }).first().click();
  await expect(page.getByText('No EHR session is open in this tab.')).toBeVisible();
  await expect(entry.value('vitamin-d')).toHaveValue('');
  await expect(entry.patientName).toHaveValue('');
  await expect(entry.context('metformin')).not.toBeChecked();
  await expect(page.getByText('Quillfeather')).toHaveCount(0);
  const storage = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
  expect(storage).not.toContain('access_token');
  expect(storage).not.toContain('Quillfeather');

  // Privacy: the chart went browser <-> EHR only. Our server saw no name, value or token.
  expect(watcher.tokens.length).toBeGreaterThan(0);
  expect(watcher.own.length).toBeGreaterThan(0);
  expect(watcher.leaks()).toEqual([]);
  const local = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(local).not.toContain('Quillfeather');
  const log = readFileSync('test-results/server.log', 'utf8');
  for (const needle of [...PATIENT_WORDS, ...watcher.tokens]) expect(log).not.toContain(needle);
});

test('standalone launch: "Open from EHR" on the entry page, with the EHR patient picker', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open from Test EHR' }).click();
  await expect(smartHeading(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Patient in the EHR:')).toContainText('Rosalind Quillfeather', {
    timeout: 30_000,
  });
  const authorize = await lastAuthorizeRequest();
  expect(authorize.launch).toBeUndefined();
  expect(authorize.scope?.split(' ')).toContain('launch/patient');
  expect(authorize.code_challenge_method).toBe('S256');
  await expect(new EntryPage(page).value('vitamin-d')).toHaveValue('31.7');
});

test('an unknown issuer gets a clear page and no request leaves for it', async ({ page }) => {
  const watcher = watch(page);
  const stranger = `http://127.0.0.1:${ehrPort + 7}/fhir`;
  await page.goto(`/launch?iss=${encodeURIComponent(stranger)}&launch=L-main`);
  await expect(
    page.getByRole('heading', { name: 'This EHR is not trusted by this app' }),
  ).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'not on this deployment’s list' }),
  ).toBeVisible();
  await page.waitForTimeout(500);
  expect(watcher.elsewhere).toEqual([]);
  await expect(page).toHaveURL(/\/launch\?/);
  // A look-alike of the trusted issuer is refused too.
  await page.goto(`/launch?iss=${encodeURIComponent(`${iss}-evil`)}&launch=L-main`);
  await expect(
    page.getByRole('heading', { name: 'This EHR is not trusted by this app' }),
  ).toBeVisible();
  expect(watcher.elsewhere).toEqual([]);
});

const failures = [
  ['L-deny', 'consent was declined'],
  ['L-token', 'did not give this app an access token'],
  ['L-down', 'could not be reached while reading the patient'],
  ['L-slow', 'did not answer within 3 seconds while reading the patient'],
] as const;

for (const [launch, message] of failures) {
  test(`failure ${launch}: a clear message and manual entry still works`, async ({ page }) => {
    await page.goto(`/launch?iss=${encodeURIComponent(iss)}&launch=${launch}`);
    await expect(smartHeading(page)).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not read the chart.' }),
    ).toContainText(message, { timeout: 20_000 });
    const entry = new EntryPage(page);
    await entry.value('vitamin-d').fill('18');
    await entry.interpretButton.click();
    await expect(entry.card('vitamin-d')).toBeVisible();
    expect(await entry.status('vitamin-d')).toBe('deficient');
  });
}

test('a patient with no labs: said plainly, the form stays empty', async ({ page }) => {
  await page.goto(`/launch?iss=${encodeURIComponent(iss)}&launch=L-empty`);
  await expect(page.getByText('Patient in the EHR:')).toContainText('Bartholomew Nochart', {
    timeout: 30_000,
  });
  await expect(
    page.getByText('No vitamin D, vitamin B12 or magnesium results were found in the chart'),
  ).toBeVisible();
  await expect(new EntryPage(page).value('vitamin-d')).toHaveValue('');
});

test('without patient/DocumentReference.c the handout cannot be filed, and the page says so', async ({
  page,
}) => {
  await page.goto(`/launch?iss=${encodeURIComponent(iss)}&launch=L-noscope`);
  // Under load the chart reads can take a while: wait for them, not for a fixed time.
  await expect(page.getByText('Patient in the EHR:')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('did not grant this app permission to file documents')).toBeVisible();
  await expect(page.getByText('Not granted by the EHR: conditions')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save handout to chart' })).toHaveCount(0);
});

test('framing: refused when no EHR origin is configured', async ({ page, request }) => {
  const response = await request.get(`/launch?iss=${encodeURIComponent(iss)}&launch=L-main`);
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['content-security-policy']).toContain(`connect-src 'self' ${ehr}`);
  expect(response.headers()['x-frame-options']).toBe('DENY');
  await page.goto(`${ehr}/ehr?launch=L-main`);
  await expect(page.getByRole('heading', { name: 'Test EHR chart' })).toBeVisible();
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const heading = await frame
    ?.locator('h1')
    .allInnerTexts()
    .catch(() => []);
  expect(heading ?? []).not.toContain('Connecting to Test EHR');
  expect(heading ?? []).not.toContain('Lab results from the EHR');
});

test('framing: allowed for exactly the configured EHR origin (embedded EHR launch)', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const port = ehrPort + 1;
  const server: ChildProcess = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      stdio: 'ignore',
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        LABS_SMART_ISSUERS: JSON.stringify([
          {
            iss,
            clientId: 'labs-test-client',
            name: 'Test EHR',
            frameOrigins: [ehr],
            timeoutSeconds: 5,
          },
        ]),
      },
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect(async () => {
      expect((await request.get(`${base}/api/health`)).ok()).toBe(true);
    }).toPass({ timeout: 60_000 });
    const response = await request.get(`${base}/smart`);
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(new RegExp(`frame-ancestors ${ehr.replace(/[.:/]/g, '\\$&')}(;|$)`));
    expect(response.headers()['x-frame-options'] ?? '').not.toBe('DENY');

    await page.goto(`${ehr}/ehr?launch=L-main&app=${encodeURIComponent(base)}`);
    const app = page.frameLocator('iframe[title="Lab interpreter"]');
    await expect(app.getByRole('heading', { name: 'Lab results from the EHR' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(app.getByText('Patient in the EHR:')).toContainText('Rosalind Quillfeather');
    await expect(app.getByRole('textbox', { name: 'Vitamin D value' })).toHaveValue('31.7');
  } finally {
    server.kill('SIGTERM');
  }
});
