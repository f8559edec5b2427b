import { panelKey } from './fhir';
import type { ImportItem, ImportOrigin } from './import';
import type { Panel, PanelResult } from './schemas';
import type { AnalyteId, Comparator, FieldError, Interpretation } from './types';
import { formatNumber } from './units';
import { ANALYTE_IDS, COMPARATORS } from './types';

/** Columns every CSV must have, in any order. */
export const CSV_REQUIRED_COLUMNS = ['panel_id', 'analyte', 'value', 'unit'] as const;

/**
 * Optional input columns. `comparator` (<, <=, >, >=) is an alternative to writing "<5" in
 * `value`; `lab_low`/`lab_high` are the lab's range in the row's unit (both or neither);
 * `rule_set` chooses the rule set of the row's analyte for its panel; `collected_on`
 * (YYYY-MM-DD) is the panel's collection date. Empty cells mean "not given".
 */
export const CSV_OPTIONAL_COLUMNS = [
  'comparator',
  'lab_low',
  'lab_high',
  'rule_set',
  'collected_on',
] as const;

/**
 * Columns we write (see {@link toCsvRows}). On input the computed ones (`status`, `critical`,
 * `fhir_interpretation`, `warnings`) are accepted and ignored, so our output reads back in.
 */
export const CSV_OUTPUT_COLUMNS = [
  'panel_id',
  'analyte',
  'value',
  'comparator',
  'unit',
  'lab_low',
  'lab_high',
  'status',
  'critical',
  'fhir_interpretation',
  'rule_set',
  'warnings',
] as const;

const IGNORED_COLUMNS = ['status', 'critical', 'fhir_interpretation', 'warnings'] as const;

type InputColumn =
  | (typeof CSV_REQUIRED_COLUMNS)[number]
  | (typeof CSV_OPTIONAL_COLUMNS)[number]
  | (typeof IGNORED_COLUMNS)[number];

const KNOWN_COLUMNS: readonly InputColumn[] = [
  ...CSV_REQUIRED_COLUMNS,
  ...CSV_OPTIONAL_COLUMNS,
  ...IGNORED_COLUMNS,
];

/** A record of the file and the line it starts on (1-based; the header is line 1). */
interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into records (RFC 4180: fields in double quotes may hold commas, line breaks
 * and doubled quotes; CRLF or LF line ends). Unquoted fields are trimmed.
 * @param text - the CSV text
 * @returns the records, or the line of an unterminated quoted field
 */
export function splitCsvRecords(
  text: string,
): { ok: true; records: CsvRecord[] } | { ok: false; line: number } {
  const records: CsvRecord[] = [];
  const length = text.length;
  let position = 0;
  let line = 1;
  while (position < length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      // One field, starting at `position`.
      let start = position;
      while (start < length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) {
        start++;
      }
      if (start < length && text.charCodeAt(start) === QUOTE) {
        let value = '';
        let cursor = start + 1;
        for (;;) {
          const close = text.indexOf('"', cursor);
          if (close === -1) return { ok: false, line: recordLine };
          const chunk = text.slice(cursor, close);
          for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
          value += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            cursor = close + 2;
            continue;
          }
          cursor = close + 1;
          break;
        }
        // Skip anything up to the separator (spaces after a closing quote).
        while (cursor < length) {
          const code = text.charCodeAt(cursor);
          if (code === COMMA || code === LF || code === CR) break;
          cursor++;
        }
        fields.push(value);
        position = cursor;
      } else {
        let end = position;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === COMMA || code === LF || code === CR) break;
          end++;
        }
        fields.push(text.slice(position, end).trim());
        position = end;
      }
      const separator = position < length ? text.charCodeAt(position) : LF;
      if (separator === COMMA) {
        position++;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of text.
      if (separator === CR && text.charCodeAt(position + 1) === LF) position += 2;
      else position++;
      line++;
      break;
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}

const NUMBER_TEXT = /^(\d+(?:\.\d+)?|\.\d+)$/;

/** A panel being assembled from its rows. */
interface PanelRows {
  readonly id: string;
  readonly firstLine: number;
  lastLine: number;
  readonly results: PanelResult[];
  readonly labels: Array<ImportOrigin['results'][number]>;
  readonly ruleSets: Partial<Record<AnalyteId, { id: string; line: number }>>;
  collectedOn?: { value: string; line: number };
  readonly errors: FieldError[];
}

function isAnalyteId(value: string): value is AnalyteId {
  return ANALYTE_IDS.some((id) => id === value);
}

/**
 * Reads CSV panels. The header names the columns (case-insensitive, any order): `panel_id`,
 * `analyte` (vitamin-d, vitamin-b12, magnesium), `value` (42, <5, >=150) and `unit` are required;
 * see {@link CSV_OPTIONAL_COLUMNS} for the optional ones. Unknown columns are refused rather than
 * dropped, so a misspelt column (e.g. `units`) is not silently ignored. Rows with the same
 * `panel_id` form one panel, in order of first appearance. A row that cannot be read (wrong
 * number of fields, no panel id, bad comparator or lab range, conflicting date or rule set)
 * stops its panel: the panel is reported, never interpreted without that row.
 * @param text - the CSV text (header first; blank lines are skipped)
 * @returns one item per panel, or errors when the header itself is unusable
 */
export function parseCsv(
  text: string,
): { ok: true; panels: ImportItem[] } | { ok: false; errors: FieldError[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const split = splitCsvRecords(body);
  if (!split.ok) {
    return {
      ok: false,
      errors: [
        {
          path: `row ${split.line}`,
          message: 'has a quoted field that never ends',
          code: 'invalid',
        },
      ],
    };
  }
  const [header, ...rows] = split.records;
  if (header === undefined) {
    return { ok: false, errors: [{ path: '(input)', message: 'is empty', code: 'required' }] };
  }
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const headerErrors: FieldError[] = [];
  columns.forEach((name, index) => {
    if (!KNOWN_COLUMNS.some((known) => known === name)) {
      headerErrors.push({
        path: `header column ${index + 1}`,
        message: `"${name}" is not a known column; use ${[...CSV_REQUIRED_COLUMNS, ...CSV_OPTIONAL_COLUMNS].join(', ')}`,
        code: 'unknown-key',
      });
    } else if (columns.indexOf(name) !== index) {
      headerErrors.push({
        path: `header column ${index + 1}`,
        message: `"${name}" appears twice`,
        code: 'invalid',
      });
    }
  });
  for (const required of CSV_REQUIRED_COLUMNS) {
    if (!columns.includes(required)) {
      headerErrors.push({ path: `header ${required}`, message: 'is required', code: 'required' });
    }
  }
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };

  const at = (name: InputColumn): number => columns.indexOf(name);
  const column = {
    panelId: at('panel_id'),
    analyte: at('analyte'),
    value: at('value'),
    unit: at('unit'),
    comparator: at('comparator'),
    labLow: at('lab_low'),
    labHigh: at('lab_high'),
    ruleSet: at('rule_set'),
    collectedOn: at('collected_on'),
  };
  const cell = (fields: string[], index: number): string =>
    index === -1 ? '' : (fields[index] ?? '');

  const order: Array<PanelRows | FieldError> = [];
  const panels = new Map<string, PanelRows>();
  for (const record of rows) {
    const { line, fields } = record;
    const panelId = cell(fields, column.panelId);
    const where = panelId === '' ? `row ${line}` : `row ${line} (panel ${panelId})`;
    if (panelId === '') {
      order.push(
        fields.length === columns.length
          ? { path: `${where} panel_id`, message: 'is required', code: 'required' }
          : {
              path: where,
              message: `has ${fields.length} fields; the header has ${columns.length}`,
              code: 'invalid',
            },
      );
      continue;
    }
    let panel = panels.get(panelId);
    if (panel === undefined) {
      panel = {
        id: panelId,
        firstLine: line,
        lastLine: line,
        results: [],
        labels: [],
        ruleSets: {},
        errors: [],
      };
      panels.set(panelId, panel);
      order.push(panel);
    }
    if (fields.length !== columns.length) {
      panel.errors.push({
        path: where,
        message: `has ${fields.length} fields; the header has ${columns.length}`,
        code: 'invalid',
      });
      continue;
    }
    panel.lastLine = line;
    const errors = panel.errors;

    const analyte = cell(fields, column.analyte);
    const comparatorText = cell(fields, column.comparator);
    let comparator: Comparator | undefined;
    if (comparatorText !== '') {
      comparator = COMPARATORS.find((candidate) => candidate === comparatorText);
      if (comparator === undefined) {
        errors.push({
          path: `${where} comparator`,
          message: 'must be one of <, <=, >, >= (or empty)',
          code: 'invalid',
        });
      }
    }
    const lowText = cell(fields, column.labLow);
    const highText = cell(fields, column.labHigh);
    let labRange: { low: number; high: number } | undefined;
    if (lowText !== '' || highText !== '') {
      const lowOk = NUMBER_TEXT.test(lowText);
      const highOk = NUMBER_TEXT.test(highText);
      if (!lowOk) {
        errors.push({
          path: `${where} lab_low`,
          message: 'must be a number (give lab_low and lab_high together)',
          code: 'not-a-number',
        });
      }
      if (!highOk) {
        errors.push({
          path: `${where} lab_high`,
          message: 'must be a number (give lab_low and lab_high together)',
          code: 'not-a-number',
        });
      }
      if (lowOk && highOk) labRange = { low: Number(lowText), high: Number(highText) };
    }
    const ruleSet = cell(fields, column.ruleSet);
    if (ruleSet !== '' && isAnalyteId(analyte)) {
      const previous = panel.ruleSets[analyte];
      if (previous === undefined) panel.ruleSets[analyte] = { id: ruleSet, line };
      else if (previous.id !== ruleSet) {
        errors.push({
          path: `${where} rule_set`,
          message: `${ruleSet} differs from ${previous.id} on row ${previous.line} for the same analyte`,
          code: 'invalid',
        });
      }
    }
    const collectedOn = cell(fields, column.collectedOn);
    if (collectedOn !== '') {
      if (panel.collectedOn === undefined) panel.collectedOn = { value: collectedOn, line };
      else if (panel.collectedOn.value !== collectedOn) {
        errors.push({
          path: `${where} collected_on`,
          message: `${collectedOn} differs from ${panel.collectedOn.value} on row ${panel.collectedOn.line}`,
          code: 'invalid',
        });
      }
    }

    // analyte and value are checked by interpret() (the one validator); errors map back here.
    panel.results.push({
      analyte: analyte as AnalyteId,
      value: cell(fields, column.value),
      unit: cell(fields, column.unit),
      ...(comparator === undefined ? {} : { comparator }),
      ...(labRange === undefined ? {} : { labRange }),
    });
    panel.labels.push({
      label: where,
      fields: {
        analyte: `${where} analyte`,
        value: `${where} value`,
        unit: `${where} unit`,
        comparator: column.comparator === -1 ? `${where} value` : `${where} comparator`,
        labRange: `${where} lab_low/lab_high`,
        'labRange.low': `${where} lab_low`,
        'labRange.high': `${where} lab_high`,
      },
    });
  }

  const items = order.map((slot, index): ImportItem => {
    if (!('results' in slot)) return { index, errors: [slot] };
    if (slot.errors.length > 0) return { index, errors: slot.errors };
    return {
      index,
      imported: { panel: toPanel(slot), warnings: [] },
      errors: [],
      origin: toOrigin(slot),
    };
  });
  return { ok: true, panels: items };
}

function toPanel(rows: PanelRows): Panel {
  const ruleSets: Record<string, string> = {};
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) ruleSets[analyte] = choice.id;
  return {
    id: rows.id,
    ...(rows.collectedOn === undefined ? {} : { collectedOn: rows.collectedOn.value }),
    // Rule-set ids are checked against the analyte by interpret().
    ...(Object.keys(ruleSets).length === 0 ? {} : { ruleSets: ruleSets as Panel['ruleSets'] }),
    results: rows.results,
  };
}

function toOrigin(rows: PanelRows): ImportOrigin {
  const first = `row ${rows.firstLine} (panel ${rows.id})`;
  const panelFields: Record<string, string> = { id: `${first} panel_id` };
  if (rows.collectedOn !== undefined) {
    panelFields.collectedOn = `row ${rows.collectedOn.line} (panel ${rows.id}) collected_on`;
  }
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) {
    panelFields[`ruleSets.${analyte}`] = `row ${choice.line} (panel ${rows.id}) rule_set`;
  }
  const span =
    rows.firstLine === rows.lastLine
      ? `row ${rows.firstLine}`
      : `rows ${rows.firstLine}-${rows.lastLine}`;
  return { prefix: `panel ${rows.id} (${span}) `, results: rows.labels, panelFields };
}

/**
 * Whether a panel key is written as it is: it starts with a letter or digit and holds only
 * letters, digits, "-", "_" and "." (no formula start, nothing to quote), checked without the
 * regexes of the general path. Most keys are like this.
 * @param key - the panel key
 * @returns true when neither quoting nor the formula guard applies
 */
function isPlainKey(key: string): boolean {
  const length = key.length;
  if (length === 0) return false;
  for (let index = 0; index < length; index++) {
    const code = key.charCodeAt(index);
    const alnum =
      (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (alnum) continue;
    if (index === 0 || (code !== 45 && code !== 95 && code !== 46)) return false;
  }
  return true;
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Formats one CSV field: quoted when it holds a comma, quote, line break or edge spaces.
 * @param value - the field text
 * @returns the field as written in the file
 */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Formats one CSV line (without the line end).
 * @param fields - the fields
 * @returns the fields, escaped and joined by commas
 */
export function formatCsvLine(fields: readonly string[]): string {
  let line = '';
  for (let index = 0; index < fields.length; index++) {
    if (index > 0) line += ',';
    line += formatCsvField(fields[index] ?? '');
  }
  return line;
}

/**
 * One row per result with its status, in the order of {@link CSV_OUTPUT_COLUMNS}. A panel id
 * that a spreadsheet would run as a formula (starts with =, +, -, @) gets a leading apostrophe.
 * @param interpretation - the interpretation
 * @param position - its position in the output (a panel without id is written `panel-N`)
 * @returns the rows (not escaped; see {@link formatCsvLine})
 */
export function toCsvRows(interpretation: Interpretation, position: number): string[][] {
  const key = panelKey(interpretation, position);
  const panelId = FORMULA_START.test(key) ? `'${key}` : key;
  return interpretation.results.map((result) => [
    panelId,
    result.analyte,
    String(result.input.value),
    result.input.comparator ?? '',
    result.input.unit,
    result.labRange === undefined ? '' : String(result.labRange.low),
    result.labRange === undefined ? '' : String(result.labRange.high),
    result.status,
    result.critical ? 'true' : 'false',
    result.fhirInterpretation,
    result.ruleSet.id,
    result.warnings.map((warning) => warning.code).join(';'),
  ]);
}

/**
 * The CSV lines of one interpretation, each ending with LF: the same text as
 * `formatCsvLine` over {@link toCsvRows}, built directly because a batch writes 300,000 of them
 * (only the panel id can need quoting; every other field is a number or a code).
 * @param interpretation - the interpretation
 * @param position - its position in the output (a panel without id is written `panel-N`)
 * @returns the lines
 */
export function toCsvLines(interpretation: Interpretation, position: number): string {
  const key = panelKey(interpretation, position);
  const panelId = isPlainKey(key) ? key : formatCsvField(FORMULA_START.test(key) ? `'${key}` : key);
  let text = '';
  for (const result of interpretation.results) {
    const range = result.labRange;
    const input = result.input;
    let warnings = '';
    for (let index = 0; index < result.warnings.length; index++) {
      warnings += index === 0 ? result.warnings[index]?.code : `;${result.warnings[index]?.code}`;
    }
    text += `${panelId},${result.analyte},${formatNumber(input.value)},${input.comparator ?? ''},${input.unit},${range === undefined ? '' : formatNumber(range.low)},${range === undefined ? '' : formatNumber(range.high)},${result.status},${result.critical ? 'true' : 'false'},${result.fhirInterpretation},${result.ruleSet.id},${warnings}\n`;
  }
  return text;
}

/**
 * Writes interpretations as CSV text: the header, then one line per result (LF line ends).
 * @param interpretations - interpretations, in output order
 * @returns the CSV text, ending with a line break
 */
export function toCsv(interpretations: readonly Interpretation[]): string {
  let text = `${formatCsvLine(CSV_OUTPUT_COLUMNS)}\n`;
  interpretations.forEach((interpretation, position) => {
    text += toCsvLines(interpretation, position);
  });
  return text;
}
