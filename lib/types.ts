/**
 * Domain types shared by every surface (screen, PDF, API, CLI). Closed sets are unions built
 * from `as const` tuples so that zod schemas and runtime checks reuse the same lists.
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
/** A status that is a real band on the scale (everything but `indeterminate`). */
export type BandStatus = Exclude<Status, 'indeterminate'>;

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
export type FhirInterpretationCode = 'LL' | 'L' | 'N' | 'H' | 'HH' | 'IND';

/** A bibliographic source. Every number and statement in `lib/` points at one by id. */
export interface Citation {
  /** Stable id, e.g. `holick-2011`. */
  readonly id: string;
  /** Short form for tables and footers, e.g. "Holick 2011". */
  readonly short: string;
  /** Full reference in Vancouver-like style. */
  readonly text: string;
  /** The exact title, as the source itself writes it. */
  readonly title: string;
  /** All authors, or the first three and "et al.", or the issuing body. */
  readonly authors: string;
  /** Year of publication (of the version cited). */
  readonly year: number;
  /** DOI without the resolver prefix, when the source has one. */
  readonly doi?: string;
  /** Link for sources without a DOI (MSD Manual, FDA). */
  readonly url?: string;
}

/** A numeric limit published (or exactly derived) in several units. */
export type QuantityByUnit = Readonly<Partial<Record<UnitCode, number>>>;

/** A rule set: the cut-offs A (deficient below), B (sufficient from) and C (upper limit). */
export interface RuleSet {
  readonly id: RuleSetId;
  readonly analyte: AnalyteId;
  readonly name: string;
  readonly isDefault: boolean;
  /** A below this is deficient. */
  readonly deficientBelow: QuantityByUnit;
  /** At or above this (and not above the upper limit) is sufficient. Equal to A = no insufficient band. */
  readonly sufficientFrom: QuantityByUnit;
  /** Above this is high; equal is still sufficient. */
  readonly upperLimit: QuantityByUnit;
  /** Below this is critical (optional). */
  readonly criticalBelow?: QuantityByUnit;
  /** Above this is critical (optional). */
  readonly criticalAbove?: QuantityByUnit;
  /** Whether the critical limits need local confirmation (lab-specific). */
  readonly criticalNeedsLocalCheck: boolean;
  /** What the upper limit means ("possible toxicity", "may be reason for concern"). */
  readonly upperLimitMeaning: string;
  /** Clinician-facing caveats shown with the rule set. */
  readonly caveats: readonly string[];
  /** Per-band notes (e.g. the proposed 0.70-0.85 mmol/L band). */
  readonly bandNotes: Readonly<Partial<Record<BandStatus, string>>>;
  readonly citationIds: readonly string[];
}

/** A unit the analyte accepts, with its factor to the analyte's base unit. */
export interface UnitDefinition {
  readonly code: UnitCode;
  /** value_in_unit * toBase = value in the analyte's base unit. */
  readonly toBase: number;
  /** Decimal places used when a value in this unit is shown. */
  readonly displayDecimals: number;
  /** Explains the factor ("= ng/mL", "x 2.496 (M = 400.65 g/mol)"). */
  readonly basis: string;
  readonly citationIds: readonly string[];
  /** LOINC code used for this unit's kind of property. */
  readonly loinc: string;
}

/** A back-pain evidence statement about an analyte. */
export interface BackPainStatement {
  readonly id: string;
  readonly claim: string;
  readonly strength: EvidenceStrength;
  /** Which statuses make this statement relevant (empty = always shown). */
  readonly relevantFor: readonly BandStatus[];
  readonly citationIds: readonly string[];
}

/** A next step the clinician expects for a status. */
export interface NextStep {
  readonly id: string;
  readonly status: BandStatus;
  readonly text: string;
  /**
   * True when the step says nothing needs doing. A censored result that could also be in a band
   * with an action drops it, so it never reads "check PTH" and "no further tests" together.
   */
  readonly reassuring?: boolean;
  readonly citationIds: readonly string[];
}

/**
 * Which results a context note applies to: `low` when every band the value can be in is
 * deficient or insufficient, `not-low` otherwise, `normal` when certainly sufficient, `high`
 * when certainly high.
 */
export type NoteDirection = 'low' | 'not-low' | 'normal' | 'high';

/** A note added when a context flag is ticked (only on results of its direction, if given). */
export interface ContextNote {
  readonly id: string;
  readonly context: ContextFlag;
  readonly direction?: NoteDirection;
  readonly text: string;
  readonly citationIds: readonly string[];
}

/** Plausibility rules of an analyte (design rules, not guideline facts). */
export interface Plausibility {
  /** Values above this are physically impossible and rejected. */
  readonly hardStopAbove: { readonly value: number; readonly unit: UnitCode };
  /** Usual assay range; outside it we accept the value and warn. */
  readonly assayRange: { readonly low?: number; readonly high: number; readonly unit: UnitCode };
  /** Patterns that suggest the wrong unit was picked. */
  readonly unitMixups: ReadonlyArray<{
    readonly unit: UnitCode;
    readonly above?: number;
    readonly below?: number;
    /** Inclusive range check when both are given as a window. */
    readonly within?: { readonly low: number; readonly high: number };
    readonly likelyUnits: readonly UnitCode[];
  }>;
}

/** Everything the library knows about one analyte. */
export interface Analyte {
  readonly id: AnalyteId;
  readonly name: string;
  readonly shortName: string;
  readonly baseUnit: UnitCode;
  /** Default unit on the entry form. */
  readonly defaultUnit: UnitCode;
  /** Analyte-specific wording of a status, e.g. B12 "Insufficient (borderline)". */
  readonly statusLabels: Readonly<Partial<Record<Status, string>>>;
  readonly units: readonly UnitDefinition[];
  /** LOINC codes accepted on input (FHIR), with the analyte-specific note. */
  readonly loincCodes: ReadonlyArray<{
    readonly code: string;
    readonly display: string;
    readonly unit: UnitCode;
    readonly warn?: WarningCode;
  }>;
  readonly ruleSets: readonly RuleSet[];
  readonly plausibility: Plausibility;
  readonly backPain: {
    /** Clinician summary of what the status means for back pain. */
    readonly summaryByStatus: Readonly<Record<Status, string>>;
    readonly statements: readonly BackPainStatement[];
  };
  readonly nextSteps: readonly NextStep[];
  readonly contextNotes: readonly ContextNote[];
  /** Notices shown next to every band of this analyte (e.g. the 2024 Endocrine Society guideline). */
  readonly notices: ReadonlyArray<{
    readonly id: string;
    readonly text: string;
    readonly citationIds: readonly string[];
  }>;
  readonly citationIds: readonly string[];
}

/** A band on the scale, in one unit, as the screen and PDF draw it. */
export interface Band {
  readonly status: BandStatus;
  /** Lower bound (null = 0 / open). */
  readonly lower: number | null;
  /** Upper bound (null = open ended). */
  readonly upper: number | null;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
  /** "< 20", "20 to < 30", "30 to 100", "> 100". */
  readonly rangeText: string;
  readonly note?: string;
}

/** The cut-offs of the rule set, expressed in the reported unit. */
export interface CutoffsInUnit {
  readonly unit: UnitCode;
  readonly deficientBelow: number;
  readonly sufficientFrom: number;
  readonly upperLimit: number;
  readonly criticalBelow?: number;
  readonly criticalAbove?: number;
  /** The critical limits as one clinician-facing sentence, when the rule set has any. */
  readonly criticalText?: string;
  /** True when the source does not publish this unit and the cut-offs were converted exactly. */
  readonly derived: boolean;
}

/** A field-level problem with the input. */
export interface FieldError {
  /** Path such as `results[0].value`. */
  readonly path: string;
  readonly message: string;
  readonly code: ErrorCode;
}

/** Error codes used at every boundary (one table maps them to messages). */
export type ErrorCode =
  | 'required'
  | 'invalid-type'
  | 'not-positive'
  | 'not-a-number'
  | 'unknown-analyte'
  | 'unknown-unit'
  | 'unit-not-for-analyte'
  | 'implausible'
  | 'unknown-rule-set'
  | 'rule-set-not-for-analyte'
  | 'unknown-context'
  | 'invalid-range'
  | 'invalid-date'
  | 'too-few'
  | 'too-many'
  | 'too-long'
  | 'unknown-key'
  | 'invalid';

/** A result value as entered, normalised. */
export interface ResultInput {
  readonly value: number;
  /** Comparator of a censored result, null for an exact value. */
  readonly comparator: Comparator | null;
  /** The unit exactly as it was entered ("mEq/L"). */
  readonly unitEntered: string;
  /** The normalised UCUM code ("meq/L"). */
  readonly unit: UnitCode;
  /** "<5 ng/mL", "42 nmol/L". */
  readonly display: string;
}

/** A value converted to another accepted unit. */
export interface ConvertedValue {
  readonly value: number;
  readonly unit: UnitCode;
  /** Same comparator as the input, e.g. "<12.5 nmol/L". */
  readonly display: string;
}

/** A resolved back-pain statement with its strength label. */
export interface BackPainFinding {
  readonly id: string;
  readonly claim: string;
  readonly strength: EvidenceStrength;
  /** "Established mechanism", "Systematic review: no benefit". */
  readonly strengthLabel: string;
  readonly citationIds: readonly string[];
}

/** The interpretation of one result. Every surface renders these fields and nothing else. */
export interface ResultInterpretation {
  /** Position in the input panel. */
  readonly index: number;
  readonly analyte: AnalyteId;
  readonly analyteName: string;
  readonly analyteShortName: string;
  readonly loinc: string;
  readonly input: ResultInput;
  readonly status: Status;
  /** "Deficient", "Insufficient (borderline)", "Indeterminate". */
  readonly statusLabel: string;
  /** Why a censored result could not be classified, when status is indeterminate. */
  readonly indeterminateReason?: string;
  /** The bands an indeterminate (censored) value can be in, ascending; only when indeterminate. */
  readonly possibleStatuses?: readonly BandStatus[];
  readonly ruleSet: {
    readonly id: RuleSetId;
    readonly name: string;
    readonly isDefault: boolean;
    readonly upperLimitMeaning: string;
    readonly caveats: readonly string[];
    readonly citationIds: readonly string[];
  };
  readonly cutoffs: CutoffsInUnit;
  /** The rule set's bands in the reported unit, ascending. */
  readonly bands: readonly Band[];
  readonly critical: boolean;
  /** Why the value is critical, when it is. */
  readonly criticalMessage?: string;
  readonly warnings: ReadonlyArray<{ readonly code: WarningCode; readonly message: string }>;
  /** The lab's report status when the result came from a lab document (FHIR, HL7 v2). */
  readonly reportStatus?: 'preliminary' | 'final' | 'amended' | 'corrected';
  readonly converted: readonly ConvertedValue[];
  readonly labRange?: {
    readonly low: number;
    readonly high: number;
    readonly unit: UnitCode;
    readonly position: 'below' | 'within' | 'above' | 'unknown';
  };
  readonly fhirInterpretation: FhirInterpretationCode;
  readonly backPain: {
    readonly summary: string;
    readonly findings: readonly BackPainFinding[];
  };
  readonly nextSteps: ReadonlyArray<{
    readonly id: string;
    readonly text: string;
    readonly citationIds: readonly string[];
  }>;
  /** Context notes and analyte notices (e.g. the 2024 Endocrine Society guideline). */
  readonly notes: ReadonlyArray<{
    readonly id: string;
    readonly source: ContextFlag | 'notice' | 'band';
    readonly text: string;
    readonly citationIds: readonly string[];
  }>;
  /** Clinician safety content (section 8): what to do today, anchoring, regimens, interactions. */
  readonly safety: ReadonlyArray<{
    readonly id: string;
    readonly kind: SafetyKind;
    readonly text: string;
    readonly citationIds: readonly string[];
  }>;
  /** Every citation id this result uses, de-duplicated, in first-use order. */
  readonly citationIds: readonly string[];
}

/** The interpretation of a whole panel. */
export interface Interpretation {
  readonly rulesVersion: string;
  readonly panelId: string | null;
  readonly patient: { readonly name?: string; readonly birthDate?: string };
  readonly clinician: { readonly name?: string; readonly clinic?: string; readonly phone?: string };
  readonly collectedOn: string | null;
  /** The date the interpretation is "as of", passed in by the caller (no hidden clock). */
  readonly asOf: string | null;
  readonly context: readonly ContextFlag[];
  readonly results: readonly ResultInterpretation[];
}

/** The outcome of `interpret()`: a value or the list of problems with the input. */
export type InterpretOutcome =
  | { readonly ok: true; readonly value: Interpretation }
  | { readonly ok: false; readonly errors: readonly FieldError[] };
