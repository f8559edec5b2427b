import { expect, test } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

test('one red-flag block per results screen, with the pregnancy flag when ticked', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('25');
  await entry.value('vitamin-b12').fill('500');
  await entry.value('magnesium').fill('2.2');
  await entry.context('pregnancy').check();
  await entry.interpret();
  const block = page.getByRole('region', { name: /Back-pain red flags/ });
  await expect(block).toHaveCount(1);
  await expect(block).toContainText('saddle anaesthesia');
  await expect(block.locator('[data-red-flag="pregnancy"]')).toBeVisible();
  await expect(block.getByRole('link', { name: 'NICE NG59' }).first()).toHaveAttribute(
    'href',
    'https://www.nice.org.uk/guidance/ng59',
  );
});

test('critical results: a "what to do today" block on the card; B12 anchoring beside neuropathy', async ({
  page,
}) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.value('vitamin-d').fill('180');
  await entry.value('vitamin-b12').fill('150');
  await entry.unit('magnesium').selectOption('mmol/L');
  await entry.value('magnesium').fill('0.45');
  await entry.interpret();
  const today = entry.card('vitamin-d').getByRole('region', { name: /What to do today/ });
  await expect(today).toContainText('calcium, phosphate and creatinine today');
  await expect(today).toContainText('Stop vitamin D and calcium supplements');
  await expect(
    entry.card('magnesium').getByRole('region', { name: /What to do today/ }),
  ).toContainText('ECG');
  // The anchoring warning sits beside the neuropathy evidence, in the result's details.
  const b12 = await entry.expand('vitamin-b12');
  await expect(b12.getByRole('region', { name: /Before attributing symptoms/ })).toContainText(
    'saddle numbness',
  );
  await expect(
    b12.getByRole('region', { name: /Typical regimen per guideline; you decide/ }),
  ).toBeVisible();
  await expect(b12.getByRole('region', { name: /What to do today/ })).toHaveCount(0);
});
