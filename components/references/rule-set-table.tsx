'use client';

import { useEffect, useMemo, useState } from 'react';
import { functionalUpdate, useTable } from '@tanstack/react-table';
import type { ColumnFiltersState, SortingState, Updater } from '@tanstack/react-table';
import type { ReferenceBandRow } from '@/lib/references';
import {
  BAND_COLUMNS,
  DEFAULT_VIEW,
  isBandKey,
  readView,
  toSortKey,
  writeView,
} from './reference-view';
import type { AnalyteChoice, ViewState } from './reference-view';
import { RULE_SET_FEATURES, ruleSetColumns, SEARCH_COLUMN } from './rule-set-columns';
import { groupRows } from './rule-set-rows';
import type { SourceLink } from './source-links';
import { TableControls } from './table-controls';

const BAND_STATUSES = new Set<string>(BAND_COLUMNS.map((column) => column.status));

/**
 * The reference review (TanStack Table v9): one row per rule set with its bands side by side, in
 * the unit picked per analyte. Column filters by analyte and rule set; a global search over every
 * shown text, notes and the full sources; sorting by a range only within one analyte (one unit),
 * where ranges compare. The view (filters, search, units, sort) is kept in the URL.
 * @param props - band rows in every unit, the analytes with their units, and the sources
 * @returns the controls and the table
 */
export function RuleSetTable({
  rows,
  analytes,
  sources,
}: {
  rows: readonly ReferenceBandRow[];
  analytes: readonly AnalyteChoice[];
  sources: Readonly<Record<string, SourceLink>>;
}) {
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  const [loaded, setLoaded] = useState(false);

  // The URL is read after hydration (the server renders the default view) and written back on
  // every change, replacing the history entry.
  useEffect(() => {
    // The URL is outside React and only readable after hydration (the page is prerendered):
    // read it once here, then keep it in step from the state below.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setView(readView(window.location.search, analytes));
    setLoaded(true);
  }, [analytes]);
  useEffect(() => {
    if (!loaded) return;
    const query = writeView(view);
    if (query !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${query}`);
  }, [view, loaded]);

  const grouped = useMemo(() => groupRows(rows, sources), [rows, sources]);
  const data = useMemo(
    () =>
      grouped.filter((row) => {
        const analyte = analytes.find((a) => a.id === row.analyte);
        return (
          analyte !== undefined && row.unit === (view.units[analyte.id] ?? analyte.defaultUnit)
        );
      }),
    [grouped, analytes, view.units],
  );
  // Ranges compare only within one analyte and unit: a range sort needs an analyte filter.
  const rangeSortable = view.analyte !== '';
  const columns = useMemo(() => ruleSetColumns(sources, rangeSortable), [sources, rangeSortable]);
  const sort =
    view.sort !== null && (rangeSortable || !isBandKey(view.sort.key)) ? view.sort : null;
  const sorting: SortingState = sort === null ? [] : [{ id: sort.key, desc: sort.dir === 'desc' }];
  const columnFilters: ColumnFiltersState = [
    ...(view.analyte === '' ? [] : [{ id: 'analyte', value: view.analyte }]),
    ...(view.ruleSet === '' ? [] : [{ id: 'ruleSet', value: view.ruleSet }]),
  ];

  const update = (patch: Partial<ViewState>) => setView((current) => ({ ...current, ...patch }));
  const table = useTable({
    features: RULE_SET_FEATURES,
    columns,
    data,
    state: { sorting, columnFilters, globalFilter: view.q },
    initialState: { columnVisibility: { [SEARCH_COLUMN]: false } },
    onSortingChange: (updater: Updater<SortingState>) => {
      const first = functionalUpdate(updater, sorting)[0];
      const key = first === undefined ? undefined : toSortKey(first.id);
      update({
        sort: key === undefined ? null : { key, dir: first?.desc === true ? 'desc' : 'asc' },
      });
    },
    globalFilterFn: 'search',
    getColumnCanGlobalFilter: (column) => column.id === SEARCH_COLUMN,
    // Ranges and names both read best from the start of the scale or the alphabet.
    sortDescFirst: false,
    enableMultiSort: false,
  });
  const shown = table.getRowModel().rows;

  return (
    <>
      <TableControls analytes={analytes} view={view} onChange={update} />
      <p className="row-count" role="status">
        {shown.length} of {data.length} rule sets shown
        {rangeSortable ? '' : ' · pick one analyte to sort by a range'}
      </p>
      <div className="table-scroll">
        <table className="data-table rule-set-table" aria-label="Reference bands">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span className="sort-indicator" aria-hidden="true">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.original.key} data-rule-set={row.original.ruleSetId}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    data-status={BAND_STATUSES.has(cell.column.id) ? cell.column.id : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length}>
                  No rule set matches these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
