import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** Page object of the reference review (`/references`). */
export class ReferencesPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/references');
    await expect(this.bandTable).toBeVisible();
  }

  get bandTable(): Locator {
    return this.page.getByRole('table', { name: 'Reference bands' });
  }

  get evidenceTable(): Locator {
    return this.page.getByRole('table', { name: /Back-pain evidence/ });
  }

  get nutrientTable(): Locator {
    return this.page.getByRole('table', { name: /Nutrients/ });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search all columns' });
  }

  get analyteFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Analyte', exact: true });
  }

  get ruleSetFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Rule set', exact: true });
  }

  unit(analyteName: string): Locator {
    return this.page.getByRole('combobox', { name: `${analyteName} unit` });
  }

  sortButton(column: string): Locator {
    return this.header(column).getByRole('button');
  }

  header(column: string): Locator {
    return this.bandTable.getByRole('columnheader', { name: column, exact: true });
  }

  /** The body rows of the band table. */
  get rows(): Locator {
    return this.bandTable.locator('tbody tr');
  }

  /** The text of one column (0-based) over all visible rows. */
  async column(index: number): Promise<string[]> {
    return this.rows.evaluateAll(
      (rows, i) => rows.map((row) => row.querySelectorAll('td')[i]?.textContent?.trim() ?? ''),
      index,
    );
  }
}
