import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Request } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

const sentinels = JSON.parse(readFileSync('tests/fixtures/privacy-sentinels.json', 'utf8')) as {
  names: string[];
  values: string[];
};
const [name = 'Privacy Sentinel', otherName = 'Sentinela'] = sentinels.names;
const [vitaminD = '37.123', vitaminB12 = '412.987', magnesium = '1.4321'] = sentinels.values;
const needles = [name, otherName, vitaminD, vitaminB12, magnesium];

function leaks(haystack: string): string[] {
  const decoded = (() => {
    try {
      return decodeURIComponent(haystack);
    } catch {
      return haystack;
    }
  })();
  return needles.filter((needle) => haystack.includes(needle) || decoded.includes(needle));
}

test('no request, URL, cookie or storage ever carries the patient name or values', async ({
  page,
  context,
}) => {
  const seen: string[] = [];
  const record = (request: Request) => {
    seen.push(`${request.method()} ${request.url()}\n${request.postData() ?? ''}`);
    for (const [header, value] of Object.entries(request.headers()))
      seen.push(`${header}: ${value}`);
  };
  page.on('request', record);

  const entry = new EntryPage(page);
  await entry.goto();

  // Import first (pasted text is patient data too), then confirm and interpret.
  await entry.importButton.click();
  await entry.importDialog.getByLabel('Text to import').fill(
    JSON.stringify({
      patient: { name: otherName },
      results: [{ analyte: 'vitamin-d', value: Number(vitaminD), unit: 'ng/mL' }],
    }),
  );
  await entry.importDialog.getByRole('button', { name: 'Read' }).click();
  await entry.importDialog.getByRole('button', { name: 'Cancel' }).click();

  await entry.value('vitamin-d').fill(vitaminD);
  await entry.value('vitamin-b12').fill(vitaminB12);
  await entry.value('magnesium').fill(magnesium);
  await entry.patientName.fill(name);
  await entry.collectionDate.fill('2026-11-20');
  await entry.interpret();
  await expect(entry.card('magnesium')).toBeVisible();
  await entry.handoutLanguage.selectOption('es');
  const download = await entry.downloadHandout();
  // Initials and the collection date, never the name.
  expect(download.suggestedFilename()).toMatch(/^handout-[A-Z]{1,3}-2026-11-20\.pdf$/);
  expect(leaks(download.suggestedFilename())).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Handout saved' })).toBeVisible();

  // The note copy goes to the clipboard only.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy for the note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Summary copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(vitaminD);

  // Print: the button opens the browser's print dialog (counted here instead of shown) and the
  // print view carries the identifiers; nothing of it leaves the page.
  await page.evaluate(() => {
    const counter = window as unknown as { printed: number };
    counter.printed = 0;
    window.print = () => {
      counter.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.results-meta')).toContainText(name);
  await expect(page.getByText('Clinician summary · Back-pain lab interpreter')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // The references page is part of a normal session too.
  await page.getByRole('link', { name: 'Reference review' }).click();
  await expect(page.getByRole('heading', { name: 'Reference review', level: 1 })).toBeVisible();

  expect(seen.length).toBeGreaterThan(0);
  expect(seen.flatMap(leaks)).toEqual([]);
  expect(leaks(page.url())).toEqual([]);
  const cookies = await context.cookies();
  expect(leaks(JSON.stringify(cookies))).toEqual([]);
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }),
  );
  expect(leaks(storage)).toEqual([]);
});
