'use client';

import { useMemo, useState } from 'react';
import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import type { ReferenceBandRow } from '@/lib/references';
import type { AnalyteId, UnitCode } from '@/lib/types';

/** A citation as the review table links it. */
export interface SourceLink {
  readonly short: string;
  readonly text: string;
  readonly href?: string;
}

/** A row of the review table: a reference band plus its searchable source names. */
type BandRow = ReferenceBandRow & { readonly sources: string };

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
});

const helper = createColumnHelper<typeof features, BandRow>();

// Bands keep their clinical order (deficient to high) when sorted by status.
const STATUS_ORDER = ['deficient', 'insufficient', 'sufficient', 'high'] as const;

/**
 * The reference review table (TanStack Table v9): every band of every rule set, in a unit picked
 * per analyte, sortable, filterable by analyte and rule set, with a global search.
 * @param props - band rows in every unit, the analytes with their units, and the sources
 * @returns the controls and the table
 */
export function ReferenceTable({
  rows,
  analytes,
  sources,
}: {
  rows: readonly ReferenceBandRow[];
  analytes: ReadonlyArray<{
    id: AnalyteId;
    shortName: string;
    defaultUnit: UnitCode;
    units: readonly UnitCode[];
    ruleSets: ReadonlyArray<{ id: string; name: string }>;
  }>;
  sources: Readonly<Record<string, SourceLink>>;
}) {
  const [units, setUnits] = useState<Partial<Record<AnalyteId, UnitCode>>>(() =>
    Object.fromEntries(analytes.map((a) => [a.id, a.defaultUnit])),
  );
  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');

  const data = useMemo<BandRow[]>(
    () =>
      rows
        .filter((row) => row.unit === units[row.analyte])
        .map((row) => ({
          ...row,
          sources: row.citationIds.map((id) => sources[id]?.short ?? id).join('; '),
        })),
    [rows, units, sources],
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('analyteName', {
          id: 'analyte',
          header: 'Analyte',
          filterFn: 'equalsString',
          sortFn: 'text',
        }),
        helper.accessor('ruleSetName', {
          id: 'ruleSet',
          header: 'Rule set',
          filterFn: 'equalsString',
          sortFn: 'text',
          cell: (info) => (
            <>
              {info.getValue()}
              {info.row.original.isDefault ? <span className="default-tag"> (default)</span> : null}
            </>
          ),
        }),
        helper.accessor('statusLabel', {
          id: 'status',
          header: 'Status',
          sortFn: (a, b) =>
            STATUS_ORDER.indexOf(a.original.status) - STATUS_ORDER.indexOf(b.original.status),
        }),
        helper.accessor('rangeText', {
          id: 'range',
          header: 'Range',
          sortFn: (a, b) =>
            (a.original.lower ?? -Infinity) - (b.original.lower ?? -Infinity) ||
            (a.original.upper ?? Infinity) - (b.original.upper ?? Infinity),
          cell: (info) => (
            <>
              {info.getValue()}
              {info.row.original.derived ? ' (converted)' : ''}
              {info.row.original.note === undefined ? null : (
                <div className="band-note">{info.row.original.note}</div>
              )}
            </>
          ),
        }),
        helper.accessor('sources', {
          id: 'source',
          header: 'Source',
          sortFn: 'text',
          cell: (info) => (
            <ul>
              {info.row.original.citationIds.map((id) => {
                const source = sources[id];
                if (source === undefined) return <li key={id}>{id}</li>;
                return (
                  <li key={id}>
                    {source.href === undefined ? (
                      <span title={source.text}>{source.short}</span>
                    ) : (
                      <a href={source.href} title={source.text} rel="noopener noreferrer">
                        {source.short}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          ),
        }),
      ]),
    [sources],
  );

  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: 'includesString',
  });

  const filterValue = (id: string): string => {
    const value = columnFilters.find((f) => f.id === id)?.value;
    return typeof value === 'string' ? value : '';
  };
  const setFilter = (id: string, value: string) =>
    setColumnFilters((current) => [
      ...current.filter((f) => f.id !== id),
      ...(value === '' ? [] : [{ id, value }]),
    ]);

  const analyteFilter = filterValue('analyte');
  const ruleSetChoices = analytes
    .filter((a) => analyteFilter === '' || a.shortName === analyteFilter)
    .flatMap((a) => a.ruleSets);
  const visible = table.getRowModel().rows;

  return (
    <>
      <div className="table-controls" role="group" aria-label="Filter the reference table">
        <div className="field field-search">
          <label htmlFor="ref-search">Search all columns</label>
          <input
            id="ref-search"
            type="search"
            value={globalFilter}
            onChange={(e) => setGlobalFilter(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ref-analyte">Analyte</label>
          <select
            id="ref-analyte"
            value={analyteFilter}
            onChange={(e) => {
              setFilter('analyte', e.target.value);
              setFilter('ruleSet', '');
            }}
          >
            <option value="">All analytes</option>
            {analytes.map((a) => (
              <option key={a.id} value={a.shortName}>
                {a.shortName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ref-rule-set">Rule set</label>
          <select
            id="ref-rule-set"
            value={filterValue('ruleSet')}
            onChange={(e) => setFilter('ruleSet', e.target.value)}
          >
            <option value="">All rule sets</option>
            {ruleSetChoices.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {analytes.map((a) => (
          <div className="field" key={a.id}>
            <label htmlFor={`ref-unit-${a.id}`}>{a.shortName} unit</label>
            <select
              id={`ref-unit-${a.id}`}
              value={units[a.id] ?? a.defaultUnit}
              onChange={(e) => {
                const unit = a.units.find((u) => u === e.target.value);
                if (unit !== undefined) setUnits((current) => ({ ...current, [a.id]: unit }));
              }}
            >
              {a.units.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <p className="row-count" role="status">
        {visible.length} of {data.length} bands shown
      </p>
      <div className="table-scroll">
        <table className="data-table" aria-label="Reference bands">
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
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id} data-status={row.original.status}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {visible.length === 0 ? (
              <tr>
                <td colSpan={5}>No band matches these filters.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
