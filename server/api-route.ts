/**
 * The frame every API route runs in: one definition per route (its methods, who may call it,
 * what it can answer with) gives every HTTP method its handler: access control, Accept
 * negotiation (406), CORS for allowed origins, OPTIONS listing only the route's methods, 405
 * for the rest, problem+json errors, and a last guard that turns a server bug into a 500
 * without writing request data to the log. A `Next-Action` header is refused (400), and an
 * answer given before the body is read (401, 405, 406) closes the connection, so the server
 * does not go on reading a body nobody will use.
 */
import { buildProblem, PROBLEM_MEDIA_TYPE } from '@/server/http/problem';
import type { ProblemCode, ProblemFieldError } from '@/server/http/problem';
import { negotiateMediaType } from '@/server/http/media-type';
import { isAuthorized, readApiTokens } from './api-auth';
import { corsPreflightHeaders, corsResponseHeaders, readCorsOrigins } from './cors';
import { hasBody, refuseNextAction } from './request-guard';

/** A route handler as Next.js calls it. */
export type ApiHandler = (request: Request) => Promise<Response>;

/** Whether a route is reachable without a token when LABS_API_TOKENS is set. */
export type RouteAccess = 'token' | 'public';

/** What a route's own logic receives beside the request. */
export interface RouteContext {
  /** The media type negotiated from Accept, one of the route's `produces`. */
  readonly mediaType: string;
}

/** A route's own logic for one method. */
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>;

/** The methods a route may define; HEAD follows GET (Next.js derives it). */
export type RouteMethod = 'GET' | 'POST';

/** Every method a route file exports. */
export type RouteExports = Readonly<
  Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', ApiHandler>
>;

/**
 * Headers of every API response that may carry patient data: never stored by a browser or a
 * shared cache.
 */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/**
 * An RFC 9457 problem response from the error table.
 * @param code - the problem code (decides status and title)
 * @param errors - field errors to list (the list is cut at MAX_LISTED_ERRORS)
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

function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'Vary' && response.headers.has('Vary')) response.headers.append(name, value);
    else response.headers.set(name, value);
  }
  return response;
}

/**
 * Defines an API route: every HTTP method gets a handler.
 * @param methods - the route's own logic per method it supports
 * @param options - `access: 'public'` skips the token check (health only); `produces` lists the
 *   media types the route can answer with, its default first
 * @returns the handlers to export from route.ts, one per method name
 */
export function defineRoute(
  methods: Partial<Record<RouteMethod, RouteHandler>>,
  options: { readonly access?: RouteAccess; readonly produces: readonly [string, ...string[]] },
): RouteExports {
  const access = options.access ?? 'token';
  const supported = (Object.keys(methods) as RouteMethod[]).flatMap((method) =>
    method === 'GET' ? ['GET', 'HEAD'] : [method],
  );
  const allow = [...supported, 'OPTIONS'].join(', ');

  const answer = async (run: (request: Request) => Promise<Response>, request: Request) => {
    const nextAction = refuseNextAction(request.headers);
    if (nextAction !== null) return problemResponse(nextAction.code, [], nextAction.detail);
    if (access === 'token' && !isAuthorized(request.headers.get('authorization'), readApiTokens()))
      return problemResponse('unauthorized', [], undefined, { 'WWW-Authenticate': 'Bearer' });
    try {
      return await run(request);
    } catch (error) {
      logServerBug(request, error);
      return problemResponse('internal');
    }
  };

  const guarded =
    (run: (request: Request) => Promise<Response>): ApiHandler =>
    async (request) => {
      const response = await answer(run, request);
      // Answered without reading the body (401, 405, 406, 415...): close rather than have
      // Node read and discard the rest of it.
      if (hasBody(request.headers) && !request.bodyUsed)
        response.headers.set('Connection', 'close');
      return withHeaders(
        response,
        corsResponseHeaders(request.headers.get('origin'), readCorsOrigins()),
      );
    };

  const notAllowed = guarded(() =>
    Promise.resolve(
      problemResponse('method-not-allowed', [], `This route accepts ${allow}.`, { Allow: allow }),
    ),
  );

  const handlerFor = (method: RouteMethod): ApiHandler => {
    const run = methods[method];
    if (run === undefined) return notAllowed;
    return guarded((request) => {
      const mediaType = negotiateMediaType(request.headers.get('accept'), options.produces);
      if (mediaType === null) {
        return Promise.resolve(
          problemResponse(
            'not-acceptable',
            [],
            `This route answers ${options.produces.join(' or ')}.`,
          ),
        );
      }
      return run(request, { mediaType });
    });
  };

  // OPTIONS answers without a token: a CORS preflight never carries one.
  const options_: ApiHandler = (request) => {
    const preflight = corsPreflightHeaders(
      request.headers.get('origin'),
      request.headers.get('access-control-request-method'),
      supported,
      readCorsOrigins(),
    );
    return Promise.resolve(
      new Response(null, { status: 204, headers: { Allow: allow, ...preflight } }),
    );
  };

  return {
    GET: handlerFor('GET'),
    POST: handlerFor('POST'),
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
    OPTIONS: options_,
  };
}
