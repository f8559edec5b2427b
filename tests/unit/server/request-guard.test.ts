/**
 * What the app refuses from the request line and headers (server/request-guard.ts), through the two
 * places that use it: the proxy (pages and unknown API paths) and the route frame (the API routes).
 * Plain Request objects: no server needed. Methods Next.js cannot route (TRACE, TRACK, WebDAV),
 * timeouts and the lingering close are nginx's: tests/e2e/api-nginx.spec.ts.
 */
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from '@/proxy';
import { defineRoute } from '@/server/api-route';
import { hasBody, refuseUnroutedRequest } from '@/server/request-guard';

const TOKEN = 'a-long-enough-token-1';

const postRoute = defineRoute(
  {
    POST: async (request) => {
      await request.text();
      return Response.json({ read: true });
    },
  },
  { produces: ['application/json'] },
);

/**
 * A request to the proxy or a route. A Request built here has no Content-Length of its own
 * (Node's server gives one from the request line), so the tests set it with the body.
 */
function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): NextRequest {
  return new NextRequest(`http://x${path}`, { method, headers, body });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('hasBody', () => {
  it.each([
    [{ 'content-length': '10' }, true],
    [{ 'transfer-encoding': 'chunked' }, true],
    [{ 'content-length': '0' }, false],
    [{ 'content-length': ' 0 ' }, false],
    [{}, false],
  ])('%j -> %s', (headers, expected) => {
    expect(hasBody(new Headers(headers))).toBe(expected);
  });
});

describe('refuseUnroutedRequest', () => {
  it.each([
    ['POST', '/', { 'content-length': '10' }, false],
    ['POST', '/references', { 'transfer-encoding': 'chunked' }, false],
    ['GET', '/', { 'content-length': '1' }, false],
    ['POST', '/api/no-such-route', { 'content-length': '9000000' }, true],
    ['POST', '/api/interpret/', { 'content-length': '2' }, true],
  ])('refuses a body where no route takes one: %s %s', (method, _path, headers, api) => {
    const decision = refuseUnroutedRequest({ method, headers: new Headers(headers), api });
    expect(decision?.code).toBe('payload-too-large');
    expect(decision?.detail).toBe('This path takes no request body.');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND'])(
    'answers %s to a page with 405 and Allow: GET, HEAD',
    (method) => {
      const decision = refuseUnroutedRequest({ method, headers: new Headers(), api: false });
      expect(decision?.code).toBe('method-not-allowed');
      expect(decision?.headers?.Allow).toBe('GET, HEAD');
    },
  );

  it('leaves the method of an unknown API path to the proxy (404 or 401 for any method)', () => {
    expect(refuseUnroutedRequest({ method: 'DELETE', headers: new Headers(), api: true })).toBe(
      null,
    );
  });

  it('refuses a Next-Action header before anything else', () => {
    for (const api of [false, true]) {
      const headers = new Headers({ 'next-action': 'x', 'content-length': '2' });
      expect(refuseUnroutedRequest({ method: 'POST', headers, api })?.code).toBe(
        'unsupported-header',
      );
    }
  });

  it.each(['GET', 'HEAD'])('passes %s without a body', (method) => {
    expect(refuseUnroutedRequest({ method, headers: new Headers(), api: false })).toBe(null);
  });
});

describe('proxy', () => {
  it('answers a body to a page with 413 problem+json, naming why', async () => {
    const response = proxy(
      request('POST', '/references', { 'content-type': 'text/plain', 'content-length': '1' }, 'x'),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'This path takes no request body.',
    );
  });

  it('answers PROPFIND on a page with 405 instead of rendering it', () => {
    const response = proxy(request('PROPFIND', '/'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers a Next-Action header with 400, whatever the path', () => {
    for (const path of ['/', '/api/elsewhere']) {
      expect(proxy(request('GET', path, { 'next-action': 'x' })).status, path).toBe(400);
    }
  });

  it('still renders a page for GET (with its CSP) and answers unknown API paths 404', () => {
    const page = proxy(request('GET', '/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("'nonce-");
    expect(proxy(request('GET', '/api/nothing')).status).toBe(404);
  });
});

describe('defineRoute with a body left unread', () => {
  it('refuses Next-Action with 400 and closes the connection', async () => {
    const response = await postRoute.POST(
      request('POST', '/api/interpret', { 'next-action': 'x', 'content-length': '2' }, '{}'),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('answers 401 without a token and closes the connection, before reading the body', async () => {
    vi.stubEnv('LABS_API_TOKENS', TOKEN);
    const unread = request('POST', '/api/interpret', { 'content-length': '2' }, '{}');
    const response = await postRoute.POST(unread);
    expect(response.status).toBe(401);
    expect(response.headers.get('connection')).toBe('close');
    expect(unread.bodyUsed).toBe(false);
  });

  it('answers a wrong method with a body 405 and closes; keeps an answer that read it open', async () => {
    const wrong = await postRoute.PUT(
      request('PUT', '/api/interpret', { 'content-length': '2' }, '{}'),
    );
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('connection')).toBe('close');
    const read = await postRoute.POST(
      request('POST', '/api/interpret', { 'content-length': '2' }, '{}'),
    );
    expect(read.status).toBe(200);
    expect(read.headers.get('connection')).toBe(null);
  });
});
