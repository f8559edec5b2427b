import { panelKey } from '../codes';
import type { Interpretation } from '../../types';
import { formatNumber } from '../../units';

/** Columns we write (see {@link toCsvRows}); on input the computed ones are ignored. */
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
