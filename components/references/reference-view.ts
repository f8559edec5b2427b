import type { AnalyteId, BandStatus, UnitCode } from '@/lib/types';

/** The band columns of the review, in clinical order. */
export const BAND_COLUMNS: ReadonlyArray<{ status: BandStatus; header: string }> = [
  { status: 'deficient', header: 'Deficient' },
  { status: 'insufficient', header: 'Insufficient' },
  { status: 'sufficient', header: 'Sufficient' },
  { status: 'high', header: 'High' },
];

/** What the table can be sorted by: a name, or a band's range. */
export type SortKey = 'analyte' | 'ruleSet' | BandStatus;

/** The sort of the view. */
export interface Sort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

/** An analyte as the review's controls offer it. */
export interface AnalyteChoice {
  readonly id: AnalyteId;
  readonly shortName: string;
  readonly defaultUnit: UnitCode;
  readonly units: readonly UnitCode[];
  readonly ruleSets: ReadonlyArray<{ id: string; name: string }>;
}

/** The review's filters: kept in the URL so a link or a reload shows the same view. */
export interface ViewState {
  readonly q: string;
  readonly analyte: AnalyteId | '';
  readonly ruleSet: string;
  readonly units: Readonly<Partial<Record<AnalyteId, UnitCode>>>;
  readonly sort: Sort | null;
}

/** The view with nothing chosen. */
export const DEFAULT_VIEW: ViewState = { q: '', analyte: '', ruleSet: '', units: {}, sort: null };

const SORT_KEYS: readonly SortKey[] = ['analyte', 'ruleSet', ...BAND_COLUMNS.map((c) => c.status)];

/**
 * The sort key of a column id, if the column sorts.
 * @param id - a column id
 * @returns the key, or undefined
 */
export function toSortKey(id: string): SortKey | undefined {
  return SORT_KEYS.find((key) => key === id);
}

/**
 * Whether a sort key is a band's range (comparable only within one analyte and unit).
 * @param key - a sort key
 * @returns true for a band column
 */
export function isBandKey(key: SortKey): key is BandStatus {
  return key !== 'analyte' && key !== 'ruleSet';
}

/**
 * Reads the view from a query string; anything not offered is ignored.
 * @param search - `location.search`
 * @param analytes - the analytes with their units and rule sets
 * @returns the view
 */
export function readView(search: string, analytes: readonly AnalyteChoice[]): ViewState {
  const params = new URLSearchParams(search);
  const analyte = analytes.find((a) => a.id === params.get('analyte'))?.id ?? '';
  const ruleSet =
    analytes.flatMap((a) => a.ruleSets).find((r) => r.id === params.get('ruleSet'))?.id ?? '';
  const units: Partial<Record<AnalyteId, UnitCode>> = {};
  for (const a of analytes) {
    const unit = a.units.find((u) => u === params.get(`unit.${a.id}`));
    if (unit !== undefined) units[a.id] = unit;
  }
  const [key, dir] = (params.get('sort') ?? '').split(':');
  const sortKey = toSortKey(key ?? '');
  const sort: Sort | null =
    sortKey === undefined ? null : { key: sortKey, dir: dir === 'desc' ? 'desc' : 'asc' };
  return { q: params.get('q') ?? '', analyte, ruleSet, units, sort };
}

/**
 * Writes the view as a query string (empty parts left out).
 * @param view - the view
 * @returns e.g. `?analyte=magnesium&sort=sufficient:asc`, or '' for the default view
 */
export function writeView(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.q !== '') params.set('q', view.q);
  if (view.analyte !== '') params.set('analyte', view.analyte);
  if (view.ruleSet !== '') params.set('ruleSet', view.ruleSet);
  for (const [id, unit] of Object.entries(view.units)) params.set(`unit.${id}`, unit);
  if (view.sort !== null) params.set('sort', `${view.sort.key}:${view.sort.dir}`);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
