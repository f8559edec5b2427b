/**
 * A FHIR reference to the patient, as the panel's `subject` takes it: `Patient/<id>` (optionally
 * `/_history/<version>`), the same on a server (`https://.../Patient/<id>`), or a `urn:uuid:`.
 * Ids as FHIR R4 defines them: 1-64 of A-Z a-z 0-9 - . (FHIR R4, datatypes "id").
 *
 * Three small anchored patterns instead of one: the single pattern was linear in practice, but
 * its server-path repeat beside two bounded {1,64} repeats gave an automaton too large for the
 * ReDoS checker to decide within 20 s. Each pattern here is decided in milliseconds.
 */

/** `Patient/<id>` or `Patient/<id>/_history/<version>`. */
const RELATIVE_PATIENT_REFERENCE =
  /^Patient\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/** A server's base URL before the relative reference: scheme, host[:port], path segments. */
const SERVER_BASE_URL = /^https?:\/\/[A-Za-z0-9\-.:%$]+(?:\/[A-Za-z0-9\-._~%$]+)*$/;

/** A `urn:uuid:` in lower-case hex, as FHIR writes it. */
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Parts of a relative reference when split at `/`: `Patient/<id>` has 2, with `_history` 4.
 * Neither an id nor a version holds a `/`, so an absolute reference is its base URL plus the last
 * 2 or 4 parts. A text with fewer parts leaves an empty base, which the base pattern refuses.
 */
const RELATIVE_PART_COUNTS = [2, 4] as const;

/**
 * Whether a text is a FHIR patient reference the panel accepts.
 * @param reference - the reference as written (its length is limited by the schema first)
 * @returns true for `Patient/<id>[/_history/<v>]`, `http(s)://<base>/Patient/<id>[/_history/<v>]`
 *   or `urn:uuid:<uuid>`
 */
export function isPatientReference(reference: string): boolean {
  if (URN_UUID.test(reference) || RELATIVE_PATIENT_REFERENCE.test(reference)) return true;
  const parts = reference.split('/');
  return RELATIVE_PART_COUNTS.some(
    (count) =>
      RELATIVE_PATIENT_REFERENCE.test(parts.slice(-count).join('/')) &&
      SERVER_BASE_URL.test(parts.slice(0, -count).join('/')),
  );
}
