// The security headers of every response, defined once. next.config.mjs sends them on every
// route (HTML pages then replace the CSP with a per-request nonce policy in proxy.ts), and
// deploy/nginx.conf repeats them on the few answers nginx gives itself (405, 413; the nginx
// spec checks the two agree). Plain JavaScript so that next.config.mjs can import it as it is.

/** A policy for responses that run no script: API JSON, PDFs, build assets, fonts. */
export const LOCKED_DOWN_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Header name -> value, sent on every response. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': LOCKED_DOWN_CSP,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/**
 * Sent only when the request reached the load balancer over HTTPS (X-Forwarded-Proto: https):
 * two years, subdomains included. Browsers ignore it on plain HTTP, so a client that fakes the
 * header on a loopback server gains nothing.
 */
export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';
