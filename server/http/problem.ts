/**
 * RFC 9457 problem details: the one shape every API error takes, and the one table that maps
 * our problem codes to HTTP status, title and type URI.
 */
import * as z from 'zod';
import { formatLocation } from '@/lib/formats/location';
import type { LocatedError } from '@/lib/formats/import-types';
import type { DeepReadonly } from '@/lib/interpretation-schema';
import { formatBytes, MAX_BODY_BYTES, MAX_LISTED_ERRORS, MAX_PANELS_PER_REQUEST } from './limits';

/** Every kind of error the HTTP API answers with. */
export const PROBLEM_CODES = [
  'malformed-json',
  'invalid-parameter',
  'unauthorized',
  'not-found',
  'method-not-allowed',
  'not-acceptable',
  'payload-too-large',
  'too-many-panels',
  'unsupported-media-type',
  'invalid-panel',
  'unsupported-header',
  'internal',
] as const;
/** One of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The HTTP status codes the API uses for problems. */
export type ProblemStatus = 400 | 401 | 404 | 405 | 406 | 413 | 415 | 422 | 500;

/** The media type of every error body (RFC 9457 section 3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** One table: problem code -> status, title and the default detail sentence. */
export const PROBLEM_TABLE: Readonly<
  Record<
    ProblemCode,
    { readonly status: ProblemStatus; readonly title: string; readonly detail: string }
  >
> = {
  'malformed-json': {
    status: 400,
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  },
  'invalid-parameter': {
    status: 400,
    title: 'Invalid query parameter',
    detail: 'A query parameter has a value the API does not accept.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    detail: 'This API needs an "Authorization: Bearer <token>" header with a valid token.',
  },
  'not-found': {
    status: 404,
    title: 'Not found',
    detail: 'There is no API route at this path.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method not allowed',
    detail: 'This route does not accept that HTTP method.',
  },
  'not-acceptable': {
    status: 406,
    title: 'Not acceptable',
    detail: 'The API cannot answer in any media type the Accept header lists.',
  },
  'payload-too-large': {
    status: 413,
    title: 'Payload too large',
    detail: `The request body is larger than ${formatBytes(MAX_BODY_BYTES)} (${MAX_BODY_BYTES} bytes).`,
  },
  'too-many-panels': {
    status: 413,
    title: 'Too many panels',
    detail: `A request may hold at most ${MAX_PANELS_PER_REQUEST} panels; send them in several requests.`,
  },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported media type',
    detail:
      'Send the body as application/json or application/fhir+json (UTF-8), or as HL7 v2 ' +
      '(x-application/hl7-v2+er7 or application/hl7-v2).',
  },
  'invalid-panel': {
    status: 422,
    title: 'Invalid panel',
    detail: 'The panel has problems; see errors for each field.',
  },
  'unsupported-header': {
    status: 400,
    title: 'Unsupported header',
    detail: 'The request carries a header this server refuses.',
  },
  internal: {
    status: 500,
    title: 'Internal server error',
    detail: 'The server failed to handle a valid request. No request data was kept.',
  },
};

/**
 * The type URI of a problem code. Tag URIs (RFC 4151) are stable identifiers that are not meant
 * to be dereferenced, which RFC 9457 section 3.1.1 allows.
 * @param code - the problem code
 * @returns the URI, e.g. `tag:lab-interpreter,2026:problem:invalid-panel`
 */
export function problemTypeUri(code: ProblemCode): string {
  return `tag:lab-interpreter,2026:problem:${code}`;
}

/** RFC 9457 problem details: the body of every error response. */
export const problemSchema = z.strictObject({
  /** A URI that identifies the problem kind (a tag URI: stable, not meant to be fetched). */
  type: z.enum(PROBLEM_CODES.map(problemTypeUri) as [string, ...string[]]),
  title: z.string(),
  status: z.union(
    [...new Set(PROBLEM_CODES.map((code) => PROBLEM_TABLE[code].status))].map((status) =>
      z.literal(status),
    ) as [z.ZodLiteral<ProblemStatus>, ...Array<z.ZodLiteral<ProblemStatus>>],
  ),
  detail: z.string(),
  /** At most {@link MAX_LISTED_ERRORS}, in the order found. */
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).max(MAX_LISTED_ERRORS),
  /** How many errors were found; more than `errors.length` when the list was cut. */
  errorCount: z.int().nonnegative(),
});

/** The body of every error response (see {@link problemSchema}). */
export type Problem = DeepReadonly<z.output<typeof problemSchema>>;
/** One listed error of a problem. */
export type ProblemFieldError = Problem['errors'][number];

/**
 * An error as a problem lists it: its path printed (`results[0].value`, `row 5 (panel P3) value`),
 * since the wire carries text; the error code stays in the library.
 * @param error - a located error (a field error of `interpret()` is one, without labels)
 * @returns the listed error
 */
export function toProblemError(error: LocatedError): ProblemFieldError {
  return { path: formatLocation(error.path), message: error.message };
}

/**
 * Builds a problem body from the table. The error list is cut at {@link MAX_LISTED_ERRORS} so
 * the answer stays small whatever the request held; `errorCount` keeps the full number.
 * @param code - the problem code
 * @param errors - the errors to list, each path printed (`results[0].value`)
 * @param detail - a sentence replacing the table's default detail
 * @returns the problem body
 */
export function buildProblem(
  code: ProblemCode,
  errors: readonly ProblemFieldError[] = [],
  detail?: string,
): Problem {
  const entry = PROBLEM_TABLE[code];
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const cut =
    errors.length > listed.length
      ? ` The first ${listed.length} of ${errors.length} problems are listed.`
      : '';
  return {
    type: problemTypeUri(code),
    title: entry.title,
    status: entry.status,
    detail: `${detail ?? entry.detail}${cut}`,
    errors: listed.map(({ path, message }) => ({ path, message })),
    errorCount: errors.length,
  };
}
