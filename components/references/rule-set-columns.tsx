import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import { BAND_COLUMNS } from './reference-view';
import { bandStart, matchesSearch } from './rule-set-rows';
import type { RuleSetRow } from './rule-set-rows';
import { SourceLinks } from './source-links';
import type { SourceLink } from './source-links';

/** The TanStack Table v9 features the review uses: sorting, column filters, global search. */
export const RULE_SET_FEATURES = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { text: sortFn_text },
  filterFns: {
    /** The row's analyte or rule set is exactly the id chosen. */
    equalsId: (row, columnId, value: unknown) =>
      (columnId === 'analyte' ? row.original.analyte : row.original.ruleSetId) === value,
    /** Every search term is somewhere in the row, its notes or its sources. */
    search: (row, _columnId, value: unknown) =>
      typeof value === 'string' && matchesSearch(row.original as RuleSetRow, value),
  },
});

const helper = createColumnHelper<typeof RULE_SET_FEATURES, RuleSetRow>();

/** The hidden column the global search runs on (everything the row shows, and its sources). */
export const SEARCH_COLUMN = 'search';

/**
 * The review's columns: analyte and rule set (sorted by name), one column per band (sorted by
 * its lower bound, only when `rangeSortable`: ranges compare within one analyte and unit), the
 * sources, and the hidden search column.
 * @param sources - the citations by id
 * @param rangeSortable - whether one analyte (so one unit) is shown
 * @returns the column definitions
 */
export function ruleSetColumns(
  sources: Readonly<Record<string, SourceLink>>,
  rangeSortable: boolean,
) {
  return helper.columns([
    helper.accessor('analyteName', {
      id: 'analyte',
      header: 'Analyte',
      sortFn: 'text',
      filterFn: 'equalsId',
      enableGlobalFilter: false,
    }),
    helper.accessor('ruleSetName', {
      id: 'ruleSet',
      header: 'Rule set',
      sortFn: 'text',
      filterFn: 'equalsId',
      enableGlobalFilter: false,
      cell: (info) => (
        <>
          {info.getValue()}
          {info.row.original.isDefault ? <span className="default-tag"> (default)</span> : null}
        </>
      ),
    }),
    ...BAND_COLUMNS.map(({ status, header }) =>
      helper.accessor((row) => bandStart(row, status), {
        id: status,
        header,
        enableSorting: rangeSortable,
        enableGlobalFilter: false,
        cell: (info) => {
          const band = info.row.original.bands[status];
          if (band === undefined) return <span className="band-none">none</span>;
          return (
            <>
              <span className="band-range">{band.rangeText}</span>
              {band.derived ? <span className="band-note"> (converted)</span> : null}
              {band.statusLabel.toLowerCase() === status ? null : (
                <div className="band-note">{band.statusLabel}</div>
              )}
              {band.note === undefined ? null : <div className="band-note">{band.note}</div>}
            </>
          );
        },
      }),
    ),
    helper.display({
      id: 'source',
      header: 'Source',
      cell: (info) => <SourceLinks compact ids={info.row.original.citationIds} sources={sources} />,
    }),
    helper.accessor('searchText', {
      id: SEARCH_COLUMN,
      header: 'Search text',
      filterFn: 'search',
      enableSorting: false,
    }),
  ]);
}
