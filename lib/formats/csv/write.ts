import { panelKey } from '../codes';
import type { Interpretation } from '../../types';
import { formatNumber } from '../../units';

/** Columns we write (see {@link toCsvLines}); on input the computed ones are ignored. */
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

/** A field that must be quoted: it holds a comma, quote or line break, or starts or ends with a space. */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Either of the two above: most panel ids are neither and are written as they are. */
const NEEDS_CARE = /[",\r\n]|^[\s=+\-@]|\s$/;

/**
 * Formats one CSV field: quoted when it holds a comma, quote, line break or edge spaces.
 * @param value - the field text
 * @returns the field as written in the file
 */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Formats a field whose text comes from the input (the panel id): a text a spreadsheet would run
 * as a formula (starts with =, +, -, @, tab or CR) gets a leading apostrophe, then it is quoted
 * like any field.
 * @param text - the text as given
 * @returns the field as written in the file
 */
export function formatCsvText(text: string): string {
  if (!NEEDS_CARE.test(text)) return text;
  return formatCsvField(FORMULA_START.test(text) ? `'${text}` : text);
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

/** Where CSV lines go, field by field (the CLI's writer copies each into its byte buffer). */
export interface CsvOutput {
  /** One field, as written in the file, and the comma after it. */
  field(text: string): void;
  /** The last field of a line, as written in the file, and the line end (LF). */
  lastField(text: string): void;
}

/**
 * Writes the CSV lines of one interpretation: one per result, in the order of
 * {@link CSV_OUTPUT_COLUMNS}. The panel id is the only field from the input (see
 * {@link formatCsvText}); every other field is a number or one of our codes, which never needs
 * quoting, so it is written as it is (a batch writes 300,000 lines).
 * @param interpretation - the interpretation
 * @param position - its position in the output (a panel without id is written `panel-N`)
 * @param out - where the lines go
 */
export function writeCsvLines(
  interpretation: Interpretation,
  position: number,
  out: CsvOutput,
): void {
  const panelId = formatCsvText(panelKey(interpretation, position));
  for (const result of interpretation.results) {
    const { input, labRange, warnings } = result;
    out.field(panelId);
    out.field(result.analyte);
    out.field(formatNumber(input.value));
    out.field(input.comparator ?? '');
    out.field(input.unit);
    out.field(labRange === undefined ? '' : formatNumber(labRange.low));
    out.field(labRange === undefined ? '' : formatNumber(labRange.high));
    out.field(result.status);
    out.field(result.critical ? 'true' : 'false');
    out.field(result.fhirInterpretation);
    out.field(result.ruleSet.id);
    let codes = '';
    for (let index = 0; index < warnings.length; index++) {
      codes += index === 0 ? warnings[index]?.code : `;${warnings[index]?.code}`;
    }
    out.lastField(codes);
  }
}

/**
 * The CSV lines of one interpretation as text (see {@link writeCsvLines}).
 * @param interpretation - the interpretation
 * @param position - its position in the output
 * @returns the lines, each ending with LF
 */
export function toCsvLines(interpretation: Interpretation, position: number): string {
  let text = '';
  writeCsvLines(interpretation, position, {
    field: (field) => {
      text += `${field},`;
    },
    lastField: (field) => {
      text += `${field}\n`;
    },
  });
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
