import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Panel } from '@/lib/schemas';
import type { AnalyteId, Status } from '@/lib/types';
import { CONTEXT_LABELS } from '@/lib/context-labels';
import { normaliseUnit } from '@/lib/units';

/** The names the form uses for each analyte (field labels start with them). */
export const ANALYTE_LABELS: Readonly<Record<AnalyteId, string>> = {
  'vitamin-d': 'Vitamin D',
  'vitamin-b12': 'Vitamin B12',
  magnesium: 'Magnesium',
};

async function openDisclosure(details: Locator): Promise<void> {
  if (await details.evaluate((element) => (element as HTMLDetailsElement).open)) return;
  await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
}

/** Page object of the entry screen (`/`): the form, results, import dialog and handout. */
export class EntryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.interpretButton).toBeVisible();
  }

  value(analyte: AnalyteId): Locator {
    return this.page.getByRole('textbox', { name: `${ANALYTE_LABELS[analyte]} value` });
  }

  unit(analyte: AnalyteId): Locator {
    return this.page.getByRole('combobox', { name: `${ANALYTE_LABELS[analyte]} unit` });
  }

  ruleSet(analyte: AnalyteId): Locator {
    return this.page.getByRole('combobox', { name: `${ANALYTE_LABELS[analyte]} rule set` });
  }

  labLow(analyte: AnalyteId): Locator {
    return this.page.getByRole('spinbutton', {
      name: `${ANALYTE_LABELS[analyte]} lab reference range low`,
    });
  }

  labHigh(analyte: AnalyteId): Locator {
    return this.page.getByRole('spinbutton', {
      name: `${ANALYTE_LABELS[analyte]} lab reference range high`,
    });
  }

  get collectionDate(): Locator {
    return this.page.getByLabel('Collection date');
  }

  get patientName(): Locator {
    return this.page.getByRole('textbox', { name: /Patient name/ });
  }

  get clinicianName(): Locator {
    return this.page.getByRole('textbox', { name: 'Clinician name' });
  }

  get clinic(): Locator {
    return this.page.getByRole('textbox', { name: 'Clinic', exact: true });
  }

  get clinicPhone(): Locator {
    return this.page.getByRole('textbox', { name: 'Clinic phone' });
  }

  get interpretButton(): Locator {
    return this.page.getByRole('button', { name: 'Interpret', exact: true });
  }

  get handoutButton(): Locator {
    return this.page.getByRole('button', { name: /handout/i });
  }

  get handoutLanguage(): Locator {
    return this.page.getByRole('combobox', { name: 'Handout language' });
  }

  get handoutPaper(): Locator {
    return this.page.getByRole('combobox', { name: 'Paper' });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: /Import/ });
  }

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import results' });
  }

  get resultsHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Results', level: 2 });
  }

  context(flag: keyof typeof CONTEXT_LABELS): Locator {
    return this.page.getByRole('checkbox', { name: CONTEXT_LABELS[flag] });
  }

  /** The result of an analyte: its summary row, with its details below it. */
  card(analyte: AnalyteId): Locator {
    return this.page.getByRole('article', { name: ANALYTE_LABELS[analyte], exact: true });
  }

  /** Opens the details of an analyte's result (rule set, band scale, evidence, notes). */
  async expand(analyte: AnalyteId): Promise<Locator> {
    const toggle = this.card(analyte).getByRole('button', { name: /^(Details|Hide details)/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    return this.card(analyte);
  }

  get labSettings(): Locator {
    return this.page.locator('details.lab-settings');
  }

  get clinicianSettings(): Locator {
    return this.page.locator('details.clinician-settings');
  }

  /** Opens the "Lab range and guideline" disclosure (lab ranges and rule sets). */
  async openLabSettings(): Promise<void> {
    await openDisclosure(this.labSettings);
  }

  /** Opens the clinician block. */
  async openClinician(): Promise<void> {
    await openDisclosure(this.clinicianSettings);
  }

  /** The Download handout button is disabled with the reason while the results are stale. */
  get staleNote(): Locator {
    return this.page.locator('.stale-note');
  }

  /** The status a card shows (its badge carries the status id next to the visible label). */
  async status(analyte: AnalyteId): Promise<Status | null> {
    const badge = this.card(analyte).locator('.status-badge');
    return (await badge.getAttribute('data-status')) as Status | null;
  }

  /** The warning codes a card shows. */
  async warningCodes(analyte: AnalyteId): Promise<string[]> {
    const items = this.card(analyte)
      .getByRole('list', { name: /warnings/ })
      .getByRole('listitem');
    const codes = await items.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-code') ?? ''),
    );
    return codes.sort();
  }

  /** The error message that describes a control, through its aria-describedby. */
  async errorOf(control: Locator): Promise<string> {
    const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    if (errorId === undefined) return '';
    return (await this.page.locator(`[id="${errorId}"]`).innerText()).trim();
  }

  /** Fills the form from a panel, as a clinician would type it. */
  async fillPanel(panel: Panel): Promise<void> {
    for (const result of panel.results) {
      const unit = normaliseUnit(result.unit);
      if (unit === undefined) throw new Error(`fixture unit ${result.unit} is not recognised`);
      await this.unit(result.analyte).selectOption(unit);
      await this.value(result.analyte).fill(`${result.comparator ?? ''}${String(result.value)}`);
      if (result.labRange !== undefined) {
        await this.openLabSettings();
        await this.labLow(result.analyte).fill(String(result.labRange.low));
        await this.labHigh(result.analyte).fill(String(result.labRange.high));
      }
    }
    for (const [analyte, ruleSet] of Object.entries(panel.ruleSets ?? {})) {
      if (ruleSet === undefined) continue;
      await this.openLabSettings();
      await this.ruleSet(analyte as AnalyteId).selectOption(ruleSet);
    }
    for (const flag of panel.context ?? []) await this.context(flag).check();
    if (panel.collectedOn !== undefined) await this.collectionDate.fill(panel.collectedOn);
    if (panel.patient?.name !== undefined) await this.patientName.fill(panel.patient.name);
    if (panel.patient?.birthDate !== undefined)
      await this.page.getByLabel('Birth date').fill(panel.patient.birthDate);
    if (panel.clinician !== undefined) await this.openClinician();
    if (panel.clinician?.name !== undefined) await this.clinicianName.fill(panel.clinician.name);
    if (panel.clinician?.clinic !== undefined) await this.clinic.fill(panel.clinician.clinic);
    if (panel.clinician?.phone !== undefined) await this.clinicPhone.fill(panel.clinician.phone);
  }

  /** Presses Interpret and waits for the results or for the form to show its errors. */
  async interpret(): Promise<void> {
    await this.interpretButton.click();
    await expect(this.page.locator('.results, [aria-invalid="true"]').first()).toBeVisible();
  }

  /** Downloads the handout and returns the download. */
  async downloadHandout() {
    const downloadPromise = this.page.waitForEvent('download');
    await this.handoutButton.click();
    return downloadPromise;
  }
}
