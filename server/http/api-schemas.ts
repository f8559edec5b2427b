/**
 * zod schemas of what the HTTP API sends back and of its query parameters. They exist so the
 * OpenAPI document is generated from code (never written by hand) and so tests can check real
 * responses against it. The interpretation's and the references' schemas are the library's own
 * (lib/interpretation-schema.ts, lib/references-schema.ts) and the problem's is in ./problem:
 * each TypeScript type is read from its schema.
 */
import * as z from 'zod';
import {
  DEFAULT_HANDOUT_LANG,
  DEFAULT_PAPER,
  HANDOUT_LANGS,
  PAPER_NAMES,
} from '@/lib/handout/options';
import { interpretationSchema } from '@/lib/interpretation-schema';

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

/** The body of `GET /api/health`. */
export const healthSchema = z.strictObject({ status: z.literal('ok'), rulesVersion: z.string() });

const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

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
    .default(DEFAULT_HANDOUT_LANG),
  paper: z
    .enum(PAPER_NAMES, { error: `must be one of ${PAPER_NAMES.join(', ')}` })
    .default(DEFAULT_PAPER),
  asOf: interpretQuerySchema.shape.asOf,
});

/** A FHIR R4 Observation or Bundle of Observations (outline; lib/formats/fhir/read.ts checks the rest). */
export const fhirInputSchema = z.looseObject({
  resourceType: z.enum(['Observation', 'Bundle']),
});
