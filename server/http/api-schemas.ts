/**
 * zod schemas of what the HTTP API sends back and of its query parameters. They exist so the
 * OpenAPI document is generated from code (never written by hand) and so tests can check real
 * responses against it. The interpretation's schema is the library's own
 * (lib/interpretation-schema.ts): its TypeScript types are read from it.
 */
import { z } from 'zod';
import { PAPER_SIZES } from '@/lib/handout/layout';
import type { PaperSize } from '@/lib/handout/layout';
import { HANDOUT_LANGS } from '@/lib/handout/text/handout-text';
import type { References } from '@/lib/references';
import {
  ANALYTE_IDS,
  BAND_STATUSES,
  CONTEXT_FLAGS,
  EVIDENCE_STRENGTHS,
  RULE_SET_IDS,
  UNIT_CODES,
  WARNING_CODES,
} from '@/lib/types';
import { cutoffsSchema, interpretationSchema } from '@/lib/interpretation-schema';
import { MAX_LISTED_ERRORS } from './limits';
import { PROBLEM_CODES, PROBLEM_TABLE, problemTypeUri } from './problem';
import type { Problem } from './problem';

const analyteId = z.enum(ANALYTE_IDS);
const unitCode = z.enum(UNIT_CODES);
const ruleSetId = z.enum(RULE_SET_IDS);
const bandStatus = z.enum(BAND_STATUSES);
const contextFlag = z.enum(CONTEXT_FLAGS);
const citationIds = z.array(z.string());
const idTextSchema = z.strictObject({ id: z.string(), text: z.string(), citationIds });

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

/** Paper sizes the patient handout is laid out for (the layout's table is the one source). */
const PAPER_NAMES = Object.keys(PAPER_SIZES) as [PaperSize, ...PaperSize[]];

/**
 * Query of `POST /api/interpret`. `asOf` is the date the interpretation is made; the server
 * uses today's date where it runs when it is absent, since the library itself never reads a clock.
 */
export const interpretQuerySchema = z.object({
  asOf: isoDate
    .optional()
    .meta({ description: "Date of the interpretation; default: today (the server's date)" }),
});

/** Query of `POST /api/handout`. */
export const handoutQuerySchema = z.object({
  lang: z
    .enum(HANDOUT_LANGS, { error: `must be one of ${HANDOUT_LANGS.join(', ')}` })
    .default('en'),
  paper: z
    .enum(PAPER_NAMES, { error: `must be one of ${PAPER_NAMES.join(', ')}` })
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
  Assignable<References, z.output<typeof referencesSchema>>,
  Assignable<Problem, z.output<typeof problemSchema>>,
];
