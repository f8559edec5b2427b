import { expect, test } from '@playwright/test';
import { listFormOptions } from '@/lib/references';
import { ReferencesPage } from './pages/references-page';

const RULE_SET_COUNT = listFormOptions().reduce((n, analyte) => n + analyte.ruleSets.length, 0);

test('one row per rule set, bands side by side; sort by rule set', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  expect(await references.rows.count()).toBe(RULE_SET_COUNT);
  await expect(page.getByRole('status')).toContainText(
    `${RULE_SET_COUNT} of ${RULE_SET_COUNT} rule sets shown`,
  );
  for (const column of ['Deficient', 'Insufficient', 'Sufficient', 'High'])
    await expect(references.header(column)).toBeVisible();
  // Ranges of different analytes and units do not compare: no range sort across analytes.
  await expect(references.header('Sufficient').getByRole('button')).toHaveCount(0);

  await references.sortButton('Rule set').click();
  await expect(references.header('Rule set')).toHaveAttribute('aria-sort', 'ascending');
  const ruleSets = await references.column(1);
  expect(ruleSets).toEqual([...ruleSets].sort((x, y) => x.localeCompare(y)));
  await references.sortButton('Rule set').click();
  await expect(references.header('Rule set')).toHaveAttribute('aria-sort', 'descending');
});

test('within one analyte and unit, rule sets sort by a range', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  await references.analyteFilter.selectOption({ label: 'Vitamin B12' });
  expect(await references.rows.count()).toBe(3);
  await references.sortButton('Sufficient').click();
  await expect(references.header('Sufficient')).toHaveAttribute('aria-sort', 'ascending');
  const insufficient = await references.column(3);
  expect(insufficient.map((text) => text.slice(0, 16))).toEqual([
    '200 to < 300 pg/',
    '200 to < 350 pg/',
    '200 to < 400 pg/',
  ]);
  await references.sortButton('Sufficient').click();
  expect((await references.column(3))[0]).toContain('200 to < 400');
});

test('search covers notes and the full sources; filters stay in the URL', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();

  // A band note (on screen under its range).
  await references.search.fill('methylmalonic');
  expect(new Set(await references.column(0))).toEqual(new Set(['Vitamin B12']));
  // Text of a source that is only in the full reference (the journal), not its short name.
  await references.search.fill('Eur J Nutr');
  expect(await references.column(1)).toEqual([expect.stringContaining('Rosanoff 2022')]);
  await references.search.fill('no such band anywhere');
  await expect(references.bandTable).toContainText('No rule set matches these filters.');

  await references.search.fill('');
  await references.analyteFilter.selectOption({ label: 'Magnesium' });
  await references.ruleSetFilter.selectOption({ label: 'Conventional reference interval' });
  await references.unit('Magnesium').selectOption('mmol/L');
  await expect(page).toHaveURL(/analyte=magnesium/);
  await expect(page).toHaveURL(/ruleSet=mg-conventional/);
  await page.reload();
  await expect(references.analyteFilter).toHaveValue('magnesium');
  await expect(references.ruleSetFilter).toHaveValue('mg-conventional');
  await expect(references.unit('Magnesium')).toHaveValue('mmol/L');
  expect(await references.rows.count()).toBe(1);
  await expect(references.bandTable).toContainText('mmol/L');
});

test('ranges are shown in the unit picked per analyte', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  await references.analyteFilter.selectOption({ label: 'Vitamin D' });
  await expect(references.bandTable).toContainText('< 20 ng/mL');
  await references.unit('Vitamin D').selectOption('nmol/L');
  await expect(references.bandTable).toContainText('< 50 nmol/L');
  const deficient = await references.column(2);
  expect(deficient.length).toBe(2);
  for (const range of deficient) expect(range).toMatch(/^< \d+ nmol\/L/);
});

test('evidence and nutrient tables render from lib data with DOI links', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  await expect(references.evidenceTable).toContainText('Systematic review: no benefit shown');
  await expect(
    references.evidenceTable.getByRole('link', { name: /10\.1097\/00007632-200301150-00015/ }),
  ).toHaveAttribute('href', 'https://doi.org/10.1097/00007632-200301150-00015');
  for (const nutrient of [
    'Vitamin D',
    'Vitamin B12',
    'Magnesium',
    'Calcium',
    'Omega-3 fatty acids',
    'Vitamin C',
  ]) {
    await expect(
      references.nutrientTable.getByRole('rowheader', { name: new RegExp(`^${nutrient}`) }),
    ).toBeVisible();
  }
});
