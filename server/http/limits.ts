/**
 * Every limit the HTTP API enforces, stated once. The routes, the request guard, the problem
 * table, the OpenAPI document and the README all read these numbers from here.
 */

/**
 * The largest request body the API reads: 2 MiB. Real patient Bundles from EHRs run 70-200 KB,
 * and our own FHIR output for 100 panels is under 1 MiB; counted while reading, 413 above.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The most panels one request may hold (a list of panels, or the panels of a FHIR Bundle). */
export const MAX_PANELS_PER_REQUEST = 100;

/** The most field errors a problem response lists; `errorCount` gives the full number. */
export const MAX_LISTED_ERRORS = 50;

/**
 * How long a client may take to send its request headers, and then its whole body, before the
 * server closes the connection (a slow client holds a socket, not the CPU).
 */
export const HEADERS_TIMEOUT_MS = 10_000;
/** See {@link HEADERS_TIMEOUT_MS}: the whole request, headers and body. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Bytes as people read them: `2 MiB`, `64 KiB`, `100 bytes`.
 * @param bytes - a whole number of bytes
 * @returns the size in the largest binary unit that divides it
 */
export function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
