/**
 * Content-Type and Accept handling for the API: which bodies it reads and which of its two
 * JSON flavours (plain or FHIR) a client asked for.
 */

/** The body media types the API reads. */
export const JSON_MEDIA_TYPES = ['application/json', 'application/fhir+json'] as const;
/** One of {@link JSON_MEDIA_TYPES}. */
export type JsonMediaType = (typeof JSON_MEDIA_TYPES)[number];

const isJsonMediaType = (value: string): value is JsonMediaType =>
  (JSON_MEDIA_TYPES as readonly string[]).includes(value);

/**
 * Checks a Content-Type header: JSON or FHIR JSON, in UTF-8 (the only charset JSON allows,
 * RFC 8259 section 8.1).
 * @param header - the Content-Type header value, or null when absent
 * @returns the media type without parameters, or null when the API does not read it
 */
export function parseJsonContentType(header: string | null): JsonMediaType | null {
  if (header === null) return null;
  const [essence = '', ...parameters] = header.split(';');
  const mediaType = essence.trim().toLowerCase();
  if (!isJsonMediaType(mediaType)) return null;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return null;
  }
  return mediaType;
}

/**
 * Picks the response flavour from an Accept header. FHIR JSON only when the client ranks it
 * above plain JSON (by q-value, then by order); anything else, including no header or a
 * wildcard, gets plain JSON, so a client is never refused an answer it can read.
 * @param header - the Accept header value, or null when absent
 * @returns the media type to answer with
 */
export function negotiateJsonFlavour(header: string | null): JsonMediaType {
  let best: { type: JsonMediaType; q: number } = { type: 'application/json', q: -1 };
  for (const range of (header ?? '').split(',')) {
    const [essence = '', ...parameters] = range.split(';');
    const mediaType = essence.trim().toLowerCase();
    let q = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=');
      if (name.trim().toLowerCase() === 'q') q = Number(value.trim());
    }
    if (!Number.isFinite(q) || q <= 0) continue;
    const type: JsonMediaType | null = isJsonMediaType(mediaType)
      ? mediaType
      : mediaType === '*/*' || mediaType === 'application/*'
        ? 'application/json'
        : null;
    if (type !== null && q > best.q) best = { type, q };
  }
  return best.type;
}
