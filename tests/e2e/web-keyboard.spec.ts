import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

/** Presses Tab until `target` has focus, checking every stop shows a visible focus indicator. */
async function tabTo(page: Page, target: Locator, maxStops = 40) {
  for (let stop = 0; stop < maxStops; stop += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      if (element === null || element === document.body) return null;
      const style = getComputedStyle(element);
      return {
        label: element.getAttribute('aria-label') ?? element.id ?? element.tagName,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    expect(focus, 'focus left the page').not.toBeNull();
    expect(focus?.visible, `no visible focus on ${focus?.label}`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target.toString()} by Tab`);
}

test('keyboard only: empty form to downloaded handout', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();

  await tabTo(page, entry.value('vitamin-d'));
  await page.keyboard.type('12');
  await tabTo(page, entry.value('vitamin-b12'));
  await page.keyboard.type('180');
  await tabTo(page, entry.value('magnesium'));
  await page.keyboard.type('1.5');
  await tabTo(page, entry.context('metformin'));
  await page.keyboard.press('Space');
  await expect(entry.context('metformin')).toBeChecked();
  await tabTo(page, entry.patientName);
  await page.keyboard.type('Keyboard Ödön');
  await page.keyboard.press('Enter');

  await expect(entry.resultsHeading).toBeFocused();
  expect(await entry.status('vitamin-d')).toBe('deficient');
  expect(await entry.status('vitamin-b12')).toBe('deficient');
  expect(await entry.status('magnesium')).toBe('deficient');
  await expect(entry.card('vitamin-b12')).toContainText('Metformin');

  await tabTo(page, entry.handoutButton, 5);
  const downloadPromise = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^handout-\d{4}-\d{2}-\d{2}\.pdf$/);
});

test('keyboard only: the import dialog opens, reads and fills without a mouse', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await tabTo(page, entry.importButton);
  await page.keyboard.press('Enter');
  await expect(entry.importDialog).toBeVisible();
  const text = entry.importDialog.getByLabel('FHIR JSON or CSV text');
  await expect(text).toBeFocused();
  await page.keyboard.type(
    JSON.stringify({ results: [{ analyte: 'magnesium', value: 2.2, unit: 'mg/dL' }] }),
  );
  await tabTo(page, entry.importDialog.getByRole('button', { name: 'Read' }), 3);
  await page.keyboard.press('Enter');
  // The parser loads on first use: wait for its summary before moving on.
  await expect(entry.importDialog.getByRole('status')).toContainText('Magnesium: 2.2 mg/dL');
  await tabTo(page, entry.importDialog.getByRole('button', { name: 'Fill the form' }), 5);
  await page.keyboard.press('Enter');
  await expect(entry.importDialog).toBeHidden();
  await expect(entry.value('vitamin-d')).toBeFocused();
  await expect(entry.value('magnesium')).toHaveValue('2.2');
  await page.keyboard.press('Enter');
  expect(await entry.status('magnesium')).toBe('sufficient');
});
