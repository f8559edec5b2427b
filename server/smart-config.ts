/**
 * The EHRs this deployment trusts for a SMART on FHIR launch, read from LABS_SMART_ISSUERS.
 *
 * The variable holds a JSON array, one object per EHR:
 *
 *   [{ "iss": "https://fhir.example.org/r4", "clientId": "labs-app",
 *      "name": "Example EHR",                          (optional: shown on "Open from EHR")
 *      "frameOrigins": ["https://ehr.example.org"],    (optional: may show us inside a frame)
 *      "authOrigins": ["https://auth.example.org"],    (optional: OAuth server on another origin)
 *      "timeoutSeconds": 15 }]                         (optional: per FHIR request, default 15)
 *
 * Only an `iss` on this list is ever contacted; the page's connect-src lists exactly these
 * origins (issuer and auth origins) and frame-ancestors exactly the frame origins. Client ids of
 * public SMART clients are not secrets: they are sent to the browser, which runs the whole flow.
 * Unset or empty, no EHR launch is offered and framing stays refused.
 */
import { formatLocation, toFieldPath } from '@/lib/formats/location';
import { trimTrailingSlashes } from '@/lib/smart/url';
import * as z from 'zod';

/** Default time a FHIR request may take before the app says the EHR is slow. */
export const DEFAULT_SMART_TIMEOUT_SECONDS = 15;

const originSchema = z
  .string({ error: 'must be text' })
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          url.origin === text.replace(/\/$/, '')
        );
      } catch {
        return false;
      }
    },
    { error: 'must be an origin such as https://ehr.example.org (no path)' },
  )
  .transform((text) => new URL(text).origin);

const issuerSchema = z.strictObject(
  {
    iss: z.string({ error: 'must be text' }).refine(
      (text) => {
        try {
          const url = new URL(text);
          return (
            (url.protocol === 'https:' || url.protocol === 'http:') &&
            url.search === '' &&
            url.hash === ''
          );
        } catch {
          return false;
        }
      },
      { error: 'must be the FHIR base URL (http or https, no query)' },
    ),
    clientId: z
      .string({ error: 'must be text' })
      .min(1, { error: 'is required' })
      .max(200, { error: 'must be at most 200 characters' }),
    name: z.string({ error: 'must be text' }).max(100).optional(),
    frameOrigins: z.array(originSchema, { error: 'must be a list of origins' }).optional(),
    authOrigins: z.array(originSchema, { error: 'must be a list of origins' }).optional(),
    timeoutSeconds: z
      .number({ error: 'must be a number' })
      .positive({ error: 'must be more than 0' })
      .max(120, { error: 'must be at most 120' })
      .optional(),
  },
  { error: 'must be an object {iss, clientId, ...}' },
);

const issuersSchema = z.array(issuerSchema, { error: 'must be a JSON array of issuers' });

/** One trusted EHR, normalised. */
export interface SmartIssuer {
  /** The FHIR base URL exactly as configured, without a trailing slash. */
  readonly iss: string;
  readonly clientId: string;
  readonly name: string;
  readonly frameOrigins: readonly string[];
  readonly authOrigins: readonly string[];
  readonly timeoutSeconds: number;
}

/** The parsed configuration, or the problems that made it unusable. */
export type SmartConfig =
  | { readonly ok: true; readonly issuers: readonly SmartIssuer[] }
  | { readonly ok: false; readonly errors: readonly string[] };

const trimSlash = trimTrailingSlashes;

/**
 * Reads LABS_SMART_ISSUERS. A malformed value disables SMART entirely (no issuer is trusted and
 * nothing may frame the app) rather than trusting part of it; the errors name the field.
 * @param env - the environment to read (default: process.env)
 * @returns the trusted issuers, or the problems with the variable
 */
export function readSmartConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SmartConfig {
  const raw = (env.LABS_SMART_ISSUERS ?? '').trim();
  if (raw === '') return { ok: true, issuers: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, errors: ['LABS_SMART_ISSUERS: must be valid JSON (an array of issuers)'] };
  }
  const parsed = issuersSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const path = formatLocation(['LABS_SMART_ISSUERS', ...toFieldPath(issue.path)]);
        return `${path}: ${issue.message}`;
      }),
    };
  }
  const seen = new Set<string>();
  const errors: string[] = [];
  const issuers = parsed.data.map((entry, index): SmartIssuer => {
    const iss = trimSlash(entry.iss);
    if (seen.has(iss)) {
      errors.push(`${formatLocation(['LABS_SMART_ISSUERS', index, 'iss'])}: is listed twice`);
    }
    seen.add(iss);
    return {
      iss,
      clientId: entry.clientId,
      name: entry.name ?? new URL(iss).host,
      frameOrigins: entry.frameOrigins ?? [],
      authOrigins: entry.authOrigins ?? [],
      timeoutSeconds: entry.timeoutSeconds ?? DEFAULT_SMART_TIMEOUT_SECONDS,
    };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, issuers };
}

/**
 * The trusted issuers, or none when the configuration is missing or malformed.
 * @param env - the environment to read (default: process.env)
 * @returns the issuers
 */
export function listSmartIssuers(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly SmartIssuer[] {
  // Every page request asks (for its CSP): parse once per distinct value of the variable.
  const raw = env.LABS_SMART_ISSUERS ?? '';
  if (cached?.raw !== raw) {
    const config = readSmartConfig(env);
    cached = { raw, issuers: config.ok ? config.issuers : [] };
  }
  return cached.issuers;
}

let cached: { raw: string; issuers: readonly SmartIssuer[] } | undefined;

/**
 * Finds the configured issuer for a launch's `iss`, comparing exactly (a trailing slash aside):
 * no prefix or host match, so https://ehr.example.org.evil.test never passes.
 * @param iss - the `iss` query parameter
 * @param issuers - the trusted issuers
 * @returns the issuer, or undefined when it is not trusted
 */
export function findSmartIssuer(
  iss: string | undefined,
  issuers: readonly SmartIssuer[],
): SmartIssuer | undefined {
  if (iss === undefined) return undefined;
  const wanted = trimSlash(iss.trim());
  return issuers.find((issuer) => issuer.iss === wanted);
}

/**
 * The origins a page may connect to for SMART: every issuer's origin and its auth origins.
 * @param issuers - the trusted issuers
 * @returns distinct origins, in configuration order
 */
export function smartConnectOrigins(issuers: readonly SmartIssuer[]): string[] {
  return [
    ...new Set(issuers.flatMap((issuer) => [new URL(issuer.iss).origin, ...issuer.authOrigins])),
  ];
}

/**
 * The origins that may show the app inside a frame (an embedded EHR launch).
 * @param issuers - the trusted issuers
 * @returns distinct origins; empty means framing stays refused
 */
export function smartFrameOrigins(issuers: readonly SmartIssuer[]): string[] {
  return [...new Set(issuers.flatMap((issuer) => issuer.frameOrigins))];
}
