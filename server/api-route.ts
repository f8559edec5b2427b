/**
 * The frame every API route handler runs in: access control, problem+json errors, and a last
 * guard that turns a server bug into a 500 without writing request data to the log.
 */
import { buildProblem, PROBLEM_MEDIA_TYPE } from '@/lib/http/problem';
import type { ProblemCode, ProblemFieldError } from '@/lib/http/problem';
import { isAuthorized, readApiTokens } from './api-auth';

/** A route handler as Next.js calls it. */
export type ApiHandler = (request: Request) => Promise<Response>;

/** Whether a route is reachable without a token when LABS_API_TOKENS is set. */
export type RouteAccess = 'token' | 'public';

/**
 * Headers of every API response that may carry patient data: never stored by a browser or a
 * shared cache.
 */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * An RFC 9457 problem response from the error table.
 * @param code - the problem code (decides status and title)
 * @param errors - field errors to list
 * @param detail - replaces the table's default detail sentence
 * @param headers - extra headers (Allow, WWW-Authenticate)
 * @returns the response
 */
export function problemResponse(
  code: ProblemCode,
  errors: readonly ProblemFieldError[] = [],
  detail?: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const problem = buildProblem(code, errors, detail);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_MEDIA_TYPE, ...NO_STORE, ...headers },
  });
}

/**
 * Logs a server bug without the request: only the route and the stack frames. The error's
 * message is left out on purpose, because parser and validator messages can quote the body.
 */
function logServerBug(request: Request, error: unknown): void {
  const frames =
    error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
  const name = error instanceof Error ? error.name : typeof error;
  console.error(
    `[api] ${request.method} ${new URL(request.url).pathname} failed: ${name}\n${frames}`,
  );
}

/**
 * Wraps a route handler with access control and the last-resort error guard.
 * @param handler - the route's own logic
 * @param access - `public` skips the token check (health only)
 * @returns the handler to export from route.ts
 */
export function apiRoute(handler: ApiHandler, access: RouteAccess = 'token'): ApiHandler {
  return async (request) => {
    if (access === 'token' && !isAuthorized(request.headers.get('authorization'), readApiTokens()))
      return problemResponse('unauthorized', [], undefined, { 'WWW-Authenticate': 'Bearer' });
    try {
      return await handler(request);
    } catch (error) {
      logServerBug(request, error);
      return problemResponse('internal');
    }
  };
}

/**
 * A handler for the methods a route does not support: 405 problem+json with an Allow header.
 * @param allowed - the methods the route does support
 * @param access - as for {@link apiRoute}: without a token, a client learns nothing, not even 405
 * @returns the handler to export under each unsupported method name
 */
export function methodNotAllowed(
  allowed: readonly string[],
  access: RouteAccess = 'token',
): ApiHandler {
  const allow = allowed.join(', ');
  return apiRoute(
    () =>
      Promise.resolve(
        problemResponse('method-not-allowed', [], `This route accepts ${allow}.`, { Allow: allow }),
      ),
    access,
  );
}
