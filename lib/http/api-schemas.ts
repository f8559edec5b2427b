/**
 * zod schemas of what the HTTP API sends back. They exist so the OpenAPI document is generated
 * from code (never written by hand) and so tests can check real responses against it. Each one
 * is tied to its TypeScript type by a compile-time check below, so they cannot drift apart.
 */
import { z } from 'zod';
import type { References } from '../references';
import {
  ANALYTE_IDS,
  COMPARATORS,
  CONTEXT_FLAGS,
  EVIDENCE_STRENGTHS,
  RULE_SET_IDS,
  SAFETY_KINDS,
  STATUSES,
  UNIT_CODES,
  WARNING_CODES,
} from '../types';
import type { Interpretation } from '../types';
import { MAX_LISTED_ERRORS } from './limits';
import { PROBLEM_CODES, PROBLEM_TABLE, problemTypeUri } from './problem';
import type { Problem } from './problem';

const analyteId = z.enum(ANALYTE_IDS);
const unitCode = z.enum(UNIT_CODES);
const ruleSetId = z.enum(RULE_SET_IDS);
const bandStatus = z.enum(['deficient', 'insufficient', 'sufficient', 'high']);
const contextFlag = z.enum(CONTEXT_FLAGS);
const citationIds = z.array(z.string());

const bandSchema = z.strictObject({
  status: bandStatus,
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  lowerInclusive: z.boolean(),
  upperInclusive: z.boolean(),
  rangeText: z.string(),
  note: z.string().optional(),
});

const cutoffsSchema = z.strictObject({
  unit: unitCode,
  deficientBelow: z.number(),
  sufficientFrom: z.number(),
  upperLimit: z.number(),
  criticalBelow: z.number().optional(),
  criticalAbove: z.number().optional(),
  criticalText: z.string().optional(),
  derived: z.boolean(),
});

const idTextSchema = z.strictObject({ id: z.string(), text: z.string(), citationIds });

const resultInterpretationSchema = z.strictObject({
  index: z.int().nonnegative(),
  analyte: analyteId,
  analyteName: z.string(),
  analyteShortName: z.string(),
  loinc: z.string(),
  input: z.strictObject({
    value: z.number(),
    comparator: z.enum(COMPARATORS).nullable(),
    unitEntered: z.string(),
    unit: unitCode,
    display: z.string(),
  }),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  indeterminateReason: z.string().optional(),
  possibleStatuses: z.array(z.enum(['deficient', 'insufficient', 'sufficient', 'high'])).optional(),
  ruleSet: z.strictObject({
    id: ruleSetId,
    name: z.string(),
    isDefault: z.boolean(),
    upperLimitMeaning: z.string(),
    caveats: z.array(z.string()),
    citationIds,
  }),
  cutoffs: cutoffsSchema,
  bands: z.array(bandSchema),
  critical: z.boolean(),
  criticalMessage: z.string().optional(),
  warnings: z.array(z.strictObject({ code: z.enum(WARNING_CODES), message: z.string() })),
  reportStatus: z.enum(['preliminary', 'final', 'amended', 'corrected']).optional(),
  converted: z.array(z.strictObject({ value: z.number(), unit: unitCode, display: z.string() })),
  labRange: z
    .strictObject({
      low: z.number(),
      high: z.number(),
      unit: unitCode,
      position: z.enum(['below', 'within', 'above', 'unknown']),
    })
    .optional(),
  fhirInterpretation: z.enum(['LL', 'L', 'N', 'H', 'HH', 'IND']),
  backPain: z.strictObject({
    summary: z.string(),
    findings: z.array(
      z.strictObject({
        id: z.string(),
        claim: z.string(),
        strength: z.enum(EVIDENCE_STRENGTHS),
        strengthLabel: z.string(),
        citationIds,
      }),
    ),
  }),
  // The library passes its next-step records through, which also carry the band they are for.
  nextSteps: z.array(idTextSchema.extend({ status: bandStatus.optional() })),
  notes: z.array(
    z.strictObject({
      id: z.string(),
      source: z.union([contextFlag, z.enum(['notice', 'band'])]),
      text: z.string(),
      citationIds,
    }),
  ),
  safety: z.array(
    z.strictObject({ id: z.string(), kind: z.enum(SAFETY_KINDS), text: z.string(), citationIds }),
  ),
  citationIds,
});

/** The body of a successful `POST /api/interpret` (JSON): the library's `Interpretation`. */
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
  asOf: z.string().nullable(),
  context: z.array(contextFlag),
  results: z.array(resultInterpretationSchema),
});

/**
 * The body of `POST /api/interpret` for a batch (a list of panels or a FHIR Bundle): one
 * interpretation per panel, in input order.
 */
export const interpretationListSchema = z.array(interpretationSchema);

/** The FHIR R4 Bundle answered for `Accept: application/fhir+json` (outline only). */
export const fhirBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z.array(
    z.looseObject({
      fullUrl: z.string().optional(),
      resource: z.looseObject({ resourceType: z.string() }),
    }),
  ),
});

/** RFC 9457 problem details, as every error response carries them. */
export const problemSchema = z.strictObject({
  type: z.enum(PROBLEM_CODES.map(problemTypeUri) as [string, ...string[]]),
  title: z.string(),
  status: z.union(
    [...new Set(PROBLEM_CODES.map((code) => PROBLEM_TABLE[code].status))].map((status) =>
      z.literal(status),
    ) as [z.ZodLiteral<Problem['status']>, ...Array<z.ZodLiteral<Problem['status']>>],
  ),
  detail: z.string(),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).max(MAX_LISTED_ERRORS),
  errorCount: z.int().nonnegative(),
});

/** The body of `GET /api/health`. */
export const healthSchema = z.strictObject({ status: z.literal('ok'), rulesVersion: z.string() });

/** The body of `GET /api/references`: every rule set, unit factor, statement and citation. */
export const referencesSchema = z.strictObject({
  rulesVersion: z.string(),
  analytes: z.array(
    z.strictObject({
      id: analyteId,
      name: z.string(),
      baseUnit: unitCode,
      defaultUnit: unitCode,
      units: z.array(
        z.strictObject({
          code: unitCode,
          toBase: z.number(),
          displayDecimals: z.int().nonnegative(),
          basis: z.string(),
          citationIds,
          loinc: z.string(),
        }),
      ),
      loincCodes: z.array(
        z.strictObject({
          code: z.string(),
          display: z.string(),
          unit: unitCode,
          warn: z.enum(WARNING_CODES).optional(),
        }),
      ),
      plausibility: z.strictObject({
        hardStopAbove: z.strictObject({ value: z.number(), unit: unitCode }),
        assayRange: z.strictObject({
          low: z.number().optional(),
          high: z.number(),
          unit: unitCode,
        }),
        unitMixups: z.array(
          z.strictObject({
            unit: unitCode,
            above: z.number().optional(),
            below: z.number().optional(),
            within: z.strictObject({ low: z.number(), high: z.number() }).optional(),
            likelyUnits: z.array(unitCode),
          }),
        ),
      }),
      notices: z.array(idTextSchema),
      ruleSets: z.array(
        z.strictObject({
          id: ruleSetId,
          name: z.string(),
          isDefault: z.boolean(),
          upperLimitMeaning: z.string(),
          caveats: z.array(z.string()),
          criticalNeedsLocalCheck: z.boolean(),
          citationIds,
          cutoffs: z.array(cutoffsSchema),
        }),
      ),
      backPain: z.array(
        z.strictObject({
          analyte: analyteId,
          analyteName: z.string(),
          id: z.string(),
          claim: z.string(),
          strength: z.enum(EVIDENCE_STRENGTHS),
          strengthLabel: z.string(),
          relevantFor: z.array(bandStatus),
          citationIds,
        }),
      ),
      nextSteps: z.array(
        z.strictObject({
          id: z.string(),
          status: bandStatus,
          text: z.string(),
          reassuring: z.boolean().optional(),
          citationIds,
        }),
      ),
      contextNotes: z.array(
        z.strictObject({
          id: z.string(),
          context: contextFlag,
          direction: z.enum(['low', 'not-low', 'normal', 'high']).optional(),
          text: z.string(),
          citationIds,
        }),
      ),
    }),
  ),
  citations: z.array(
    z.strictObject({
      id: z.string(),
      short: z.string(),
      text: z.string(),
      title: z.string(),
      authors: z.string(),
      year: z.number(),
      doi: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
});

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/** Languages the patient handout is written in. */
export const HANDOUT_LANGS = ['en', 'es'] as const;
/** Paper sizes the patient handout is laid out for. */
export const PAPER_SIZES = ['letter', 'a4'] as const;

/**
 * Query of `POST /api/interpret`. `asOf` is the date the interpretation is made; the server
 * uses today's date (UTC) when it is absent, since the library itself never reads a clock.
 */
export const interpretQuerySchema = z.object({
  asOf: isoDate
    .optional()
    .meta({ description: 'Date of the interpretation; default: today (UTC)' }),
});

/** Query of `POST /api/handout`. */
export const handoutQuerySchema = z.object({
  lang: z
    .enum(HANDOUT_LANGS, { error: `must be one of ${HANDOUT_LANGS.join(', ')}` })
    .default('en'),
  paper: z
    .enum(PAPER_SIZES, { error: `must be one of ${PAPER_SIZES.join(', ')}` })
    .default('letter'),
  asOf: interpretQuerySchema.shape.asOf,
});

/** A FHIR R4 Observation or Bundle of Observations (outline; lib/formats/fhir/read.ts checks the rest). */
export const fhirInputSchema = z.looseObject({
  resourceType: z.enum(['Observation', 'Bundle']),
});

/** Fails to compile when `Actual` is not assignable to `Expected`. */
type Assignable<Expected, Actual extends Expected> = Actual;
// Compile-time ties between the schemas and the types the library returns: a field added to
// the library but not to the schema (or the other way round) breaks the type check.
export type SchemaChecks = [
  Assignable<Interpretation, z.output<typeof interpretationSchema>>,
  Assignable<References, z.output<typeof referencesSchema>>,
  Assignable<Problem, z.output<typeof problemSchema>>,
];
