/**
 * Every limit the HTTP API enforces, stated once. The routes, the problem table, the OpenAPI
 * document and the README read these numbers from here; deploy/nginx.conf repeats the body limit
 * (tests/e2e/api-nginx.spec.ts checks both refuse the same byte). Client timeouts are nginx's.
 */

/**
 * The largest request body the API reads. Real patient Bundles from EHRs run 70-200 KB, and our
 * own FHIR output for MAX_PANELS_PER_REQUEST panels is well under it; counted while reading, 413
 * above.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The most panels one request may hold (a list of panels, or the panels of a FHIR Bundle). */
export const MAX_PANELS_PER_REQUEST = 100;

/** The most field errors a problem response lists; `errorCount` gives the full number. */
export const MAX_LISTED_ERRORS = 50;

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
