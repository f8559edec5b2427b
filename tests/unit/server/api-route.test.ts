/**
 * The route frame (methods, OPTIONS, 405, 406, CORS), tested on plain Request objects: no server
 * needed. What the frame and the proxy refuse from headers alone:
 * tests/unit/server/request-guard.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, MAX_PANELS_PER_REQUEST } from '@/server/http/limits';
import { cspReportUri } from '@/server/http/csp';
import { defineRoute } from '@/server/api-route';
import { corsPreflightHeaders, readCorsOrigins } from '@/server/cors';
import { readJsonBody } from '@/server/read-json-body';

const TOKEN = 'a-long-enough-token-1';

const route = defineRoute(
  { POST: (_request, { mediaType }) => Promise.resolve(Response.json({ mediaType })) },
  { produces: ['application/json', 'application/fhir+json'] },
);
const getRoute = defineRoute(
  { GET: () => Promise.resolve(Response.json({ ok: true })) },
  { access: 'public', produces: ['application/json'] },
);

const post = (headers: Record<string, string> = {}) =>
  new Request('http://x/api/interpret', { method: 'POST', headers, body: '{}' });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('defineRoute', () => {
  it('answers OPTIONS with the methods the route has, and nothing else', async () => {
    const response = await route.OPTIONS(
      new Request('http://x/api/interpret', { method: 'OPTIONS' }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    const get = await getRoute.OPTIONS(new Request('http://x/api/health', { method: 'OPTIONS' }));
    expect(get.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE'] as const)(
    'answers %s with 405 and Allow',
    async (method) => {
      const response = await route[method](new Request('http://x/api/interpret', { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    },
  );

  it.each([['application/fhir+xml'], ['text/html'], ['application/xml;q=1, application/json;q=0']])(
    'answers Accept %j with 406 problem+json, naming what it can produce',
    async (accept) => {
      const response = await route.POST(post({ accept }));
      expect(response.status).toBe(406);
      const problem = (await response.json()) as { detail: string };
      expect(problem.detail).toContain('application/json or application/fhir+json');
    },
  );

  it.each([
    ['application/json+fhir', 'application/fhir+json'],
    ['application/fhir+json', 'application/fhir+json'],
    ['*/*', 'application/json'],
  ])('negotiates Accept %j to %s', async (accept, expected) => {
    const response = await route.POST(post({ accept }));
    expect(await response.json()).toEqual({ mediaType: expected });
  });

  it('sends no CORS header when LABS_CORS_ORIGINS is unset, whatever the Origin', async () => {
    const response = await route.POST(post({ origin: 'https://ehr.example' }));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await route.OPTIONS(
      new Request('http://x/api/interpret', {
        method: 'OPTIONS',
        headers: { origin: 'https://ehr.example', 'access-control-request-method': 'POST' },
      }),
    );
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows exactly the listed origins when LABS_CORS_ORIGINS is set', async () => {
    vi.stubEnv('LABS_CORS_ORIGINS', 'https://ehr.example, https://other.example/');
    const allowed = await route.POST(post({ origin: 'https://ehr.example' }));
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ehr.example');
    expect(allowed.headers.get('vary')).toContain('Origin');
    const refused = await route.POST(post({ origin: 'https://evil.example' }));
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await route.OPTIONS(
      new Request('http://x/api/interpret', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://other.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('answers a preflight for a method the route lacks without CORS approval', () => {
    const allowed = readCorsOrigins({ LABS_CORS_ORIGINS: 'https://ehr.example' });
    expect(corsPreflightHeaders('https://ehr.example', 'DELETE', ['POST'], allowed)).toEqual({
      Vary: 'Origin',
    });
  });

  it('keeps CORS headers on a 401 so the EHR client can read why', async () => {
    vi.stubEnv('LABS_CORS_ORIGINS', 'https://ehr.example');
    vi.stubEnv('LABS_API_TOKENS', TOKEN);
    const response = await route.POST(post({ origin: 'https://ehr.example' }));
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://ehr.example');
  });
});

describe('readJsonBody', () => {
  it(`refuses a list of more than ${MAX_PANELS_PER_REQUEST} panels with 413 before reading any`, async () => {
    const panels = Array.from({ length: MAX_PANELS_PER_REQUEST + 1 }, () => ({}));
    const outcome = await readJsonBody(
      new Request('http://x/api/interpret', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(panels),
      }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.response.status).toBe(413);
    const problem = (await outcome.response.json()) as { type: string; detail: string };
    expect(problem.type).toContain('too-many-panels');
    expect(problem.detail).toContain(`${MAX_PANELS_PER_REQUEST + 1} panels`);
  });

  it('passes HL7 v2 on as text', async () => {
    const outcome = await readJsonBody(
      new Request('http://x/api/interpret', {
        method: 'POST',
        headers: { 'content-type': 'x-application/hl7-v2+er7' },
        body: 'MSH|^~\\&|LAB\r',
      }),
    );
    expect(outcome).toEqual({
      ok: true,
      kind: 'text',
      text: 'MSH|^~\\&|LAB\r',
      mediaType: 'x-application/hl7-v2+er7',
    });
  });

  it('closes the connection after a 413 for a body that is too large', async () => {
    const outcome = await readJsonBody(
      new Request('http://x/api/interpret', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: ' '.repeat(MAX_BODY_BYTES + 1),
      }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.response.status).toBe(413);
    expect(outcome.response.headers.get('connection')).toBe('close');
  });
});

describe('cspReportUri', () => {
  it.each([
    ['https://reports.example/csp', 'https://reports.example/csp'],
    ['/api/csp-reports', '/api/csp-reports'],
    [undefined, undefined],
    ['', undefined],
    ['http://reports.example/csp', undefined],
    ['https://x.example/a; script-src *', undefined],
    ['//evil.example/x', undefined],
    ['javascript:alert(1)', undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(cspReportUri(value)).toBe(expected);
  });
});
