import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

/** The text layer of a downloaded PDF (poppler's pdftotext). */
async function pdfText(download: Download): Promise<string> {
  const path = await download.path();
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function interpret25_250_1_9(entry: EntryPage) {
  await entry.goto();
  await entry.value('vitamin-d').fill('25');
  await entry.value('vitamin-b12').fill('250');
  await entry.value('magnesium').fill('1.9');
  await entry.unit('magnesium').selectOption('mg/dL');
  await entry.interpret();
  await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('25 ng/mL');
}

test.describe('bug 1: results never go stale silently', () => {
  test('after a value edit the results are marked out of date and the handout is blocked', async ({
    page,
  }) => {
    const entry = new EntryPage(page);
    await interpret25_250_1_9(entry);
    await expect(entry.handoutButton).toBeEnabled();

    await entry.value('vitamin-d').fill('80');
    await expect(entry.staleNote).toBeVisible();
    await expect(entry.staleNote).toContainText('press Interpret');
    await expect(page.locator('.results')).toHaveAttribute('data-current', 'false');
    await expect(entry.handoutButton).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Copy for the note' })).toBeDisabled();

    // Back to what was interpreted: current again.
    await entry.value('vitamin-d').fill('25');
    await expect(entry.staleNote).toBeHidden();
    await expect(entry.handoutButton).toBeEnabled();

    // Change again and interpret: the handout says exactly what the form holds.
    await entry.value('vitamin-d').fill('80');
    await page.getByRole('button', { name: 'Update results' }).click();
    await expect(entry.staleNote).toBeHidden();
    await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('80 ng/mL');
    const text = await pdfText(await entry.downloadHandout());
    expect(text).toContain('80 ng/mL');
    expect(text).not.toContain('25 ng/mL');
  });

  test('after a unit change the results are out of date too', async ({ page }) => {
    const entry = new EntryPage(page);
    await interpret25_250_1_9(entry);
    await entry.unit('vitamin-d').selectOption('nmol/L');
    await expect(entry.staleNote).toBeVisible();
    await expect(entry.handoutButton).toBeDisabled();
    // A click on the disabled button makes nothing.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await entry.handoutButton.click({ force: true });
    await page.waitForTimeout(300);
    expect(downloads).toBe(0);
    await entry.interpret();
    await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('25 nmol/L');
    const text = await pdfText(await entry.downloadHandout());
    expect(text).toContain('25 nmol/L');
  });

  test('a patient name, context or lab range edit also marks the results out of date', async ({
    page,
  }) => {
    const entry = new EntryPage(page);
    await interpret25_250_1_9(entry);
    await entry.patientName.fill('Late Name');
    await expect(entry.staleNote).toBeVisible();
    await entry.patientName.fill('');
    await expect(entry.staleNote).toBeHidden();
    await entry.context('metformin').check();
    await expect(entry.staleNote).toBeVisible();
    await entry.context('metformin').uncheck();
    await entry.openLabSettings();
    await entry.labLow('magnesium').fill('1.7');
    await entry.labHigh('magnesium').fill('2.2');
    await expect(entry.staleNote).toBeVisible();
  });
});

const D3_ONLY_PRELIMINARY = {
  resourceType: 'Observation',
  status: 'preliminary',
  code: { coding: [{ system: 'http://loinc.org', code: '1989-3' }] },
  effectiveDateTime: '2026-11-20',
  valueQuantity: { value: 25, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' },
};

// The handout's wording of these warnings (lib/handout/text/en.ts), as pdftotext gives it back
// (lines may wrap, so whitespace is normalised before comparing).
const HANDOUT_PRELIMINARY = 'Early (preliminary) result: the lab may still change it.';
const HANDOUT_D3_ONLY = 'The lab tested vitamin D3 only.';
const flat = (text: string): string => text.replace(/\s+/g, ' ');

test('bug 3: a preliminary FHIR 1989-3 import shows the API warnings on the card and the handout, until edited', async ({
  page,
  request,
}) => {
  const api = await request.post('/api/interpret?asOf=2026-11-30', { data: D3_ONLY_PRELIMINARY });
  expect(api.status()).toBe(200);
  const body = (await api.json()) as {
    results: Array<{ warnings: Array<{ code: string }>; reportStatus?: string }>;
  };
  const apiCodes = (body.results[0]?.warnings ?? []).map((w) => w.code).sort();
  expect(apiCodes).toEqual(['preliminary-result', 'vitamin-d3-only-code']);
  expect(body.results[0]?.reportStatus).toBe('preliminary');

  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  await entry.importDialog
    .getByLabel('FHIR JSON or CSV text')
    .fill(JSON.stringify(D3_ONLY_PRELIMINARY));
  await entry.importDialog.getByRole('button', { name: 'Read' }).click();
  await expect(entry.importDialog.getByRole('status')).toContainText('D3');
  await entry.importDialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByText('Imported as LOINC 1989-3, preliminary')).toBeVisible();
  await entry.interpret();

  // The card: the same warnings as the API, and the preliminary status beside the badge.
  expect(await entry.warningCodes('vitamin-d')).toEqual(apiCodes);
  await expect(entry.card('vitamin-d').locator('.report-status')).toHaveText('Preliminary result');

  // The handout: the same two warnings in the patient's words, and the value marked preliminary.
  const handout = flat(await pdfText(await entry.downloadHandout()));
  expect(handout).toContain(HANDOUT_PRELIMINARY);
  expect(handout).toContain(HANDOUT_D3_ONLY);
  expect(handout).toContain('25 ng/mL (preliminary)');

  // The clinician edits the value: it is no longer what the lab sent, so its facts go.
  await entry.value('vitamin-d').fill('26');
  await expect(page.getByText('Imported as LOINC 1989-3')).toBeHidden();
  await entry.interpret();
  await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('26 ng/mL');
  await expect(entry.card('vitamin-d').getByRole('list', { name: /warnings/ })).toHaveCount(0);
  await expect(entry.card('vitamin-d').locator('.report-status')).toHaveCount(0);
  const edited = flat(await pdfText(await entry.downloadHandout()));
  expect(edited).not.toContain(HANDOUT_PRELIMINARY);
  expect(edited).not.toContain(HANDOUT_D3_ONLY);
  expect(edited).not.toContain('(preliminary)');
});

test('bug 5: magnesium 0.64 left in mg/dL says "check the unit" before critical', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.unit('magnesium').selectOption('mg/dL');
  await entry.value('magnesium').fill('0.64');
  await entry.interpret();
  expect(await entry.warningCodes('magnesium')).toContain('possible-unit-mixup');
  await expect(entry.card('magnesium').getByRole('alert')).toHaveText(/^\W*Check the unit/);
});

test('summary first: every row is in view after Interpret at 1280x900, with the form above', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const entry = new EntryPage(page);
  await interpret25_250_1_9(entry);
  // The results heading is at the top of the window, not at its bottom edge.
  const heading = await entry.resultsHeading.boundingBox();
  expect(heading?.y ?? -1).toBeGreaterThanOrEqual(0);
  expect(heading?.y ?? 999).toBeLessThan(450);
  for (const analyte of ['vitamin-d', 'vitamin-b12', 'magnesium'] as const) {
    const box = await entry.card(analyte).boundingBox();
    expect(box, analyte).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0), `${analyte} row bottom`).toBeLessThanOrEqual(900);
    await expect(entry.card(analyte).locator('.key-step')).toBeVisible();
  }
  // The form is above the results.
  const form = await page.getByRole('form', { name: 'Lab results' }).boundingBox();
  expect((form?.y ?? 0) + (form?.height ?? 0)).toBeLessThanOrEqual(heading?.y ?? 0);
});

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.documentElement;
    let worst = root.scrollWidth - root.clientWidth;
    // Nothing may stick out of its card either (the old band tables ran under the next card).
    for (const element of document.querySelectorAll('.result-row, .analyte-row, fieldset')) {
      const box = element.getBoundingClientRect();
      for (const child of element.querySelectorAll('*')) {
        const inner = child.getBoundingClientRect();
        if (inner.width === 0 || child.closest('.visually-hidden') !== null) continue;
        worst = Math.max(worst, Math.round(inner.right - box.right));
      }
    }
    return worst;
  });
}

for (const width of [320, 375, 768, 1280, 1920]) {
  test(`bug 4: nothing overflows at ${width} px with long values and SI units`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    const entry = new EntryPage(page);
    await entry.goto();
    await entry.unit('vitamin-d').selectOption('nmol/L');
    await entry.value('vitamin-d').fill('<= 12.3456789');
    await entry.unit('vitamin-b12').selectOption('pmol/L');
    await entry.value('vitamin-b12').fill('184.555555');
    await entry.unit('magnesium').selectOption('mmol/L');
    await entry.value('magnesium').fill('0.7812345');
    await entry.openLabSettings();
    await entry.labLow('magnesium').fill('0.65555');
    await entry.labHigh('magnesium').fill('1.05555');
    await entry.patientName.fill('Maximiliana Wolfeschlegelsteinhausenbergerdorff-Ramírez');
    await entry.interpret();
    for (const analyte of ['vitamin-d', 'vitamin-b12', 'magnesium'] as const)
      await entry.expand(analyte);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('copy for the note: plain text with identifiers, results, rule sets and rules version', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('12');
  await entry.value('magnesium').fill('1.9');
  await entry.collectionDate.fill('2026-11-20');
  await entry.patientName.fill('Jane Q Doe');
  await page.getByLabel('Birth date').fill('1970-05-04');
  await entry.interpret();
  await page.getByRole('button', { name: 'Copy for the note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Summary copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Patient: Jane Q Doe, born 1970-05-04');
  expect(copied).toContain('Collected: 2026-11-20');
  expect(copied).toMatch(/25-OH vitamin D|Vitamin D/);
  expect(copied).toContain('12 ng/mL');
  expect(copied).toContain('rule set Endocrine Society 2011');
  expect(copied).toMatch(/Next step: /);
  expect(copied).toMatch(/Rules version \d{4}\.\d+\.\d+/);
  // The handout's file name carries the initials and the collection date, never the name.
  const download = await entry.downloadHandout();
  expect(download.suggestedFilename()).toBe('handout-JQD-2026-11-20.pdf');
  // The print view carries the same identifiers.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.results-meta')).toContainText('Jane Q Doe');
  await expect(page.locator('.results-meta')).toContainText('born 1970-05-04');
  await expect(page.locator('.results-meta')).toContainText('collected 2026-11-20');
  await page.emulateMedia({ media: 'screen' });
});
