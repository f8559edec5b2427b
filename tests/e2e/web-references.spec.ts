import { expect, test } from '@playwright/test';
import { ReferencesPage } from './pages/references-page';

test('the band table lists every band and sorts by a column', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  const total = await references.rows.count();
  expect(total).toBeGreaterThanOrEqual(20);
  await expect(page.getByRole('status')).toHaveText(`${total} of ${total} bands shown`);

  await references.sortButton('Status').click();
  await expect(references.header('Status')).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await references.column(2);
  expect(ascending[0]).toBe('Deficient');
  expect(ascending.at(-1)).toBe('High');

  await references.sortButton('Status').click();
  await expect(references.header('Status')).toHaveAttribute('aria-sort', 'descending');
  expect((await references.column(2))[0]).toBe('High');

  await references.sortButton('Rule set').click();
  await expect(references.header('Rule set')).toHaveAttribute('aria-sort', 'ascending');
  const ruleSets = await references.column(1);
  expect(ruleSets).toEqual([...ruleSets].sort((a, b) => a.localeCompare(b)));
});

test('filters by analyte and rule set, and searches every column', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();

  await references.analyteFilter.selectOption('Magnesium');
  const analytes = await references.column(0);
  expect(new Set(analytes)).toEqual(new Set(['Magnesium']));

  await references.ruleSetFilter.selectOption({ label: 'Conventional reference interval' });
  expect(await references.rows.count()).toBe(3);

  await references.analyteFilter.selectOption('');
  await references.ruleSetFilter.selectOption('');
  await references.search.fill('IOM');
  const ruleSets = await references.column(1);
  expect(ruleSets.length).toBeGreaterThan(0);
  for (const ruleSet of ruleSets) expect(ruleSet).toContain('Institute of Medicine');

  await references.search.fill('no such band anywhere');
  await expect(references.bandTable).toContainText('No band matches these filters.');
});

test('ranges are shown in the unit picked per analyte', async ({ page }) => {
  const references = new ReferencesPage(page);
  await references.goto();
  await references.analyteFilter.selectOption('Vitamin D');
  await expect(references.bandTable).toContainText('< 20 ng/mL');
  await references.unit('Vitamin D').selectOption('nmol/L');
  await expect(references.bandTable).toContainText('< 50 nmol/L');
  const ranges = await references.column(3);
  expect(ranges.length).toBe(8);
  for (const range of ranges) expect(range).toMatch(/^[<>\d][<>\d. to]* nmol\/L/);
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
