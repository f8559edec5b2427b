// The browser side of the SMART session: finish the authorization with fhirclient, read the chart
// with a time limit, file the handout back. Loaded only on /smart. Tokens stay in fhirclient's
// sessionStorage state; nothing here is sent to our own server.
import type Client from 'fhirclient/lib/Client';
import { CHART_LOINC_CODES } from '@/lib/smart/chart';
import { isScopeGranted } from '@/lib/smart/scopes';

/** A failure the screen explains in words. */
export class SmartError extends Error {
  constructor(
    message: string,
    readonly kind: 'denied' | 'auth' | 'token' | 'down' | 'timeout' | 'http' | 'no-session',
  ) {
    super(message);
  }
}

/** What was read from the chart. */
export interface ChartData {
  readonly patientId: string;
  readonly patientName?: string;
  readonly birthDate?: string;
  readonly observations: readonly unknown[];
  readonly medications: readonly unknown[];
  readonly conditions: readonly unknown[];
  /** Reads that failed but did not stop the session (optional resources). */
  readonly notes: readonly string[];
  readonly fhirUser?: string;
  readonly serverUrl: string;
  readonly scope: string;
  readonly canSaveDocument: boolean;
}

const SMART_KEY = 'SMART_KEY';

/**
 * Whether this tab holds a SMART session or an authorization answer to finish.
 * @returns true when /smart should try to connect
 */
export function hasSmartSession(): boolean {
  const params = new URLSearchParams(window.location.search);
  return (
    params.has('code') || params.has('error') || window.sessionStorage.getItem(SMART_KEY) !== null
  );
}

/** Forgets the session: fhirclient's state (token, PKCE verifier) leaves sessionStorage. */
export function endSmartSession(): void {
  const key = window.sessionStorage.getItem(SMART_KEY);
  if (key !== null) window.sessionStorage.removeItem(JSON.parse(key) as string);
  window.sessionStorage.removeItem(SMART_KEY);
  window.history.replaceState(null, '', '/smart');
}

/**
 * Finishes the authorization (code exchange as a public client with the PKCE verifier) or
 * resumes the session of this tab.
 * @returns the fhirclient client
 * @throws SmartError with a clinician-facing message
 */
export async function connectSmart(): Promise<Client> {
  const params = new URLSearchParams(window.location.search);
  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    endSmartSession();
    if (error === 'access_denied') {
      throw new SmartError(
        'Access was not granted in the EHR (consent was declined), so nothing was read from the chart.',
        'denied',
      );
    }
    throw new SmartError(
      `The EHR refused the sign-in (${error}${description === null ? '' : `: ${description}`}).`,
      'auth',
    );
  }
  const { default: FHIR } = await import('fhirclient');
  try {
    const client = await FHIR.oauth2.ready();
    // The code and state are spent: keep them out of the address bar and history.
    if (params.has('code')) window.history.replaceState(null, '', '/smart');
    return client;
  } catch (caught) {
    endSmartSession();
    const message = caught instanceof Error ? caught.message : 'unknown error';
    throw new SmartError(
      `The EHR did not give this app an access token (${message}). Launch the app again from the EHR.`,
      'token',
    );
  }
}

async function withTimeout<T>(
  seconds: number,
  what: string,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new SmartError(
          `The EHR's FHIR server did not answer within ${seconds} seconds while reading ${what}.`,
          'timeout',
        ),
      );
    }, seconds * 1000);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } catch (caught) {
    if (caught instanceof SmartError) throw caught;
    const status = (caught as { status?: unknown }).status;
    if (typeof status === 'number') {
      throw new SmartError(
        `The EHR's FHIR server answered ${status} while reading ${what}.`,
        'http',
      );
    }
    throw new SmartError(
      `The EHR's FHIR server could not be reached while reading ${what}.`,
      'down',
    );
  } finally {
    clearTimeout(timer);
  }
}

async function search(
  client: Client,
  url: string,
  seconds: number,
  what: string,
): Promise<unknown[]> {
  const found = await withTimeout(seconds, what, (signal) =>
    client.request<unknown[]>({ url, signal }, { pageLimit: 5, flat: true }),
  );
  return Array.isArray(found) ? found : [];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function patientName(patient: Record<string, unknown>): string | undefined {
  const names = Array.isArray(patient.name) ? (patient.name as Array<Record<string, unknown>>) : [];
  const name = names.find((n) => n.use === 'official') ?? names[0];
  if (name === undefined) return undefined;
  const given = Array.isArray(name.given) ? (name.given as unknown[]).map(text) : [];
  const parts = [...given, text(name.family)].filter((p): p is string => p !== undefined);
  return text(name.text) ?? (parts.length > 0 ? parts.join(' ') : undefined);
}

/**
 * Reads the patient, our Observations (by LOINC, newest first) and, when granted, active
 * medicines and conditions.
 * @param client - the connected client
 * @param seconds - the time limit per request
 * @returns the chart data
 * @throws SmartError when the patient or the Observations cannot be read
 */
export async function readChart(client: Client, seconds: number): Promise<ChartData> {
  const patientId = client.getPatientId();
  if (patientId === null) {
    throw new SmartError('The EHR did not say which patient is open.', 'token');
  }
  const scope = String(client.getState('tokenResponse.scope') ?? '');
  const patient = await withTimeout(seconds, 'the patient', (signal) =>
    client.request<Record<string, unknown>>({
      url: `Patient/${encodeURIComponent(patientId)}`,
      signal,
    }),
  );
  const codes = CHART_LOINC_CODES.map((code) => `http://loinc.org|${code}`).join(',');
  const id = encodeURIComponent(patientId);
  const observations = await search(
    client,
    `Observation?patient=${id}&code=${encodeURIComponent(codes)}&_sort=-date&_count=100`,
    seconds,
    'the lab results',
  );
  const notes: string[] = [];
  const optional = async (type: string, url: string, what: string): Promise<unknown[]> => {
    if (!isScopeGranted(scope, type, 's')) {
      notes.push(`Not granted by the EHR: ${what} (scope patient/${type}.rs).`);
      return [];
    }
    try {
      return await search(client, url, seconds, what);
    } catch (caught) {
      notes.push(caught instanceof Error ? caught.message : `Could not read ${what}.`);
      return [];
    }
  };
  const [requests, statements, conditions] = await Promise.all([
    optional(
      'MedicationRequest',
      `MedicationRequest?patient=${id}&_count=100`,
      'medication orders',
    ),
    optional(
      'MedicationStatement',
      `MedicationStatement?patient=${id}&_count=100`,
      'medication statements',
    ),
    optional('Condition', `Condition?patient=${id}&_count=100`, 'conditions'),
  ]);
  const name = patientName(patient);
  const birthDate = text(patient.birthDate);
  const fhirUser = client.getFhirUser() ?? undefined;
  return {
    patientId,
    ...(name === undefined ? {} : { patientName: name }),
    ...(birthDate === undefined ? {} : { birthDate }),
    observations,
    medications: [...requests, ...statements],
    conditions,
    notes,
    ...(fhirUser === undefined ? {} : { fhirUser }),
    serverUrl: client.state.serverUrl,
    scope,
    canSaveDocument: isScopeGranted(scope, 'DocumentReference', 'c'),
  };
}

/**
 * Creates a resource on the EHR.
 * @param client - the connected client
 * @param resource - the resource
 * @param seconds - the time limit
 * @returns the created resource's id
 * @throws SmartError when it fails
 */
export async function createOnChart(
  client: Client,
  resource: { resourceType: string },
  seconds: number,
): Promise<string> {
  const created = await withTimeout(seconds, 'the save', (signal) =>
    client.create(resource as never, { signal }),
  );
  const id = text((created as { id?: unknown } | undefined)?.id);
  if (id === undefined) throw new SmartError('The EHR did not confirm the save.', 'http');
  return id;
}
