/**
 * The interpretation as zod: the one definition of what `interpret()` returns. The TypeScript
 * types are read from it (deeply readonly), the API's OpenAPI document is generated from it and
 * tests check real responses against it, so the three cannot drift apart.
 */
import * as z from 'zod';
import {
  ANALYTE_IDS,
  BAND_STATUSES,
  COMPARATORS,
  CONTEXT_FLAGS,
  EVIDENCE_STRENGTHS,
  FHIR_INTERPRETATION_CODES,
  REPORT_STATUSES,
  RULE_SET_IDS,
  SAFETY_KINDS,
  STATUSES,
  UNIT_CODES,
  WARNING_CODES,
} from './closed-sets';

/** A type with every property and array readonly, all the way down. */
export type DeepReadonly<T> = T extends (infer Item)[]
  ? ReadonlyArray<DeepReadonly<Item>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

const unitCode = z.enum(UNIT_CODES);
const bandStatus = z.enum(BAND_STATUSES);
const citationIds = z.array(z.string());

/** A band on the scale, in one unit, as the screen and PDF draw it. */
export const bandSchema = z.strictObject({
  status: bandStatus,
  /** Lower bound (null = 0 / open). */
  lower: z.number().nullable(),
  /** Upper bound (null = open ended). */
  upper: z.number().nullable(),
  lowerInclusive: z.boolean(),
  upperInclusive: z.boolean(),
  /** "< 20", "20 to < 30", "30 to 100", "> 100". */
  rangeText: z.string(),
  note: z.string().optional(),
});

/** The cut-offs of the rule set, expressed in the reported unit. */
export const cutoffsSchema = z.strictObject({
  unit: unitCode,
  deficientBelow: z.number(),
  sufficientFrom: z.number(),
  upperLimit: z.number(),
  criticalBelow: z.number().optional(),
  criticalAbove: z.number().optional(),
  /** The critical limits as one clinician-facing sentence, when the rule set has any. */
  criticalText: z.string().optional(),
  /** True when the source does not publish this unit and the cut-offs were converted exactly. */
  derived: z.boolean(),
});

/** An id, a sentence and its sources: next steps, notes and safety content share this. */
const idTextSchema = z.strictObject({ id: z.string(), text: z.string(), citationIds });

const resultInputSchema = z.strictObject({
  value: z.number(),
  /** Comparator of a censored result, null for an exact value. */
  comparator: z.enum(COMPARATORS).nullable(),
  /** The unit exactly as it was entered ("mEq/L"). */
  unitEntered: z.string(),
  /** The normalised UCUM code ("meq/L"). */
  unit: unitCode,
  /** "<5 ng/mL", "42 nmol/L". */
  display: z.string(),
});

const convertedValueSchema = z.strictObject({
  value: z.number(),
  unit: unitCode,
  /** Same comparator as the input, e.g. "<12.5 nmol/L". */
  display: z.string(),
});

const backPainFindingSchema = z.strictObject({
  id: z.string(),
  claim: z.string(),
  strength: z.enum(EVIDENCE_STRENGTHS),
  /** "Established mechanism", "Systematic review: no benefit". */
  strengthLabel: z.string(),
  citationIds,
});

/** The interpretation of one result. Every surface renders these fields and nothing else. */
export const resultInterpretationSchema = z.strictObject({
  /** Position in the input panel. */
  index: z.int().nonnegative(),
  analyte: z.enum(ANALYTE_IDS),
  analyteName: z.string(),
  analyteShortName: z.string(),
  loinc: z.string(),
  input: resultInputSchema,
  status: z.enum(STATUSES),
  /** "Deficient", "Insufficient (borderline)", "Indeterminate". */
  statusLabel: z.string(),
  /** Why a censored result could not be classified, when status is indeterminate. */
  indeterminateReason: z.string().optional(),
  /** The bands an indeterminate (censored) value can be in, ascending; only when indeterminate. */
  possibleStatuses: z.array(bandStatus).optional(),
  ruleSet: z.strictObject({
    id: z.enum(RULE_SET_IDS),
    name: z.string(),
    isDefault: z.boolean(),
    upperLimitMeaning: z.string(),
    caveats: z.array(z.string()),
    citationIds,
  }),
  cutoffs: cutoffsSchema,
  /** The rule set's bands in the reported unit, ascending. */
  bands: z.array(bandSchema),
  critical: z.boolean(),
  /** Why the value is critical, when it is. */
  criticalMessage: z.string().optional(),
  warnings: z.array(z.strictObject({ code: z.enum(WARNING_CODES), message: z.string() })),
  /** The lab's report status when the result came from a lab document (FHIR, HL7 v2). */
  reportStatus: z.enum(REPORT_STATUSES).optional(),
  converted: z.array(convertedValueSchema),
  labRange: z
    .strictObject({
      low: z.number(),
      high: z.number(),
      unit: unitCode,
      position: z.enum(['below', 'within', 'above', 'unknown']),
    })
    .optional(),
  fhirInterpretation: z.enum(FHIR_INTERPRETATION_CODES),
  backPain: z.strictObject({ summary: z.string(), findings: z.array(backPainFindingSchema) }),
  nextSteps: z.array(idTextSchema),
  /** Context notes and analyte notices (e.g. the 2024 Endocrine Society guideline). */
  notes: z.array(
    z.strictObject({
      id: z.string(),
      source: z.union([z.enum(CONTEXT_FLAGS), z.enum(['notice', 'band'])]),
      text: z.string(),
      citationIds,
    }),
  ),
  /** Clinician safety content (section 8): what to do today, anchoring, regimens, interactions. */
  safety: z.array(idTextSchema.extend({ kind: z.enum(SAFETY_KINDS) })),
  /** Every citation id this result uses, de-duplicated, in first-use order. */
  citationIds,
});

/** The interpretation of a whole panel: the body of a successful `POST /api/interpret`. */
export const interpretationSchema = z.strictObject({
  rulesVersion: z.string(),
  panelId: z.string().nullable(),
  patient: z.strictObject({ name: z.string().optional(), birthDate: z.string().optional() }),
  clinician: z.strictObject({
    name: z.string().optional(),
    clinic: z.string().optional(),
    phone: z.string().optional(),
  }),
  collectedOn: z.string().nullable(),
  /** The date the interpretation is "as of", passed in by the caller (no hidden clock). */
  asOf: z.string().nullable(),
  context: z.array(z.enum(CONTEXT_FLAGS)),
  results: z.array(resultInterpretationSchema),
});

/** A band on the scale, in one unit. */
export type Band = DeepReadonly<z.output<typeof bandSchema>>;
/** The cut-offs of a rule set in one unit. */
export type CutoffsInUnit = DeepReadonly<z.output<typeof cutoffsSchema>>;
/** A result value as entered, normalised. */
export type ResultInput = DeepReadonly<z.output<typeof resultInputSchema>>;
/** A value converted to another accepted unit. */
export type ConvertedValue = DeepReadonly<z.output<typeof convertedValueSchema>>;
/** A resolved back-pain statement with its strength label. */
export type BackPainFinding = DeepReadonly<z.output<typeof backPainFindingSchema>>;
/** The interpretation of one result. */
export type ResultInterpretation = DeepReadonly<z.output<typeof resultInterpretationSchema>>;
/** The interpretation of a whole panel. */
export type Interpretation = DeepReadonly<z.output<typeof interpretationSchema>>;
