/**
 * CORS, off by default. LABS_CORS_ORIGINS lists the origins (scheme://host[:port], comma-
 * separated) of EHR-embedded clients that may call the API from a browser; any other origin
 * gets no CORS header at all, so the browser keeps its same-origin rule.
 */

/** Request headers a cross-origin client may send. */
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, Accept, If-None-Match';
/** Response headers a cross-origin client may read beyond the safelisted ones. */
const EXPOSED_HEADERS = 'ETag, Content-Disposition';
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * The allowed origins, read on every call (a restarted process picks up a new list).
 * @param env - the environment to read (default: process.env)
 * @returns the origins, lower-cased without a trailing slash; empty when CORS is off
 */
export function readCorsOrigins(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ReadonlySet<string> {
  return new Set(
    (env.LABS_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().toLowerCase().replace(/\/$/, ''))
      .filter((origin) => origin !== ''),
  );
}

/**
 * The CORS headers of an ordinary (not preflight) response.
 * @param origin - the request's Origin header, or null
 * @param allowed - the allowed origins
 * @returns the headers to add (none when the origin is not allowed or CORS is off)
 */
export function corsResponseHeaders(
  origin: string | null,
  allowed: ReadonlySet<string>,
): Record<string, string> {
  if (allowed.size === 0) return {};
  if (origin === null || !allowed.has(origin.toLowerCase())) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

/**
 * The CORS headers of a preflight answer (OPTIONS with Access-Control-Request-Method).
 * @param origin - the request's Origin header, or null
 * @param requestedMethod - the Access-Control-Request-Method header
 * @param methods - the methods the route has
 * @param allowed - the allowed origins
 * @returns the headers to add (none when the origin or the method is not allowed)
 */
export function corsPreflightHeaders(
  origin: string | null,
  requestedMethod: string | null,
  methods: readonly string[],
  allowed: ReadonlySet<string>,
): Record<string, string> {
  const base = corsResponseHeaders(origin, allowed);
  if (!('Access-Control-Allow-Origin' in base)) return base;
  if (requestedMethod === null || !methods.includes(requestedMethod)) return { Vary: 'Origin' };
  return {
    ...base,
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
  };
}
