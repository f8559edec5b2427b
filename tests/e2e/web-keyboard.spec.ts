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

/** Counts every key pressed, so the path's length is measured rather than assumed. */
class CountingKeyboard {
  presses = 0;
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.presses += 1;
    await this.page.keyboard.press(key);
  }

  /** Types text one key at a time (each character is one press). */
  async type(text: string): Promise<void> {
    for (const character of text) await this.press(character);
  }
}

test('keyboard only: empty form to downloaded handout in at most 20 key presses', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  const keys = new CountingKeyboard(page);

  // The cursor starts in the first value; Tab goes value -> unit -> next value.
  await expect(entry.value('vitamin-d')).toBeFocused();
  await keys.type('12');
  await keys.press('Tab');
  await expect(entry.unit('vitamin-d')).toBeFocused();
  await keys.press('Tab');
  await expect(entry.value('vitamin-b12')).toBeFocused();
  await keys.type('180');
  await keys.press('Tab');
  await keys.press('Tab');
  await expect(entry.value('magnesium')).toBeFocused();
  await keys.type('1.5');
  await keys.press('Enter');

  await expect(entry.resultsHeading).toBeFocused();
  expect(await entry.status('vitamin-d')).toBe('deficient');
  expect(await entry.status('vitamin-b12')).toBe('deficient');
  expect(await entry.status('magnesium')).toBe('deficient');

  // Results heading -> handout language -> paper -> Download.
  const downloadPromise = page.waitForEvent('download');
  for (let stop = 0; stop < 5; stop += 1) {
    if (await entry.handoutButton.evaluate((element) => element === document.activeElement)) break;
    await keys.press('Tab');
  }
  await expect(entry.handoutButton).toBeFocused();
  await keys.press('Enter');
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^handout-\d{4}-\d{2}-\d{2}\.pdf$/);
  console.log(`keyboard path: ${keys.presses} key presses from an empty form to the handout`);
  expect(keys.presses).toBeLessThanOrEqual(20);
});

test('keyboard only: every stop shows its focus; context, name and lab settings reachable', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('12');
  await tabTo(page, entry.labSettings.locator('summary'));
  await page.keyboard.press('Enter');
  await tabTo(page, entry.ruleSet('vitamin-d'));
  await tabTo(page, entry.context('metformin'));
  await page.keyboard.press('Space');
  await expect(entry.context('metformin')).toBeChecked();
  await tabTo(page, entry.patientName);
  await page.keyboard.type('Keyboard Ödön');
  await page.keyboard.press('Enter');
  await expect(entry.resultsHeading).toBeFocused();
  await tabTo(page, entry.handoutButton, 5);
});

test('keyboard only: the import dialog opens, reads and fills without a mouse', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  // The cursor starts in the first value; the Import button is just before the form.
  await expect(entry.value('vitamin-d')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(entry.importButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entry.importDialog).toBeVisible();
  const text = entry.importDialog.getByLabel('Text to import');
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
