/**
 * What the app refuses from the request line and headers alone, inside Next.js's own request
 * model (Next.js offers no hook on its Node HTTP server, and this app no longer patches one):
 * - a `Next-Action` header (the app has no server actions; Next.js would log the header's
 *   text while looking for one): 400, from proxy.ts for pages and from the route frame
 *   (server/api-route.ts) for the API;
 * - a body sent to a page or an unknown API path (no route there takes one): 413, and any
 *   method but GET and HEAD on a page: 405, from proxy.ts. Next.js reads such a body to its
 *   end before the proxy answers (it copies it for the proxy), so the load balancer's body
 *   limit is what bounds it.
 * What Next.js cannot answer is the load balancer's (deploy/nginx.conf, tested by
 * tests/e2e/api-nginx.spec.ts): methods outside HTTP's usual seven (Next.js cannot build a
 * WHATWG Request for TRACE or TRACK and answers 500), header and body timeouts, the body limit
 * before a byte reaches an instance, and a lingering close after a refusal.
 */
import type { ProblemCode } from '@/server/http/problem';

/** A refusal: the problem to answer with, and extra headers. */
export interface GuardAnswer {
  readonly code: ProblemCode;
  readonly detail: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The methods a page answers. */
const PAGE_METHODS = ['GET', 'HEAD'] as const;

/**
 * Whether a request carries a body (RFC 9112 section 6.3: Transfer-Encoding, or a
 * Content-Length other than 0).
 * @param headers - the request headers
 * @returns true when a body follows the headers
 */
export function hasBody(headers: Headers): boolean {
  if (headers.get('transfer-encoding') !== null) return true;
  const length = headers.get('content-length');
  return length !== null && length.trim() !== '0';
}

/**
 * Refuses a `Next-Action` header (any path: the app has no server actions).
 * @param headers - the request headers
 * @returns the 400 to answer, or null when there is no such header
 */
export function refuseNextAction(headers: Headers): GuardAnswer | null {
  if (!headers.has('next-action')) return null;
  return {
    code: 'unsupported-header',
    detail: 'This app has no server actions; the Next-Action header is refused.',
  };
}

/**
 * What proxy.ts answers before a page or an unknown API path is routed: a Next-Action header
 * (400), any body (413: no route there takes one), or a method a page does not answer (405).
 * @param request - method and headers (and whether the path is under /api)
 * @returns the refusal, or null to route the request
 */
export function refuseUnroutedRequest(request: {
  readonly method: string;
  readonly headers: Headers;
  readonly api: boolean;
}): GuardAnswer | null {
  const nextAction = refuseNextAction(request.headers);
  if (nextAction !== null) return nextAction;
  if (hasBody(request.headers)) {
    return { code: 'payload-too-large', detail: 'This path takes no request body.' };
  }
  if (request.api || (PAGE_METHODS as readonly string[]).includes(request.method)) return null;
  const allow = PAGE_METHODS.join(', ');
  return {
    code: 'method-not-allowed',
    detail: `Pages answer ${allow}.`,
    headers: { Allow: allow },
  };
}
