/**
 * The SMART App Launch 2 scopes the app asks for, and how to tell what was granted.
 */

/** Always asked for. `launch` is swapped for `launch/patient` in a standalone launch. */
export const REQUIRED_SCOPES = [
  'openid',
  'fhirUser',
  'patient/Patient.r',
  'patient/Observation.rs',
] as const;

/** Asked for; the app works without them (fewer suggestions, no filing to the chart). */
export const OPTIONAL_SCOPES = [
  'patient/MedicationRequest.rs',
  'patient/MedicationStatement.rs',
  'patient/Condition.rs',
  'patient/DocumentReference.c',
] as const;

/**
 * The scope string for a launch.
 * @param kind - `ehr` (the EHR gives a launch token) or `standalone` (the EHR's patient picker)
 * @returns the space-separated scopes
 */
export function buildScope(kind: 'ehr' | 'standalone'): string {
  return [
    kind === 'ehr' ? 'launch' : 'launch/patient',
    ...REQUIRED_SCOPES,
    ...OPTIONAL_SCOPES,
  ].join(' ');
}

const SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.(\*|read|write|[cruds]+)$/;

/**
 * Whether the granted scopes allow an interaction on a resource type for the patient. Reads
 * SMART 2 (`.rs`, `.c`) and SMART 1 (`.read`, `.write`, `.*`) scopes, and `user/` scopes, which
 * cover the patient in context too.
 * @param granted - the token response's `scope`
 * @param resourceType - e.g. `DocumentReference`
 * @param interaction - `c` create, `r` read, `s` search
 * @returns true when some granted scope allows it
 */
export function isScopeGranted(
  granted: string | undefined,
  resourceType: string,
  interaction: 'c' | 'r' | 's',
): boolean {
  for (const scope of (granted ?? '').split(/\s+/)) {
    const match = SCOPE.exec(scope);
    if (match === null || match[1] === 'system') continue;
    const [, , type, access = ''] = match;
    if (type !== '*' && type !== resourceType) continue;
    if (access === '*') return true;
    if (access === 'read' && (interaction === 'r' || interaction === 's')) return true;
    if (access === 'write' && interaction === 'c') return true;
    if (/^[cruds]+$/.test(access) && access.includes(interaction)) return true;
  }
  return false;
}
