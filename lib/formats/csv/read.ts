import { parse } from 'csv-parse/browser/esm/sync';
import type { Panel, PanelResult } from '../../schemas';
import type { AnalyteId, Comparator, RuleSetId, WarningCode } from '../../types';
import { ANALYTE_IDS, COMPARATORS } from '../../types';
import { LOINC_TO_ANALYTE } from '../loinc';
import { IgnoredList, invalidImport, NOTHING_IGNORED } from '../import-types';
import type {
  ImportItem,
  ImportNotice,
  ImportOrigin,
  ImportOutcome,
  LocatedError,
  ResultSource,
} from '../import-types';
import type { Location } from '../location';
import { V2_FLAG_SYSTEM } from '../codes';
import { importWarning, rangeDroppedWarning } from '../warnings';

/** The columns we read, and the header spellings lab systems use for each (compared squashed). */
const COLUMN_SPELLINGS = {
  panel_id: [
    'panel_id',
    'panel',
    'accession',
    'accession_number',
    'order_id',
    'order_number',
    'specimen_id',
    'sample_id',
    'lab_number',
  ],
  analyte: ['analyte', 'test', 'test_name', 'name', 'analyte_name', 'component', 'observation'],
  loinc: ['loinc', 'loinc_code', 'loinc_num'],
  value: ['value', 'result', 'result_value', 'numeric_result'],
  unit: ['unit', 'units', 'uom', 'result_unit', 'result_units'],
  comparator: ['comparator'],
  reference_range: [
    'reference_range',
    'ref_range',
    'range',
    'reference_interval',
    'normal_range',
    'reference',
  ],
  lab_low: ['lab_low', 'ref_low', 'range_low', 'low'],
  lab_high: ['lab_high', 'ref_high', 'range_high', 'high'],
  flag: ['flag', 'abnormal_flag', 'abn_flag', 'lab_flag'],
  collected: [
    'collected_on',
    'collected',
    'collection_date',
    'collected_date',
    'date_collected',
    'date',
    'specimen_date',
    'collected_at',
  ],
  rule_set: ['rule_set'],
  // Our own output columns: computed, so ignored on input (our output reads back in).
  ours: ['status', 'critical', 'fhir_interpretation', 'warnings'],
} as const;

type Column = keyof typeof COLUMN_SPELLINGS;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SPELLING_TO_COLUMN: ReadonlyMap<string, Column> = new Map(
  (Object.entries(COLUMN_SPELLINGS) as Array<[Column, readonly string[]]>).flatMap(
    ([column, spellings]) => spellings.map((spelling) => [squash(spelling), column] as const),
  ),
);

/** Common analyte names (squashed: lower case, letters and digits only). */
const ANALYTE_NAMES: ReadonlyMap<string, AnalyteId> = new Map([
  ...[
    'vitamind',
    '25ohvitamind',
    '25ohvitd',
    '25ohd',
    '25hydroxyvitamind',
    'vitamind25hydroxy',
    'vitamind25oh',
    'vitd',
    'vitamindtotal',
    '25ohvitamindtotal',
    'totalvitamind',
    '25hydroxyvitamindtotal',
    'calcidiol',
  ].map((name) => [name, 'vitamin-d'] as const),
  ...['vitaminb12', 'b12', 'vitb12', 'cobalamin', 'cyanocobalamin', 'vitaminb12serum'].map(
    (name) => [name, 'vitamin-b12'] as const,
  ),
  ...['magnesium', 'mg', 'magnesiumserum', 'serummagnesium', 'mgserum'].map(
    (name) => [name, 'magnesium'] as const,
  ),
]);

/** What a CSV cell names: one of our analytes (with the LOINC code when one was given). */
function resolveAnalyte(
  analyteText: string,
  loincText: string,
): { analyte: AnalyteId; loinc?: string; warn?: WarningCode } | undefined {
  for (const text of [loincText, analyteText]) {
    const byLoinc = LOINC_TO_ANALYTE.get(text.trim());
    if (byLoinc !== undefined) {
      return {
        analyte: byLoinc.analyte,
        loinc: text.trim(),
        ...(byLoinc.warn === undefined ? {} : { warn: byLoinc.warn }),
      };
    }
  }
  const id = ANALYTE_IDS.find((candidate) => candidate === analyteText.trim().toLowerCase());
  if (id !== undefined) return { analyte: id };
  const named = ANALYTE_NAMES.get(squash(analyteText));
  return named === undefined ? undefined : { analyte: named };
}

/** The delimiter of the header line (outside quotes): the most frequent of tab, ";" and ",". */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[';'] && counts['\t'] >= counts[',']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const VALUE = /^(<=|>=|<|>|≤|≥)?\s*(\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** A number as written in a cell: a decimal comma only where the delimiter is not a comma. */
function readNumber(text: string, commaDecimal: boolean): number | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (commaDecimal && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return undefined;
}

/** A date as labs write it: ISO, or a day/month order that only one reading allows. */
function readDate(text: string): { date: string; note?: string } | { error: string } {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso !== null) return { date: `${iso[1]}-${iso[2]}-${iso[3]}` };
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+[\d:]+(?:\s*[AaPp][Mm])?)?$/.exec(
    trimmed,
  );
  if (slashed === null) return { error: 'must be a date written YYYY-MM-DD (or MM/DD/YYYY)' };
  const first = Number(slashed[1]);
  const second = Number(slashed[2]);
  const year = slashed[3];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (first === second || (first <= 12 && second > 12)) {
    return {
      date: `${year}-${pad(first)}-${pad(second)}`,
      note: `read as a US date (month ${first}, day ${second})`,
    };
  }
  if (first > 12 && second <= 12) {
    return {
      date: `${year}-${pad(second)}-${pad(first)}`,
      note: `read as day ${first}, month ${second} (the day comes first)`,
    };
  }
  return {
    error: `is ambiguous (${first}/${second} could be month/day or day/month): write YYYY-MM-DD`,
  };
}

/** A panel being assembled from its rows. */
interface PanelRows {
  readonly id?: string;
  readonly firstLine: number;
  lastLine: number;
  readonly results: PanelResult[];
  readonly labels: Array<ImportOrigin['results'][number]>;
  readonly sources: ResultSource[];
  readonly warnings: Array<{ resultIndex: number; code: WarningCode; message: string }>;
  readonly ruleSets: Partial<Record<AnalyteId, { id: string; path: Location }>>;
  collectedOn?: { value: string; path: Location };
  readonly errors: LocatedError[];
}

/** The cells of the columns we read, with their header names (for locations). */
type Columns = Partial<Record<Column, { index: number; name: string }>>;

/**
 * Reads lab CSV exports. The delimiter (comma, semicolon, tab) is taken from the header line;
 * common header spellings are accepted (test/analyte/name, result/value, unit/units, loinc,
 * reference_range "30-100", lab_low/lab_high, flag, collected/date, panel_id/accession,
 * comparator, rule_set); other columns are ignored and named once in a notice, never printed.
 * The analyte is given by id, common name ("Vitamin D", "25-OH Vitamin D", "B12", "Magnesium",
 * any case) or LOINC code; rows of other tests are ignored and counted. A decimal comma is read
 * only when the delimiter is not a comma. Rows with the same panel id form one panel (without a
 * panel id column, rows of one collection date do). A row that cannot be read stops its panel:
 * the panel is reported with the reason, never interpreted without that row.
 * @param text - the CSV text (header first; blank lines are skipped; a BOM is ignored)
 * @returns one item per panel, or `invalid` with the reason when the header is unusable
 */
export function parseCsv(text: string): ImportOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return invalidImport([], 'is empty', 'required');
  const lineEnd = body.indexOf('\n', start);
  const headerLine = body.slice(start, lineEnd === -1 ? undefined : lineEnd);
  const delimiter = sniffDelimiter(headerLine);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body.slice(start), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return invalidImport(
      [{ label: typeof line === 'number' ? `row ${line}` : 'CSV' }],
      'cannot be read as CSV (a quoted field never ends, or quotes are misplaced)',
      'invalid',
    );
  }
  const [header, ...rows] = records;
  if (header === undefined) return invalidImport([], 'is empty', 'required');
  const lineOffset = body.slice(0, start).split('\n').length - 1;

  const columns: Columns = {};
  const extra: string[] = [];
  const headerErrors: LocatedError[] = [];
  header.record.forEach((raw, index) => {
    const name = raw.trim();
    const column = SPELLING_TO_COLUMN.get(squash(name));
    if (column === undefined) {
      if (name !== '') extra.push(name);
      return;
    }
    if (column === 'ours') return;
    if (columns[column] !== undefined) {
      headerErrors.push({
        path: [{ label: `header column ${index + 1}` }],
        message: `"${name}" means the same as "${columns[column]?.name}"`,
        code: 'invalid',
      });
      return;
    }
    columns[column] = { index, name };
  });
  const hasAnalyte = columns.analyte !== undefined || columns.loinc !== undefined;
  if (!hasAnalyte || columns.value === undefined) {
    return invalidImport(
      [],
      'is not a panel (JSON), FHIR, HL7 v2 or a CSV header: CSV needs a test (or analyte, name, loinc) column and a result (or value) column',
      'invalid',
    );
  }
  if (columns.unit === undefined) {
    headerErrors.push({
      path: [{ label: 'header' }],
      message: 'has no unit (or units) column: the unit is never guessed',
      code: 'required',
    });
  }
  if (headerErrors.length > 0) {
    return { kind: 'invalid', errors: headerErrors, ignored: NOTHING_IGNORED, notices: [] };
  }

  const commaDecimal = delimiter !== ',';
  const notices: ImportNotice[] = [];
  if (extra.length > 0) {
    notices.push({
      path: [{ label: 'header' }],
      message: `${extra.length} column${extra.length === 1 ? '' : 's'} not read (${extra.join(', ')}); their contents are ignored`,
    });
  }
  const ignored = new IgnoredList();
  const order: Array<PanelRows | LocatedError> = [];
  const panels = new Map<string, PanelRows>();
  const cell = (fields: string[], column: Column): string => {
    const at = columns[column];
    return at === undefined ? '' : (fields[at.index] ?? '').trim();
  };
  const nameOf = (column: Column): string => columns[column]?.name ?? column;

  for (const { record: fields, info } of rows) {
    const line = info.lines + lineOffset;
    const panelId = cell(fields, 'panel_id');
    const collectedText = cell(fields, 'collected');
    const where = panelId === '' ? `row ${line}` : `row ${line} (panel ${panelId})`;
    const at = (column: Column): Location => [{ label: where }, nameOf(column)];
    const widthError: LocatedError | undefined =
      fields.length === header.record.length
        ? undefined
        : {
            path: [{ label: where }],
            message: `has ${fields.length} fields; the header has ${header.record.length}`,
            code: 'invalid',
          };
    if (widthError !== undefined) {
      // A row that cannot be read stops its panel (when it names one).
      const known = panelId === '' ? undefined : panels.get(`id|${panelId}`);
      if (known !== undefined) known.errors.push(widthError);
      else if (panelId !== '' && columns.panel_id !== undefined) {
        const created = emptyPanel(panelId, line);
        created.errors.push(widthError);
        panels.set(`id|${panelId}`, created);
        order.push(created);
      } else order.push(widthError);
      continue;
    }
    const analyteText = cell(fields, 'analyte');
    const resolved = resolveAnalyte(analyteText, cell(fields, 'loinc'));
    if (resolved === undefined) {
      const named = analyteText === '' ? cell(fields, 'loinc') : analyteText;
      if (named === '') {
        order.push({
          path: at(columns.analyte ? 'analyte' : 'loinc'),
          message: 'is required',
          code: 'required',
        });
      } else {
        ignored.add(`test ${named}`);
      }
      continue;
    }
    const key = columns.panel_id === undefined ? `date|${collectedText}` : `id|${panelId}`;
    if (columns.panel_id !== undefined && panelId === '') {
      order.push({ path: at('panel_id'), message: 'is required', code: 'required' });
      continue;
    }
    let panel = panels.get(key);
    if (panel === undefined) {
      panel = emptyPanel(panelId, line);
      panels.set(key, panel);
      order.push(panel);
    }
    panel.lastLine = line;
    readRow(panel, fields, { at, where, cell, resolved, commaDecimal, notices });
  }

  const items = order.map((slot, index): ImportItem => {
    if (!('results' in slot)) return { index, errors: [slot] };
    if (slot.errors.length > 0) return { index, errors: slot.errors };
    return {
      index,
      imported: { panel: toPanel(slot), warnings: slot.warnings, sources: slot.sources },
      errors: [],
      origin: toOrigin(slot),
    };
  });
  const done = ignored.result();
  if (items.length === 0) {
    return {
      kind: 'invalid',
      errors: [
        {
          path: [{ label: 'CSV' }],
          message: `holds no 25-hydroxyvitamin D, vitamin B12 or magnesium result${done.count > 0 ? ` (${done.count} rows of other tests ignored)` : ''}`,
          code: 'too-few',
        },
      ],
      ignored: done,
      notices,
    };
  }
  return { kind: 'csv', panels: items, batch: true, ignored: done, notices };
}

function emptyPanel(panelId: string, line: number): PanelRows {
  return {
    ...(panelId === '' ? {} : { id: panelId }),
    firstLine: line,
    lastLine: line,
    results: [],
    labels: [],
    sources: [],
    warnings: [],
    ruleSets: {},
    errors: [],
  };
}

interface RowContext {
  readonly at: (column: Column) => Location;
  readonly where: string;
  readonly cell: (fields: string[], column: Column) => string;
  readonly resolved: { analyte: AnalyteId; loinc?: string; warn?: WarningCode };
  readonly commaDecimal: boolean;
  readonly notices: ImportNotice[];
}

function readRow(panel: PanelRows, fields: string[], context: RowContext): void {
  const { at, where, cell, resolved, commaDecimal } = context;
  const errors = panel.errors;
  const resultIndex = panel.results.length;

  // Value: "42", "<5", ">= 150", "0,64" (decimal comma unless the delimiter is a comma).
  let valueText = cell(fields, 'value');
  let comparator: Comparator | undefined;
  const match = VALUE.exec(valueText);
  if (match !== null) {
    const number = match[2] ?? '';
    if (number.includes(',') && !commaDecimal) {
      errors.push({
        path: at('value'),
        message: 'has a decimal comma in a comma-separated file: write a decimal point',
        code: 'not-a-number',
      });
    }
    valueText = `${match[1] ?? ''}${number.replace(',', '.')}`;
  }
  const comparatorText = cell(fields, 'comparator');
  if (comparatorText !== '') {
    comparator = COMPARATORS.find((candidate) => candidate === comparatorText);
    if (comparator === undefined) {
      errors.push({
        path: at('comparator'),
        message: 'must be one of <, <=, >, >= (or empty)',
        code: 'invalid',
      });
    }
  }

  // The lab's range: lab_low + lab_high, or reference_range "30-100". Unusable ranges are dropped.
  let labRange: { low: number; high: number } | undefined;
  let rangePath: Location | undefined;
  const lowText = cell(fields, 'lab_low');
  const highText = cell(fields, 'lab_high');
  const rangeText = cell(fields, 'reference_range');
  if (lowText !== '' || highText !== '') {
    const low = readNumber(lowText, commaDecimal);
    const high = readNumber(highText, commaDecimal);
    if (low === undefined && lowText !== '') {
      errors.push({ path: at('lab_low'), message: 'must be a number', code: 'not-a-number' });
    } else if (high === undefined && highText !== '') {
      errors.push({ path: at('lab_high'), message: 'must be a number', code: 'not-a-number' });
    } else if (low === undefined || high === undefined || !(high > low)) {
      panel.warnings.push({
        resultIndex,
        ...rangeDroppedWarning(
          `${lowText || '?'}-${highText || '?'} is not a range: the lab's range was not used`,
        ),
      });
    } else {
      labRange = { low, high };
      rangePath = at('lab_low');
    }
  } else if (rangeText !== '') {
    const parts = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?)$/.exec(rangeText);
    const low = parts === null ? undefined : readNumber(parts[1] ?? '', commaDecimal);
    const high = parts === null ? undefined : readNumber(parts[2] ?? '', commaDecimal);
    if (low !== undefined && high !== undefined && high > low) {
      labRange = { low, high };
      rangePath = at('reference_range');
    } else {
      // "<5", ">30", "see note": one bound or text only cannot be a range for our comparison.
      panel.warnings.push({
        resultIndex,
        ...rangeDroppedWarning(
          `"${rangeText}" is not a low-high range: the lab's range was not used`,
        ),
      });
    }
  }

  const ruleSet = cell(fields, 'rule_set');
  if (ruleSet !== '') {
    const previous = panel.ruleSets[resolved.analyte];
    if (previous === undefined)
      panel.ruleSets[resolved.analyte] = { id: ruleSet, path: at('rule_set') };
    else if (previous.id !== ruleSet) {
      errors.push({
        path: at('rule_set'),
        message: `${ruleSet} differs from ${previous.id} for the same analyte in this panel`,
        code: 'invalid',
      });
    }
  }
  const collectedText = cell(fields, 'collected');
  if (collectedText !== '') {
    const date = readDate(collectedText);
    if ('error' in date) {
      errors.push({ path: at('collected'), message: date.error, code: 'invalid-date' });
    } else {
      if (date.note !== undefined) {
        context.notices.push({
          path: at('collected'),
          message: `${collectedText} ${date.note}: ${date.date}`,
        });
      }
      if (panel.collectedOn === undefined)
        panel.collectedOn = { value: date.date, path: at('collected') };
      else if (panel.collectedOn.value !== date.date) {
        errors.push({
          path: at('collected'),
          message: `${date.date} differs from ${panel.collectedOn.value} in this panel`,
          code: 'invalid',
        });
      }
    }
  }
  if (resolved.warn !== undefined && resolved.loinc !== undefined) {
    panel.warnings.push({ resultIndex, ...importWarning(resolved.warn, resolved.loinc) });
  }
  const flag = cell(fields, 'flag');
  panel.sources.push({
    ...(resolved.loinc === undefined ? {} : { loinc: resolved.loinc }),
    ...(flag === '' ? {} : { labFlag: [{ system: V2_FLAG_SYSTEM, code: flag }] }),
  });
  // Value and unit are checked by interpret() (the one validator); errors map back here.
  panel.results.push({
    analyte: resolved.analyte,
    value: valueText,
    unit: cell(fields, 'unit'),
    ...(comparator === undefined ? {} : { comparator }),
    ...(labRange === undefined ? {} : { labRange }),
  });
  panel.labels.push({
    label: [{ label: where }],
    fields: {
      analyte: at(fieldOr(cell, fields, 'analyte')),
      value: at('value'),
      unit: at('unit'),
      comparator: at(cell(fields, 'comparator') === '' ? 'value' : 'comparator'),
      ...(rangePath === undefined ? {} : { labRange: rangePath }),
      'labRange.low': at(
        rangePath !== undefined && cell(fields, 'lab_low') === '' ? 'reference_range' : 'lab_low',
      ),
      'labRange.high': at(
        rangePath !== undefined && cell(fields, 'lab_high') === '' ? 'reference_range' : 'lab_high',
      ),
    },
  });
}

function fieldOr(cell: RowContext['cell'], fields: string[], column: Column): Column {
  return cell(fields, column) === '' ? 'loinc' : column;
}

function toPanel(rows: PanelRows): Panel {
  const ruleSets: Partial<Record<AnalyteId, RuleSetId>> = {};
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) {
    // Rule-set ids are checked against the analyte by interpret().
    ruleSets[analyte as AnalyteId] = choice.id as RuleSetId;
  }
  return {
    ...(rows.id === undefined ? {} : { id: rows.id }),
    ...(rows.collectedOn === undefined ? {} : { collectedOn: rows.collectedOn.value }),
    ...(Object.keys(ruleSets).length === 0 ? {} : { ruleSets: ruleSets as Panel['ruleSets'] }),
    results: rows.results,
  };
}

function toOrigin(rows: PanelRows): ImportOrigin {
  const name = rows.id === undefined ? 'panel' : `panel ${rows.id}`;
  const panelFields: Record<string, Location> = {};
  if (rows.id !== undefined)
    panelFields.id = [{ label: `row ${rows.firstLine} (panel ${rows.id})` }, 'panel_id'];
  if (rows.collectedOn !== undefined) panelFields.collectedOn = rows.collectedOn.path;
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) {
    panelFields[`ruleSets.${analyte}`] = choice.path;
  }
  const span =
    rows.firstLine === rows.lastLine
      ? `row ${rows.firstLine}`
      : `rows ${rows.firstLine}-${rows.lastLine}`;
  return { prefix: [{ label: `${name} (${span})` }], results: rows.labels, panelFields };
}
