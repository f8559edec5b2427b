import type { AnalyteId, WarningCode } from '../../types';
import { ANALYTE_IDS } from '../../types';
import { LOINC_TO_ANALYTE } from '../loinc';

/** The columns we read, and the header spellings lab systems use for each (compared squashed). */
export const COLUMN_SPELLINGS = {
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

export type Column = keyof typeof COLUMN_SPELLINGS;

export function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export const SPELLING_TO_COLUMN: ReadonlyMap<string, Column> = new Map(
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
export function resolveAnalyte(
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

/** The cells of the columns we read, with their header names (for locations). */
export type Columns = Partial<Record<Column, { index: number; name: string }>>;
