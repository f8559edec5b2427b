import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Panel } from '@/lib/schemas';
import type { AnalyteId, Status } from '@/lib/types';
import { EntryPage } from './pages/entry-page';

interface GoldenCase {
  readonly id: string;
  readonly panel: Panel;
  readonly expected: ReadonlyArray<{
    readonly analyte: AnalyteId;
    readonly status: Status;
    readonly critical: boolean;
    readonly warnings?: readonly string[];
  }>;
}

const golden = JSON.parse(readFileSync('tests/fixtures/golden.json', 'utf8')) as GoldenCase[];

test.describe('golden cases entered through the form', () => {
  for (const goldenCase of golden) {
    test(goldenCase.id, async ({ page }) => {
      const entry = new EntryPage(page);
      await entry.goto();
      await entry.fillPanel(goldenCase.panel);
      await entry.interpret();
      await expect(entry.resultsHeading).toBeFocused();
      for (const expected of goldenCase.expected) {
        const card = entry.card(expected.analyte);
        await expect(card).toBeVisible();
        expect(await entry.status(expected.analyte)).toBe(expected.status);
        // The status is told in words too, never by colour alone.
        await expect(card.locator('.status-badge')).toHaveText(/\w+/);
        await expect(card.getByRole('alert')).toHaveCount(expected.critical ? 1 : 0);
        if (expected.warnings !== undefined) {
          expect(await entry.warningCodes(expected.analyte)).toEqual([...expected.warnings].sort());
        }
        await entry.expand(expected.analyte);
        await expect(card.getByRole('img', { name: /^Scale in / })).toBeVisible();
      }
    });
  }
});

test('vitamin D shows the Endocrine Society 2024 notice, evidence strength and next steps', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('12');
  await entry.interpret();
  const card = await entry.expand('vitamin-d');
  await expect(card).toContainText('Endocrine Society 2024');
  await expect(card.getByRole('region', { name: /back-pain relevance/ })).toContainText(
    'Established mechanism',
  );
  await expect(card.getByRole('region', { name: /next steps/ })).toContainText('PTH');
  await expect(card.getByRole('link', { name: /Demay 2024/ })).toHaveAttribute(
    'href',
    'https://doi.org/10.1210/clinem/dgae290',
  );
});

test('unit switching: the same number is read in the unit picked, cut-offs follow the unit', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await expect(entry.unit('vitamin-d')).toHaveValue('ng/mL');
  await expect(entry.unit('vitamin-b12')).toHaveValue('pg/mL');
  await expect(entry.unit('magnesium')).toHaveValue('mg/dL');

  await entry.value('vitamin-d').fill('50');
  await entry.interpret();
  expect(await entry.status('vitamin-d')).toBe('sufficient');
  await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('50 ng/mL');

  await entry.unit('vitamin-d').selectOption('nmol/L');
  // Enter on the select itself interprets, like Enter in a text field.
  await entry.unit('vitamin-d').press('Enter');
  await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('50 nmol/L');
  const card = await entry.expand('vitamin-d');
  expect(await entry.status('vitamin-d')).toBe('insufficient');
  await expect(card.locator('.value-entered')).toHaveText('50 nmol/L');
  await expect(card).toContainText('20 ng/mL');
  await expect(card.getByRole('columnheader', { name: 'Range (nmol/L)' })).toBeVisible();
  await expect(card.getByRole('table')).toContainText('50 to < 75 nmol/L');
});

test('censored values: a decided bound is classified, an undecided one is indeterminate', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('<5');
  await entry.value('vitamin-b12').fill('<300');
  await entry.interpret();
  expect(await entry.status('vitamin-d')).toBe('deficient');
  await expect(entry.card('vitamin-d').locator('.value-entered')).toHaveText('<5 ng/mL');
  await entry.expand('vitamin-d');
  await expect(entry.card('vitamin-d').getByRole('img', { name: /open-ended/ })).toHaveAttribute(
    'data-marker',
    'open-low',
  );
  expect(await entry.status('vitamin-b12')).toBe('indeterminate');
  await expect(entry.card('vitamin-b12').locator('.indeterminate-reason')).not.toBeEmpty();
});

test('errors: message under the field, aria-invalid, focus on the first, valid fields kept', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();

  // Nothing entered: the first value field says so.
  await entry.interpretButton.click();
  await expect(entry.value('vitamin-d')).toHaveAttribute('aria-invalid', 'true');
  await expect(entry.value('vitamin-d')).toBeFocused();
  expect(await entry.errorOf(entry.value('vitamin-d'))).toContain('at least one result');

  // A bad magnesium value does not clear the valid vitamin D value.
  await entry.value('vitamin-d').fill('<5');
  await entry.value('magnesium').fill('1,8');
  await entry.openLabSettings();
  await entry.labLow('vitamin-b12').fill('200');
  await entry.value('vitamin-b12').fill('250');
  await entry.interpretButton.click();
  await expect(entry.value('vitamin-d')).toHaveValue('<5');
  await expect(entry.value('vitamin-d')).not.toHaveAttribute('aria-invalid', 'true');
  // The values come first in the form: the bad magnesium value takes the focus; the
  // half-filled B12 lab range is shown with its error (its disclosure opens).
  await expect(entry.value('magnesium')).toBeFocused();
  await expect(entry.labSettings).toHaveAttribute('open', '');
  await expect(entry.labHigh('vitamin-b12')).toBeVisible();
  expect(await entry.errorOf(entry.labHigh('vitamin-b12'))).toContain('required');
  await expect(entry.value('magnesium')).toHaveAttribute('aria-invalid', 'true');
  expect(await entry.errorOf(entry.value('magnesium'))).toContain('positive number');
  await expect(page.locator('.results')).toHaveCount(0);

  // An impossible value names the analyte and the limit.
  await entry.labLow('vitamin-b12').fill('');
  await entry.value('magnesium').fill('');
  await entry.value('vitamin-d').fill('1200');
  await entry.interpretButton.click();
  await expect(entry.value('vitamin-d')).toBeFocused();
  expect(await entry.errorOf(entry.value('vitamin-d'))).toContain('not a possible');
});

test('the clinic settings are remembered; patient data and values are not', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.unit('vitamin-d').selectOption('nmol/L');
  await entry.openLabSettings();
  await entry.ruleSet('vitamin-b12').selectOption('b12-wide-400');
  await entry.openClinician();
  await entry.clinicianName.fill('Dr. Ana Whitfield');
  await entry.value('vitamin-d').fill('61.5');
  await entry.patientName.fill('Remembered Nobody-Zażółć');
  await entry.interpret();

  await page.reload();
  await expect(entry.unit('vitamin-d')).toHaveValue('nmol/L');
  await expect(entry.labSettings.locator('summary')).toContainText('1 analyte changed');
  await entry.openLabSettings();
  await entry.openClinician();
  await expect(entry.ruleSet('vitamin-b12')).toHaveValue('b12-wide-400');
  await expect(entry.clinicianName).toHaveValue('Dr. Ana Whitfield');
  await expect(entry.value('vitamin-d')).toHaveValue('');
  await expect(entry.patientName).toHaveValue('');
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(stored).not.toContain('61.5');
  expect(stored).not.toContain('Zażółć');
});

test('import dialog: shows what it read and fills the form for confirmation', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  const dialog = entry.importDialog;
  await expect(dialog).toBeVisible();
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '62292-8' }] },
          effectiveDateTime: '2026-11-20',
          valueQuantity: {
            value: 12,
            unit: 'ng/mL',
            system: 'http://unitsofmeasure.org',
            code: 'ng/mL',
          },
        },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '19123-9' }] },
          effectiveDateTime: '2026-11-20',
          valueQuantity: {
            value: 1.5,
            unit: 'mg/dL',
            system: 'http://unitsofmeasure.org',
            code: 'mg/dL',
          },
        },
      },
    ],
  };
  await dialog.getByLabel('Text to import').fill(JSON.stringify(bundle));
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('status')).toContainText('Vitamin D: 12 ng/mL');
  await expect(dialog.getByRole('status')).toContainText('Magnesium: 1.5 mg/dL');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog).toBeHidden();
  await expect(entry.value('vitamin-d')).toHaveValue('12');
  await expect(entry.value('magnesium')).toHaveValue('1.5');
  await expect(page.locator('.results')).toHaveCount(0);
  await entry.interpret();
  expect(await entry.status('vitamin-d')).toBe('deficient');
  expect(await entry.status('magnesium')).toBe('deficient');
});
