/**
 * Content-Type and Accept handling for the API: which bodies it reads, and which of the media
 * types a route can produce a client asked for (or that it asked for none of them: 406).
 */

/** The JSON body media types the API reads; `application/json+fhir` is FHIR's older name. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/fhir+json'] as const;
/** One of {@link JSON_MEDIA_TYPES}. */
export type JsonMediaType = (typeof JSON_MEDIA_TYPES)[number];

/** HL7 v2 (ER7, pipe-delimited text) as labs send it; read as text by the document reader. */
export const HL7_MEDIA_TYPES = ['x-application/hl7-v2+er7', 'application/hl7-v2'] as const;

/** Every request body media type the API reads, as written in the OpenAPI document. */
export const BODY_MEDIA_TYPES = [
  ...JSON_MEDIA_TYPES,
  'application/json+fhir',
  ...HL7_MEDIA_TYPES,
] as const;

/** How a request body is read: parsed as JSON, or passed on as text (HL7 v2). */
export type BodyKind =
  | { readonly kind: 'json'; readonly mediaType: JsonMediaType }
  | {
      readonly kind: 'text';
      readonly mediaType: (typeof HL7_MEDIA_TYPES)[number];
    };

/** Media type aliases: the name a client may send -> the name the API uses. */
const ALIASES: Readonly<Record<string, string>> = {
  'application/json+fhir': 'application/fhir+json',
};

function canonical(mediaType: string): string {
  return Object.hasOwn(ALIASES, mediaType) ? (ALIASES[mediaType] ?? mediaType) : mediaType;
}

/** Splits `type/subtype; a=b; c="d"` into the lower-cased essence and its parameters. */
function splitMediaType(text: string): { essence: string; parameters: Map<string, string> } {
  const [essence = '', ...rest] = text.split(';');
  const parameters = new Map<string, string>();
  for (const parameter of rest) {
    const at = parameter.indexOf('=');
    if (at === -1) continue;
    let value = parameter.slice(at + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    parameters.set(parameter.slice(0, at).trim().toLowerCase(), value);
  }
  return { essence: essence.trim().toLowerCase(), parameters };
}

/**
 * Checks a request's Content-Type: JSON, FHIR JSON (either name) or HL7 v2, in UTF-8 (the only
 * charset JSON allows, RFC 8259 section 8.1; ASCII, HL7's default, is a subset of it).
 * @param header - the Content-Type header value, or null when absent
 * @returns how to read the body, or null when the API does not read it
 */
export function parseBodyContentType(header: string | null): BodyKind | null {
  if (header === null) return null;
  const { essence, parameters } = splitMediaType(header);
  const charset = parameters.get('charset')?.toLowerCase();
  const mediaType = canonical(essence);
  if ((JSON_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return null;
    return { kind: 'json', mediaType: mediaType as JsonMediaType };
  }
  if ((HL7_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    const textCharsets = ['utf-8', 'utf8', 'us-ascii', 'ascii'];
    if (charset !== undefined && !textCharsets.includes(charset)) return null;
    return { kind: 'text', mediaType: mediaType as (typeof HL7_MEDIA_TYPES)[number] };
  }
  return null;
}

/**
 * Picks the media type to answer with from an Accept header (RFC 9110 section 12.5.1): the
 * offered type with the highest q-value among the ranges that match it (exact, `type/*`,
 * `*\/*`); on a tie, the offer listed first. No header means the first offer.
 * @param header - the Accept header value, or null when absent
 * @param offered - the types the route can produce, its default first
 * @returns the type to answer with, or null when the client accepts none of them (406)
 */
export function negotiateMediaType<T extends string>(
  header: string | null,
  offered: readonly [T, ...T[]],
): T | null {
  if (header === null || header.trim() === '') return offered[0];
  const ranges = header.split(',').map((range) => {
    const { essence, parameters } = splitMediaType(range);
    const q = parameters.has('q') ? Number(parameters.get('q')) : 1;
    return { essence: canonical(essence), q: Number.isFinite(q) ? q : 0 };
  });
  let best: { type: T; q: number; specificity: number } | null = null;
  for (const type of offered) {
    // The most specific matching range decides this type's q-value.
    let match: { q: number; specificity: number } | null = null;
    for (const range of ranges) {
      const specificity =
        range.essence === type
          ? 3
          : range.essence === `${type.split('/')[0]}/*`
            ? 2
            : range.essence === '*/*'
              ? 1
              : 0;
      if (specificity > 0 && (match === null || specificity > match.specificity)) {
        match = { q: range.q, specificity };
      }
    }
    if (match === null || match.q <= 0) continue;
    if (best === null || match.q > best.q) best = { type, ...match };
  }
  return best?.type ?? null;
}
