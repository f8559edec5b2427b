/**
 * The closed sets of the domain: analytes, units, statuses, rule sets, context flags, codes.
 * Each is an `as const` tuple and the union type read from it, so zod schemas (input and
 * output) and runtime checks reuse the same lists.
 */

/** The analytes the interpreter knows. */
export const ANALYTE_IDS = ['vitamin-d', 'vitamin-b12', 'magnesium'] as const;
/** One of {@link ANALYTE_IDS}. */
export type AnalyteId = (typeof ANALYTE_IDS)[number];

/** Canonical UCUM unit codes we output (case-sensitive, as UCUM writes them). */
export const UNIT_CODES = [
  'ng/mL',
  'ug/L',
  'nmol/L',
  'pg/mL',
  'ng/L',
  'pmol/L',
  'mg/dL',
  'mmol/L',
  'meq/L',
] as const;
/** One of {@link UNIT_CODES}. */
export type UnitCode = (typeof UNIT_CODES)[number];

/** Band statuses, in ascending order of value (indeterminate last: it is not a band). */
export const STATUSES = [
  'deficient',
  'insufficient',
  'sufficient',
  'high',
  'indeterminate',
] as const;
/** One of {@link STATUSES}. */
export type Status = (typeof STATUSES)[number];
/** The statuses that are real bands on the scale (everything but `indeterminate`), ascending. */
export const BAND_STATUSES = ['deficient', 'insufficient', 'sufficient', 'high'] as const;
/** One of {@link BAND_STATUSES}. */
export type BandStatus = (typeof BAND_STATUSES)[number];

/** Rule-set identifiers, one family per analyte. */
export const RULE_SET_IDS = [
  'endocrine-society-2011',
  'iom-2011',
  'b12-common',
  'b12-wide-350',
  'b12-wide-400',
  'mg-rosanoff-2022',
  'mg-conventional',
] as const;
/** One of {@link RULE_SET_IDS}. */
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/** Clinical context the clinician can tick; each adds notes to the affected results. */
export const CONTEXT_FLAGS = [
  'metformin',
  'ppi',
  'ckd',
  'pregnancy',
  'age-65-plus',
  'biotin',
  'recent-b12-injection',
] as const;
/** One of {@link CONTEXT_FLAGS}. */
export type ContextFlag = (typeof CONTEXT_FLAGS)[number];

/** Comparators of a censored result ("<5", ">=150"). */
export const COMPARATORS = ['<', '<=', '>', '>='] as const;
/** One of {@link COMPARATORS}. */
export type Comparator = (typeof COMPARATORS)[number];

/** How strong the evidence behind a back-pain statement is. */
export const EVIDENCE_STRENGTHS = [
  'established-mechanism',
  'established-physiology',
  'observational',
  'weak-correlation',
  'single-small-rct',
  'small-rcts',
  'systematic-review-null',
  'observational-null',
  'no-evidence',
] as const;
/** One of {@link EVIDENCE_STRENGTHS}. */
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

/** Warning codes a result can carry. */
export const WARNING_CODES = [
  'possible-unit-mixup',
  'lab-range-discordant',
  'outside-assay-range',
  'vitamin-d3-only-code',
  'preliminary-result',
  'lab-range-dropped',
] as const;
/** One of {@link WARNING_CODES}. */
export type WarningCode = (typeof WARNING_CODES)[number];

/** Kinds of clinician safety content, in the order the card shows them. */
export const SAFETY_KINDS = ['today', 'anchoring', 'caution', 'regimen', 'interaction'] as const;
/** One of {@link SAFETY_KINDS}. */
export type SafetyKind = (typeof SAFETY_KINDS)[number];

/** FHIR v3-ObservationInterpretation codes we emit (`IND` = indeterminate). */
export const FHIR_INTERPRETATION_CODES = ['LL', 'L', 'N', 'H', 'HH', 'IND'] as const;
/** One of {@link FHIR_INTERPRETATION_CODES}. */
export type FhirInterpretationCode = (typeof FHIR_INTERPRETATION_CODES)[number];

/** Report statuses of a lab result that the interpreter keeps (from FHIR or HL7 v2). */
export const REPORT_STATUSES = ['preliminary', 'final', 'amended', 'corrected'] as const;
/** One of {@link REPORT_STATUSES}. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];
