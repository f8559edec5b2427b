import type { ReferenceBandRow } from '@/lib/references';
import type { AnalyteId, BandStatus, UnitCode } from '@/lib/types';
import type { SourceLink } from './source-links';

/** One rule set in one unit: its bands side by side. */
export interface RuleSetRow {
  readonly key: string;
  readonly analyte: AnalyteId;
  readonly analyteName: string;
  readonly ruleSetId: string;
  readonly ruleSetName: string;
  readonly isDefault: boolean;
  readonly unit: UnitCode;
  readonly bands: Readonly<Partial<Record<BandStatus, ReferenceBandRow>>>;
  readonly citationIds: readonly string[];
  /** Everything the row shows, and the full text of its sources, in lower case for search. */
  readonly searchText: string;
}

/**
 * Groups the band rows into one row per rule set and unit, with the text the search covers:
 * names, ranges, status labels, notes, "converted", and the short and full text of each source.
 * @param rows - one row per band, in every unit
 * @param sources - the citations by id
 * @returns one row per rule set and unit, in the order of first appearance
 */
export function groupRows(
  rows: readonly ReferenceBandRow[],
  sources: Readonly<Record<string, SourceLink>>,
): RuleSetRow[] {
  const groups = new Map<string, ReferenceBandRow[]>();
  for (const row of rows) {
    const key = `${row.ruleSetId}|${row.unit}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [row]);
    else list.push(row);
  }
  return [...groups.entries()].flatMap(([key, bands]) => {
    const first = bands[0];
    if (first === undefined) return [];
    const byStatus: Partial<Record<BandStatus, ReferenceBandRow>> = {};
    for (const band of bands) byStatus[band.status] = band;
    const sourceText = first.citationIds
      .map((id) => `${sources[id]?.short ?? id} ${sources[id]?.text ?? ''}`)
      .join(' ');
    const searchText = [
      first.analyteName,
      first.ruleSetName,
      first.isDefault ? 'default' : '',
      first.unit,
      ...bands.map(
        (b) => `${b.statusLabel} ${b.rangeText} ${b.note ?? ''} ${b.derived ? 'converted' : ''}`,
      ),
      sourceText,
    ]
      .join(' ')
      .toLowerCase();
    return [
      {
        key,
        analyte: first.analyte,
        analyteName: first.analyteName,
        ruleSetId: first.ruleSetId,
        ruleSetName: first.ruleSetName,
        isDefault: first.isDefault,
        unit: first.unit,
        bands: byStatus,
        citationIds: first.citationIds,
        searchText,
      },
    ];
  });
}

/**
 * A band's place on the scale, for sorting by range: its lower bound (an open lower end sorts
 * first, a rule set without that band last).
 * @param row - a rule-set row
 * @param status - the band
 * @returns the lower bound
 */
export function bandStart(row: RuleSetRow, status: BandStatus): number {
  const band = row.bands[status];
  if (band === undefined) return Number.POSITIVE_INFINITY;
  return band.lower ?? Number.NEGATIVE_INFINITY;
}

/**
 * Whether every search term is in the row's text (terms split on spaces, any case).
 * @param row - a rule-set row
 * @param query - the search as typed
 * @returns true when the row matches
 */
export function matchesSearch(row: RuleSetRow, query: string): boolean {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
  return terms.every((term) => row.searchText.includes(term));
}
