/**
 * Next.js 16 proxy (formerly middleware). Three jobs:
 * - a request with a body (no route here takes one) gets 413, a page any method but GET and
 *   HEAD 405, and a Next-Action header 400, before it is routed (server/request-guard.ts);
 * - every HTML page gets a per-request CSP nonce (with `report-uri` when LABS_CSP_REPORT_URI
 *   is set);
 * - an unknown /api path gets a problem+json 404 (401 without a token, when tokens are set).
 * The API routes themselves and build assets are left out of the matcher: they get a fixed,
 * stricter policy from next.config.mjs, and skipping the proxy keeps API bodies streaming (a
 * proxy makes Next.js copy the request body for it first), so MAX_BODY_BYTES is enforced while
 * reading.
 */
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { buildPageCsp, createNonce } from '@/server/http/csp';
import { problemResponse } from '@/server/api-route';
import { isAuthorized, readApiTokens } from '@/server/api-auth';
import { refuseUnroutedRequest } from '@/server/request-guard';
import { listSmartIssuers, smartConnectOrigins, smartFrameOrigins } from '@/server/smart-config';

/**
 * Refuses bodies, odd methods and Next-Action, answers unknown API paths, and sets the page's
 * Content-Security-Policy on the request (where Next.js reads the nonce while rendering) and on the
 * response (where the browser enforces it).
 * @param request - the incoming request
 * @returns the response
 */
export function proxy(request: NextRequest): Response {
  const api = /^\/api(\/|$)/.test(request.nextUrl.pathname);
  const refusal = refuseUnroutedRequest({ method: request.method, headers: request.headers, api });
  if (refusal !== null) return problemResponse(refusal.code, [], refusal.detail, refusal.headers);
  if (api) {
    // A catch-all route would do this too, but Next.js answers 500 when it cannot decode such a
    // route's parameters (/api/%), so unknown API paths are settled here instead.
    return isAuthorized(request.headers.get('authorization'), readApiTokens())
      ? problemResponse('not-found')
      : problemResponse('unauthorized', [], undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  // SMART on FHIR: the page may talk to exactly the trusted EHRs, and be framed by exactly the
  // EHR origins configured for an embedded launch (none configured: refused, as before).
  const issuers = listSmartIssuers();
  const frameAncestors = smartFrameOrigins(issuers);
  const policy = buildPageCsp(createNonce(), {
    dev: process.env.NODE_ENV === 'development',
    connect: smartConnectOrigins(issuers),
    frameAncestors,
    reportUri: process.env.LABS_CSP_REPORT_URI,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  // X-Frame-Options has no allow-list: with frame origins configured, frame-ancestors alone
  // decides.
  if (frameAncestors.length === 0) response.headers.set('X-Frame-Options', 'DENY');
  return response;
}

export const config = {
  matcher: [
    '/((?!api/(?:interpret|handout|references|health|openapi\\.json)$|_next/static/|_next/image|fonts/|favicon.ico).*)',
  ],
};
