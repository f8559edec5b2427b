/**
 * Query-string parsing for API routes, and the one place the server reads the clock (the
 * library takes the date as an argument instead).
 */
import 'server-only';
import type * as z from 'zod';
import { PARSE_OPTIONS, toFieldErrors } from '@/lib/schemas';
import { problemResponse } from './api-route';
import { toProblemError } from '@/server/http/problem';
import { localCalendarDate } from '@/lib/calendar-date';

/** A parsed query, or the 400 problem response that explains what is wrong with it. */
export type QueryOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly response: Response };

/**
 * Parses the query string with a zod object schema (first value of each name; names the schema
 * does not list are ignored).
 * @param request - the incoming request
 * @param schema - the route's query schema
 * @returns the parsed query or a 400 problem response listing each bad parameter
 */
export function readQuery<S extends z.ZodType>(
  request: Request,
  schema: S,
): QueryOutcome<z.output<S>> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) params[name] ??= value;
  const parsed = schema.safeParse(params, PARSE_OPTIONS);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    response: problemResponse(
      'invalid-parameter',
      toFieldErrors(parsed.error.issues).map(toProblemError),
    ),
  };
}

/**
 * Today's date where the server runs (its local time zone), the default `asOf` of an
 * interpretation made over HTTP: the API's one read of the clock.
 * @param now - the current time (a parameter so tests need no fake clock)
 * @returns the date as YYYY-MM-DD
 */
export function serverToday(now: Date = new Date()): string {
  return localCalendarDate(now);
}
