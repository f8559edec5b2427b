// @vitest-environment happy-dom
// The reference review's table (TanStack Table v9) rendered with React Testing Library: one row
// per rule set, global search over notes and sources, range sort only within one analyte, and
// the view written to the URL. The e2e suite runs the same page in Chromium.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readView, writeView } from '@/components/references/reference-view';
import { RuleSetTable } from '@/components/references/rule-set-table';
import type { SourceLink } from '@/components/references/source-links';
import { CITATIONS } from '@/lib/citations';
import { listFormOptions, listReferenceBands } from '@/lib/references';

const OPTIONS = listFormOptions();
const ANALYTES = OPTIONS.map((analyte) => ({
  id: analyte.id,
  shortName: analyte.shortName,
  defaultUnit: analyte.defaultUnit,
  units: analyte.units,
  ruleSets: analyte.ruleSets.map((ruleSet) => ({ id: ruleSet.id, name: ruleSet.name })),
}));
const ROWS = OPTIONS.flatMap((analyte) =>
  analyte.units.flatMap((unit) =>
    listReferenceBands({ [analyte.id]: unit }).filter((row) => row.analyte === analyte.id),
  ),
);
const SOURCES: Record<string, SourceLink> = Object.fromEntries(
  Object.values(CITATIONS).map((c) => [c.id, { short: c.short, text: c.text }]),
);
const RULE_SET_COUNT = OPTIONS.reduce((n, analyte) => n + analyte.ruleSets.length, 0);

function renderTable() {
  render(<RuleSetTable rows={ROWS} analytes={ANALYTES} sources={SOURCES} />);
  return screen.getByRole('table', { name: 'Reference bands' });
}
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody') !== null);
const header = (table: HTMLElement, name: string) =>
  within(table).getByRole('columnheader', { name: new RegExp(`^${name}`) });

beforeEach(() => window.history.replaceState(null, '', '/references'));
afterEach(() => cleanup());

describe('reference review table', () => {
  it('shows one row per rule set with four band columns, and no search column', () => {
    const table = renderTable();
    expect(bodyRows(table)).toHaveLength(RULE_SET_COUNT);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers).toEqual([
      'Analyte',
      'Rule set',
      'Deficient',
      'Insufficient',
      'Sufficient',
      'High',
      'Source',
    ]);
  });

  it('searches every term across the row, its notes and the full source text', () => {
    const table = renderTable();
    const search = screen.getByRole('searchbox', { name: 'Search all columns' });
    fireEvent.change(search, { target: { value: 'methylmalonic' } });
    const b12 = bodyRows(table);
    expect(b12.length).toBeGreaterThan(0);
    for (const row of b12) expect(row.textContent).toContain('Vitamin B12');
    // Two terms that are in different columns of the same row still match it.
    fireEvent.change(search, { target: { value: 'magnesium eur j nutr' } });
    expect(bodyRows(table).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Rosanoff 2022'),
    ]);
    fireEvent.change(search, { target: { value: 'no such band anywhere' } });
    expect(within(table).getByText('No rule set matches these filters.')).toBeTruthy();
    expect(window.location.search).toBe('?q=no+such+band+anywhere');
  });

  it('sorts by a range only once one analyte is chosen, and keeps the sort in the URL', () => {
    const table = renderTable();
    expect(within(header(table, 'Sufficient')).queryByRole('button')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Analyte' }), {
      target: { value: 'vitamin-b12' },
    });
    expect(bodyRows(table)).toHaveLength(3);
    fireEvent.click(within(header(table, 'Sufficient')).getByRole('button'));
    expect(header(table, 'Sufficient').getAttribute('aria-sort')).toBe('ascending');
    const firstInsufficient = () =>
      bodyRows(table)[0]?.querySelector('[data-status="insufficient"]')?.textContent ?? '';
    expect(firstInsufficient()).toMatch(/^200 to < 300/);
    fireEvent.click(within(header(table, 'Sufficient')).getByRole('button'));
    expect(firstInsufficient()).toMatch(/^200 to < 400/);
    expect(window.location.search).toBe('?analyte=vitamin-b12&sort=sufficient%3Adesc');

    // Back to all analytes: ranges no longer compare, so the range sort is not applied.
    fireEvent.change(screen.getByRole('combobox', { name: 'Analyte' }), {
      target: { value: '' },
    });
    expect(header(table, 'Sufficient').getAttribute('aria-sort')).toBeNull();
  });

  it('reads its view from the URL on load', () => {
    window.history.replaceState(null, '', '/references?analyte=magnesium&unit.magnesium=mmol%2FL');
    const table = renderTable();
    expect(bodyRows(table).length).toBeGreaterThan(0);
    for (const row of bodyRows(table)) expect(row.textContent).toContain('mmol/L');
  });
});

describe('reference view in the URL', () => {
  it('round-trips and ignores what is not offered', () => {
    const view = readView(
      '?q=grey&analyte=magnesium&ruleSet=mg-conventional&unit.magnesium=mmol%2FL&sort=high:desc',
      ANALYTES,
    );
    expect(view).toEqual({
      q: 'grey',
      analyte: 'magnesium',
      ruleSet: 'mg-conventional',
      units: { magnesium: 'mmol/L' },
      sort: { key: 'high', dir: 'desc' },
    });
    expect(readView(writeView(view), ANALYTES)).toEqual(view);
    expect(readView('?analyte=iron&unit.magnesium=g&sort=price:asc', ANALYTES)).toEqual({
      q: '',
      analyte: '',
      ruleSet: '',
      units: {},
      sort: null,
    });
  });
});
