'use client';

import { useEffect, useMemo, useState } from 'react';
import type { ReferenceBandRow } from '@/lib/references';
import type { AnalyteId, BandStatus, UnitCode } from '@/lib/types';
import type { SourceLink } from './source-links';

const BAND_COLUMNS: ReadonlyArray<{ status: BandStatus; header: string }> = [
  { status: 'deficient', header: 'Deficient' },
  { status: 'insufficient', header: 'Insufficient' },
  { status: 'sufficient', header: 'Sufficient' },
  { status: 'high', header: 'High' },
];

type SortKey = 'analyte' | 'ruleSet' | BandStatus;
interface Sort {
  readonly key: SortKey;
  readonly dir: 'asc' | 'desc';
}

/** One rule set in one unit: its bands side by side. */
interface RuleSetRow {
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

interface AnalyteChoice {
  readonly id: AnalyteId;
  readonly shortName: string;
  readonly defaultUnit: UnitCode;
  readonly units: readonly UnitCode[];
  readonly ruleSets: ReadonlyArray<{ id: string; name: string }>;
}

/** The review's filters: kept in the URL so a link or a reload shows the same view. */
interface ViewState {
  readonly q: string;
  readonly analyte: AnalyteId | '';
  readonly ruleSet: string;
  readonly units: Readonly<Partial<Record<AnalyteId, UnitCode>>>;
  readonly sort: Sort | null;
}

const SORT_KEYS: readonly SortKey[] = ['analyte', 'ruleSet', ...BAND_COLUMNS.map((c) => c.status)];

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
  const sortKey = SORT_KEYS.find((k) => k === key);
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

function groupRows(
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

// A band's place on the scale: its lower bound (an open lower end sorts first).
const bandStart = (row: RuleSetRow, status: BandStatus): number => {
  const band = row.bands[status];
  if (band === undefined) return Number.POSITIVE_INFINITY;
  return band.lower ?? Number.NEGATIVE_INFINITY;
};

/**
 * The reference review: one row per rule set with its bands side by side, in the unit picked per
 * analyte. Filters by analyte and rule set; a search over every shown text, notes and the full
 * sources; sorting by a range only within one analyte (one unit), where ranges compare. The view
 * is kept in the URL.
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
  const [view, setView] = useState<ViewState>({
    q: '',
    analyte: '',
    ruleSet: '',
    units: {},
    sort: null,
  });
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
  const unitOf = (a: AnalyteChoice): UnitCode => view.units[a.id] ?? a.defaultUnit;
  const inUnit = grouped.filter((row) => {
    const analyte = analytes.find((a) => a.id === row.analyte);
    return analyte !== undefined && row.unit === unitOf(analyte);
  });
  const terms = view.q
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
  const filtered = inUnit.filter(
    (row) =>
      (view.analyte === '' || row.analyte === view.analyte) &&
      (view.ruleSet === '' || row.ruleSetId === view.ruleSet) &&
      terms.every((term) => row.searchText.includes(term)),
  );
  // Ranges compare only within one analyte and unit: a range sort needs an analyte filter.
  const rangeSortable = view.analyte !== '';
  const sort = view.sort !== null && (rangeSortable || !isBand(view.sort.key)) ? view.sort : null;
  const shown = sort === null ? filtered : [...filtered].sort(compare(sort));

  const update = (patch: Partial<ViewState>) => setView((current) => ({ ...current, ...patch }));
  const toggleSort = (key: SortKey) =>
    update({
      sort:
        sort?.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' },
    });
  const ruleSetChoices = analytes
    .filter((a) => view.analyte === '' || a.id === view.analyte)
    .flatMap((a) => a.ruleSets);

  const header = (key: SortKey, label: string, sortable: boolean) => {
    const sorted = sort?.key === key ? sort.dir : undefined;
    return (
      <th
        key={key}
        scope="col"
        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      >
        {sortable ? (
          <button type="button" className="sort-button" onClick={() => toggleSort(key)}>
            {label}
            <span className="sort-indicator" aria-hidden="true">
              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
            </span>
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <>
      <div className="table-controls" role="group" aria-label="Filter the reference table">
        <div className="field field-search">
          <label htmlFor="ref-search">Search all columns</label>
          <input
            id="ref-search"
            type="search"
            value={view.q}
            aria-describedby="ref-search-hint"
            onChange={(e) => update({ q: e.target.value })}
          />
          <p className="hint" id="ref-search-hint">
            Also searches notes and the full source references.
          </p>
        </div>
        <div className="field">
          <label htmlFor="ref-analyte">Analyte</label>
          <select
            id="ref-analyte"
            value={view.analyte}
            onChange={(e) =>
              update({
                analyte: analytes.find((a) => a.id === e.target.value)?.id ?? '',
                ruleSet: '',
              })
            }
          >
            <option value="">All analytes</option>
            {analytes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ref-rule-set">Rule set</label>
          <select
            id="ref-rule-set"
            value={view.ruleSet}
            onChange={(e) => update({ ruleSet: e.target.value })}
          >
            <option value="">All rule sets</option>
            {ruleSetChoices.map((r) => (
              <option key={r.id} value={r.id}>
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
              value={unitOf(a)}
              onChange={(e) => {
                const unit = a.units.find((u) => u === e.target.value);
                if (unit === undefined) return;
                const units = { ...view.units, [a.id]: unit };
                if (unit === a.defaultUnit) delete units[a.id];
                update({ units });
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
        {shown.length} of {inUnit.length} rule sets shown
        {rangeSortable ? '' : ' · pick one analyte to sort by a range'}
      </p>
      <div className="table-scroll">
        <table className="data-table rule-set-table" aria-label="Reference bands">
          <thead>
            <tr>
              {header('analyte', 'Analyte', true)}
              {header('ruleSet', 'Rule set', true)}
              {BAND_COLUMNS.map((column) => header(column.status, column.header, rangeSortable))}
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-rule-set={row.ruleSetId}>
                <td>{row.analyteName}</td>
                <td>
                  {row.ruleSetName}
                  {row.isDefault ? <span className="default-tag"> (default)</span> : null}
                </td>
                {BAND_COLUMNS.map(({ status }) => {
                  const band = row.bands[status];
                  return (
                    <td key={status} data-status={status}>
                      {band === undefined ? (
                        <span className="band-none">none</span>
                      ) : (
                        <>
                          <span className="band-range">{band.rangeText}</span>
                          {band.derived ? <span className="band-note"> (converted)</span> : null}
                          {band.statusLabel.toLowerCase() === status ? null : (
                            <div className="band-note">{band.statusLabel}</div>
                          )}
                          {band.note === undefined ? null : (
                            <div className="band-note">{band.note}</div>
                          )}
                        </>
                      )}
                    </td>
                  );
                })}
                <td>
                  <ul>
                    {row.citationIds.map((id) => {
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
                </td>
              </tr>
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={BAND_COLUMNS.length + 3}>No rule set matches these filters.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}

function isBand(key: SortKey): key is BandStatus {
  return key !== 'analyte' && key !== 'ruleSet';
}

function compare(sort: Sort): (a: RuleSetRow, b: RuleSetRow) => number {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const { key } = sort;
  if (key === 'analyte') return (a, b) => sign * a.analyteName.localeCompare(b.analyteName);
  if (key === 'ruleSet') return (a, b) => sign * a.ruleSetName.localeCompare(b.ruleSetName);
  return (a, b) => sign * (bandStart(a, key) - bandStart(b, key));
}
