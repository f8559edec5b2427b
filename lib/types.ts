/**
 * Domain types shared by every surface (screen, PDF, API, CLI): the closed sets, the analyte
 * data model, field errors, and the interpretation types, which are read from their zod schema
 * (lib/interpretation-schema.ts) rather than written a second time.
 */
import type {
  AnalyteId,
  BandStatus,
  ContextFlag,
  EvidenceStrength,
  RuleSetId,
  Status,
  UnitCode,
  WarningCode,
} from './closed-sets';
import type { Interpretation } from './interpretation-schema';

export * from './closed-sets';
export type {
  BackPainFinding,
  Band,
  ConvertedValue,
  CutoffsInUnit,
  Interpretation,
  ResultInput,
  ResultInterpretation,
} from './interpretation-schema';

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

/**
 * Where a field is in the input, as segments, outermost first: `['results', 0, 'value']`.
 * Kept as segments until a door prints it (`formatLocation` in lib/formats/location.ts prints
 * `results[0].value`); empty for the input as a whole.
 */
export type FieldPath = readonly (string | number)[];

/** A field-level problem with the input. */
export interface FieldError {
  /** Where the problem is, e.g. `['results', 0, 'value']`. */
  readonly path: FieldPath;
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

/** The outcome of `interpret()`: a value or the list of problems with the input. */
export type InterpretOutcome =
  | { readonly ok: true; readonly value: Interpretation }
  | { readonly ok: false; readonly errors: readonly FieldError[] };
