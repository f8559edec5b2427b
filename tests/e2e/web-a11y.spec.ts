import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { EntryPage } from './pages/entry-page';
import { ReferencesPage } from './pages/references-page';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('entry page, empty', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await expectNoViolations(page);
});

test('entry page, error state', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('-3');
  await entry.value('magnesium').fill('low');
  await entry.interpretButton.click();
  await expect(entry.value('vitamin-d')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);
});

test('entry page, filled with results (critical, warnings, censored)', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('160');
  await entry.value('vitamin-b12').fill('<300');
  await entry.unit('magnesium').selectOption('mmol/L');
  await entry.value('magnesium').fill('2.2');
  await entry.context('ckd').check();
  await entry.interpret();
  await expect(entry.card('magnesium')).toBeVisible();
  await expectNoViolations(page);
});

test('entry page: details open, then results out of date', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('25');
  await entry.unit('magnesium').selectOption('mg/dL');
  await entry.value('magnesium').fill('0.64');
  await entry.openLabSettings();
  await entry.openClinician();
  await entry.interpret();
  await entry.expand('vitamin-d');
  await entry.expand('magnesium');
  await expectNoViolations(page);
  await entry.value('vitamin-d').fill('80');
  await expect(entry.staleNote).toBeVisible();
  await expectNoViolations(page);
});

test('references page, filtered and sorted from the URL', async ({ page }) => {
  await page.goto('/references?analyte=vitamin-b12&sort=sufficient:desc&q=MMA');
  await expect(page.getByRole('table', { name: 'Reference bands' })).toBeVisible();
  await expectNoViolations(page);
});

test('entry page, import dialog open', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  await expect(entry.importDialog).toBeVisible();
  await expectNoViolations(page);
});

test('entry page: import read (warnings, ignored rows), then an imported preliminary result', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  await entry.importDialog.getByLabel('Text to import').fill(
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1' } },
        {
          resource: {
            resourceType: 'Observation',
            status: 'preliminary',
            code: { coding: [{ system: 'http://loinc.org', code: '1989-3' }] },
            effectiveDateTime: '2026-11-20',
            valueQuantity: { value: 25, unit: 'ng/mL' },
            referenceRange: [
              { low: { value: 0, unit: 'ng/mL' }, high: { value: 0, unit: 'ng/mL' } },
            ],
          },
        },
      ],
    }),
  );
  await entry.importDialog.getByRole('button', { name: 'Read' }).click();
  await expect(entry.importDialog.getByRole('status')).toContainText('Not read');
  await expectNoViolations(page);
  await entry.importDialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(page.getByText('Imported as LOINC 1989-3, preliminary')).toBeVisible();
  await expectNoViolations(page);
  await entry.interpret();
  await expect(entry.card('vitamin-d').locator('.report-status')).toBeVisible();
  await expectNoViolations(page);
});

test('references page', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  await expectNoViolations(page);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('entry page with results fits the width', async ({ page }) => {
    const entry = new EntryPage(page);
    await entry.goto();
    await expectNoHorizontalScroll(page);
    await entry.value('vitamin-d').fill('12');
    await entry.value('vitamin-b12').fill('180');
    await entry.value('magnesium').fill('1.5');
    await entry.interpret();
    await expect(entry.card('magnesium')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoViolations(page);
  });

  test('references page fits the width (tables scroll inside their frame)', async ({ page }) => {
    const references = new ReferencesPage(page);
    await references.goto();
    await expectNoHorizontalScroll(page);
    await expectNoViolations(page);
  });
});
