import { expect, test } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

// Issue 9, bug 2: every imported row lands in the form or is listed with its reason.
test('CSV with analytes by common name fills all three values', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  const dialog = entry.importDialog;
  await dialog
    .getByLabel('Text to import')
    .fill(
      'panel_id,analyte,value,unit\nP1,Vitamin D,9,ng/mL\nP1,B12,190,pg/mL\nP1,Magnesium,0.64,mmol/L\n',
    );
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('status')).toContainText('Read as CSV: 1 panel.');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(dialog).toBeHidden();
  await expect(entry.value('vitamin-d')).toHaveValue('9');
  await expect(entry.value('vitamin-b12')).toHaveValue('190');
  await expect(entry.value('magnesium')).toHaveValue('0.64');
  await entry.interpret();
  expect(await entry.status('vitamin-d')).toBe('deficient');
  expect(await entry.status('vitamin-b12')).toBe('deficient');
});

test('rows of other tests are listed as not read, never dropped silently', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  const dialog = entry.importDialog;
  await dialog
    .getByLabel('Text to import')
    .fill('Test;Result;Units;Comment\nVitamin D;12,5;ng/mL;x\nFerritin;40;ng/mL;y\n');
  await dialog.getByRole('button', { name: 'Read' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText(
    'Not read (1, not vitamin D, B12 or magnesium): test Ferritin',
  );
  await expect(status).toContainText('1 column not read (Comment)');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(entry.value('vitamin-d')).toHaveValue('12.5');
});

test('an HL7 v2 ORU^R01 message fills the form', async ({ page }) => {
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  const dialog = entry.importDialog;
  const message = [
    'MSH|^~\\&|LAB|FAC|EHR|FAC|20261120||ORU^R01|1|P|2.5.1',
    'PID|1||X^^^MRN||ROE^JANE',
    'OBR|1|PL1|ACC-9|panel^Panel|||20261119083000',
    'OBX|1|SN|62292-8^25OHD^LN||<^5|ng/mL|30-100|L|||F',
    'OBX|2|NM|19123-9^Mg^LN||1.9|mg/dL|1.8-2.6|N|||F',
  ].join('\r');
  await dialog.getByLabel('Text to import').fill(message);
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('status')).toContainText('Read as HL7: 1 panel.');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(entry.value('vitamin-d')).toHaveValue('<5');
  await expect(entry.value('magnesium')).toHaveValue('1.9');
});

test('a file chosen with the picker or dropped on the box is read in the browser', async ({
  page,
}) => {
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') uploads.push(`${request.method()} ${request.url()}`);
  });
  const entry = new EntryPage(page);
  await entry.goto();
  await entry.importButton.click();
  const dialog = entry.importDialog;
  const text = dialog.getByLabel('Text to import');

  // The picker: an HL7 file (segments on their own lines).
  await dialog.getByLabel(/Choose a file to import/).setInputFiles({
    name: 'result.hl7',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'MSH|^~\\&|LAB|FAC|||20261120||ORU^R01|1|P|2.5.1\nOBR|1||ACC1||||20261120\nOBX|1|NM|2132-9^B12^LN||250|pg/mL|200-900|N|||F\n',
    ),
  });
  await expect(text).toHaveValue(/^MSH\|/);
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('status')).toContainText('Read as HL7: 1 panel.');

  // Drag and drop: a CSV file dropped on the text box replaces its content.
  const drop = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['analyte,value,unit\nMagnesium,0.7,mmol/L\n'], 'labs.csv', { type: 'text/csv' }),
    );
    return transfer;
  });
  await text.dispatchEvent('dragover', { dataTransfer: drop });
  await text.dispatchEvent('drop', { dataTransfer: drop });
  await expect(text).toHaveValue(/^analyte,value,unit/);
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('status')).toContainText('Read as CSV: 1 panel.');
  await dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(entry.value('magnesium')).toHaveValue('0.7');
  expect(uploads).toEqual([]);
});
