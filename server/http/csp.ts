/**
 * Content-Security-Policy values. Pages get a fresh nonce per request (set by proxy.ts): Next.js
 * reads it from the request's CSP header and puts it on its own inline and bundle scripts, so
 * scripts never need 'unsafe-inline' or 'unsafe-eval'.
 */

/** A directive name and its sources, in the order they are written. */
type Directives = ReadonlyArray<readonly [string, ...string[]]>;

const serialise = (directives: Directives): string =>
  directives.map((parts) => parts.join(' ')).join('; ');

/**
 * The policy of an HTML page.
 * @param nonce - the request's nonce (base64, fresh per request)
 * @param options - `dev` adds 'unsafe-eval', which React needs in development only for its
 *   error overlays; production never sends it. `reportUri` adds `report-uri` (see
 *   {@link cspReportUri}). `connect` and `frameAncestors` are the trusted
 *   SMART EHR origins (see server/smart-config.ts): the browser talks to exactly those, and only
 *   those may frame the page; empty, the page connects to itself only and refuses every frame.
 * @returns the header value
 */
export function buildPageCsp(
  nonce: string,
  options: {
    readonly dev?: boolean;
    readonly reportUri?: string;
    readonly connect?: readonly string[];
    readonly frameAncestors?: readonly string[];
  } = {},
): string {
  // 'wasm-unsafe-eval' lets the handout compile HarfBuzz (WebAssembly) for names that need
  // shaping; it does not allow eval() or new Function().
  const script = [
    'script-src',
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    "'self'",
    "'wasm-unsafe-eval'",
  ] as const;
  const report = cspReportUri(options.reportUri);
  const connect = options.connect ?? [];
  const frameAncestors = options.frameAncestors ?? [];
  return serialise([
    ['default-src', "'self'"],
    options.dev === true ? [...script, "'unsafe-eval'"] : script,
    ['style-src', "'self'", `'nonce-${nonce}'`],
    // blob: and data: for the handout PDF the browser builds and saves itself.
    ['img-src', "'self'", 'blob:', 'data:'],
    ['font-src', "'self'"],
    // The handout code fetches /fonts/*.ttf from this origin; SMART reads go to trusted EHRs only.
    ['connect-src', "'self'", ...connect],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    frameAncestors.length > 0
      ? ['frame-ancestors', ...(frameAncestors as [string, ...string[]])]
      : ['frame-ancestors', "'none'"],
    ...(report === undefined ? [] : [['report-uri', report] as const]),
  ]);
}

/**
 * Where browsers send CSP violation reports, from LABS_CSP_REPORT_URI: an absolute https URL
 * or a path on this origin. Anything else (spaces, `;` or `,` that would add directives) is
 * ignored, so the setting can never weaken the policy.
 * @param value - the configured value, or undefined
 * @returns the URI to put in `report-uri`, or undefined for no reports
 */
export function cspReportUri(value: string | undefined): string | undefined {
  const uri = value?.trim() ?? '';
  if (uri === '' || /[\s;,'"]/.test(uri)) return undefined;
  if (uri.startsWith('/') && !uri.startsWith('//')) return uri;
  try {
    return new URL(uri).protocol === 'https:' ? uri : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fresh nonce: 128 random bits, base64 (the CSP nonce grammar allows base64 characters).
 * @returns the nonce
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
