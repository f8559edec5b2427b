import * as z from 'zod';
import { ANALYTES } from './analytes/registry';
import { toFieldPath } from './formats/location';
import { LOINC_PATTERN } from './result-codes';
import { isPatientReference } from './subject-reference';
import type { ErrorCode, FieldError, FieldPath, RuleSetId } from './types';
import { ANALYTE_IDS, COMPARATORS, CONTEXT_FLAGS } from './types';

/**
 * A result value written as text: a positive decimal with an optional comparator, e.g. "42",
 * "<5", "<= 5", ">150", "≥150". Decimal commas are rejected rather than guessed ("1,000").
 * Linear time: the space after the comparator is inside the comparator's group, so no two
 * unbounded quantifiers can match the same characters (the old `\s*(...)?\s*` took seconds on
 * a long run of spaces). Callers still check {@link MAX_VALUE_TEXT_LENGTH} before matching.
 */
export const VALUE_TEXT_PATTERN = /^\s*(?:(<=|>=|<|>|≤|≥)\s*)?(\d+(?:\.\d+)?|\.\d+)\s*$/;

/** The longest value text read (e.g. " >= 150.5 "); longer text is refused before any pattern runs. */
export const MAX_VALUE_TEXT_LENGTH = 40;

/** The longest texts and lists a panel may hold: each stated once, its error message reads it. */
export const PANEL_LIMITS = {
  /** Results in one panel. */
  results: 50,
  /** A panel id. */
  panelId: 100,
  /** A patient's, a clinician's or a clinic's name. */
  name: 200,
  /** A clinician's phone number. */
  phone: 60,
  /** A unit as written ("mEq/L") and a LOINC code. */
  unit: 20,
  /** A FHIR reference to the patient. */
  reference: 256,
} as const;

/** The message every surface shows for a value that is not a positive number. */
export const VALUE_MESSAGE = 'must be a positive number, or <N / >N';

function ruleSetEnum<const T extends keyof typeof ANALYTES>(analyte: T) {
  const ids = ANALYTES[analyte].ruleSets.map((ruleSet) => ruleSet.id) as [
    RuleSetId,
    ...RuleSetId[],
  ];
  return z.enum(ids, {
    error: () => `must be one of ${ids.join(', ')}`,
  });
}

const isoDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

const shortText = (max: number) =>
  z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });

/** A lab's own reference range for a result, in the result's unit. */
export const labRangeSchema = z.strictObject(
  {
    low: z
      .number({ error: 'must be a number' })
      .finite()
      .nonnegative({ error: 'must be zero or more' }),
    high: z
      .number({ error: 'must be a number' })
      .finite()
      .positive({ error: 'must be a positive number' }),
  },
  { error: 'must be an object {low, high}' },
);

/** One result as entered or imported. `value` may be a number or text such as "<5". */
export const resultSchema = z.strictObject(
  {
    analyte: z.enum(ANALYTE_IDS, { error: `must be one of ${ANALYTE_IDS.join(', ')}` }),
    value: z.union(
      [
        z.number().finite().positive({ error: VALUE_MESSAGE }),
        z
          .string()
          // abort: zod 4 runs later checks even after one fails; the pattern never sees long text.
          .max(MAX_VALUE_TEXT_LENGTH, { error: VALUE_MESSAGE, abort: true })
          .regex(VALUE_TEXT_PATTERN, { error: VALUE_MESSAGE }),
      ],
      { error: VALUE_MESSAGE },
    ),
    /** A FHIR-style comparator for a numeric value; alternative to writing "<5". */
    comparator: z.enum(COMPARATORS, { error: 'must be one of <, <=, >, >=' }).optional(),
    unit: shortText(PANEL_LIMITS.unit).min(1, { error: 'is required' }),
    labRange: labRangeSchema.optional(),
    /** The LOINC code the source used; interpret() checks it and adds the warnings it implies. */
    code: shortText(PANEL_LIMITS.unit)
      .regex(LOINC_PATTERN, { error: 'must be a LOINC code such as 62292-8' })
      .optional(),
  },
  { error: 'must be an object {analyte, value, unit}' },
);

/** A panel of results for one patient: the one input shape of the library, API, CLI and UI. */
export const panelSchema = z.strictObject(
  {
    id: shortText(PANEL_LIMITS.panelId).optional(),
    patient: z
      .strictObject(
        { name: shortText(PANEL_LIMITS.name).optional(), birthDate: isoDateSchema.optional() },
        { error: 'must be an object {name?, birthDate?}' },
      )
      .optional(),
    /** The patient in the EHR: written as `subject` on every FHIR Observation we write. */
    subject: z
      .strictObject(
        {
          reference: z
            .string({ error: 'must be text' })
            .max(PANEL_LIMITS.reference, {
              error: `must be at most ${PANEL_LIMITS.reference} characters`,
              abort: true,
            })
            .refine(isPatientReference, {
              error:
                'must be a FHIR patient reference: Patient/<id>, https://.../Patient/<id> or urn:uuid:<uuid>',
            }),
          display: shortText(PANEL_LIMITS.name).optional(),
        },
        { error: 'must be an object {reference, display?}' },
      )
      .meta({
        description:
          'The patient in the EHR, as a FHIR reference (Patient/<id>, https://.../Patient/<id> or ' +
          'urn:uuid:<uuid>): written as `subject` on every Observation of the FHIR output, which ' +
          'then claims the US Core Laboratory Result Observation profile. Not stored or logged.',
      })
      .optional(),
    clinician: z
      .strictObject(
        {
          name: shortText(PANEL_LIMITS.name).optional(),
          clinic: shortText(PANEL_LIMITS.name).optional(),
          phone: shortText(PANEL_LIMITS.phone).optional(),
        },
        { error: 'must be an object {name?, clinic?, phone?}' },
      )
      .optional(),
    collectedOn: isoDateSchema.optional(),
    ruleSets: z
      .strictObject(
        {
          'vitamin-d': ruleSetEnum('vitamin-d').optional(),
          'vitamin-b12': ruleSetEnum('vitamin-b12').optional(),
          magnesium: ruleSetEnum('magnesium').optional(),
        },
        { error: 'must be an object keyed by analyte' },
      )
      .optional(),
    context: z
      .array(z.enum(CONTEXT_FLAGS, { error: `must be one of ${CONTEXT_FLAGS.join(', ')}` }), {
        error: 'must be a list',
      })
      .max(CONTEXT_FLAGS.length, { error: 'has too many entries' })
      .optional(),
    results: z
      .array(resultSchema, { error: 'must be a list of results' })
      .min(1, { error: 'must contain at least one result' })
      .max(PANEL_LIMITS.results, {
        error: `must contain at most ${PANEL_LIMITS.results} results`,
      }),
  },
  { error: 'must be a panel object' },
);

/** A panel as accepted on input (value may be text). */
export type Panel = z.input<typeof panelSchema>;
/** One result of a {@link Panel}. */
export type PanelResult = z.input<typeof resultSchema>;
/** A lab's reference range. */
export type LabRange = z.input<typeof labRangeSchema>;

/** Parse options for every boundary: issues keep their input so "missing" can be told apart. */
export const PARSE_OPTIONS = { reportInput: true } as const;

/** The options of `interpret()`. */
export const interpretOptionsSchema = z.strictObject({
  asOf: isoDateSchema.optional(),
});
/** Options of `interpret()`: no hidden clock, the caller passes the date. */
export type InterpretOptions = z.input<typeof interpretOptionsSchema>;

/** One table from zod issue kinds to our error codes. */
const ISSUE_CODES: Readonly<Record<string, ErrorCode>> = {
  invalid_type: 'invalid-type',
  invalid_union: 'invalid',
  invalid_value: 'invalid',
  invalid_format: 'invalid',
  too_small: 'too-few',
  too_big: 'too-many',
  unrecognized_keys: 'unknown-key',
  custom: 'invalid',
};

/**
 * Maps zod issues to field errors (one per issue; unknown keys get one error each).
 * @param issues - zod issues from a failed safeParse
 * @param prefix - path prefix to prepend (e.g. `['options']` for the options of `interpret()`)
 * @returns field errors with path, message and code
 */
export function toFieldErrors(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  prefix: FieldPath = [],
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          path: [...prefix, ...toFieldPath(issue.path), key],
          message: 'is not a known field',
          code: 'unknown-key',
        });
      }
      continue;
    }
    let code: ErrorCode = ISSUE_CODES[issue.code] ?? 'invalid';
    let message = issue.message;
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      code = 'required';
      message = 'is required';
    }
    if (issue.code === 'invalid_format')
      code = issue.format === 'regex' ? 'not-a-number' : 'invalid-date';
    if (issue.code === 'too_small' && issue.origin === 'number') code = 'not-positive';
    if (issue.code === 'too_big' && issue.origin === 'string') code = 'too-long';
    errors.push({ path: [...prefix, ...toFieldPath(issue.path)], message, code });
  }
  return errors;
}
