/**
 * deploy/nginx.conf in front of the suite's server: what the app leaves to the load balancer
 * (see server/request-guard.ts) is answered by nginx, in the app's own problem+json and with
 * its security headers, and everything else passes through unchanged. Needs Debian's nginx
 * (`apt-get install nginx`; `npm test` installs it).
 */
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { MAX_BODY_BYTES } from '../../server/http/limits';
import { buildProblem } from '../../server/http/problem';
import { SECURITY_HEADERS } from '../../server/security-headers.mjs';
import { golden, sendRaw, startNginx, suitePort } from './api-helpers';
import type { ExtraServer } from './api-helpers';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
let nginx: ExtraServer & { readonly port: number };

test.beforeAll(async () => {
  nginx = await startNginx([suitePort]);
});
test.afterAll(async () => {
  await nginx.stop();
});

/** Header lines of a raw answer as a lower-cased name -> value map. */
function headerMap(head: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

/** Expects the app's security headers, each exactly once and with the app's value. */
function expectSecurityHeaders(head: string, label: string) {
  const headers = headerMap(head);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers.get(name.toLowerCase()), `${label}: ${name}`).toBe(value);
  }
}

/** 1 MiB of body: sent after headers that declare far more. */
const PART_OF_BODY = Buffer.alloc(1024 * 1024, 0x20);

/**
 * Sends `text` and then nothing; resolves once the server closes the connection (or after
 * `giveUpMs`, when the client hangs up itself), with what was received.
 */
function sendAndStall(
  port: number,
  text: string,
  giveUpMs: number,
): Promise<{ closedByServer: boolean; received: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closedByServer: !gaveUp, received });
    });
    socket.on('connect', () => socket.write(text));
  });
}

test('methods outside the usual seven get 405 problem+json from nginx, as the app would write it', async () => {
  const expected = buildProblem(
    'method-not-allowed',
    [],
    'This server answers HTTP methods GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only.',
  );
  for (const [method, path] of [
    ['TRACE', '/api/health'],
    ['TRACE', '/'],
    ['TRACK', '/api/interpret'],
    ['PROPFIND', '/api/references'],
    ['FOO', '/'],
  ]) {
    const label = `${method} ${path}`;
    const raw = await sendRaw(nginx.port, [
      `${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ]);
    expect(raw.status, label).toBe(405);
    const headers = headerMap(raw.headers);
    expect(headers.get('content-type'), label).toBe('application/problem+json');
    expect(headers.get('allow'), label).toBe('GET, HEAD, POST, OPTIONS');
    expect(headers.get('cache-control'), label).toBe('no-store');
    expectSecurityHeaders(raw.headers, label);
    expect(JSON.parse(raw.body), label).toEqual(expected);
  }
});

// A declared body that is far over the limit is refused from its header: the client sends only
// its first 1 MiB and waits. Had nginx waited for the rest, its body timeout would have dropped
// the connection after 10 s without an answer (see the last test). How much more a client can
// push while the refusal is on its way depends on socket buffers, so it is not asserted.
test('a declared 200 MiB body gets 413 from nginx before it is sent, and the answer is read', async () => {
  const result = await sendRaw(
    nginx.port,
    [
      `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`,
      PART_OF_BODY,
    ],
    { waitMs: 30_000 },
  );
  expect(result.status).toBe(413);
  expect(headerMap(result.headers).get('connection')).toBe('close');
  expect(headerMap(result.headers).get('content-type')).toBe('application/problem+json');
  expectSecurityHeaders(result.headers, '413');
  expect(JSON.parse(result.body)).toEqual(buildProblem('payload-too-large'));
  expect((await fetch(`${nginx.baseURL}/api/health`)).status).toBe(200);
});

test('a 9 MB body to a page, and a chunked body past the limit, are refused with 413', async () => {
  const page = await sendRaw(
    nginx.port,
    [
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n`,
      PART_OF_BODY,
    ],
    { waitMs: 30_000 },
  );
  // Refused from the header: only 1 MiB of the declared 9 MiB was ever sent.
  expect(page.status).toBe(413);
  const chunk = 'a'.repeat(65_536);
  const count = Math.ceil(MAX_BODY_BYTES / chunk.length) + 2;
  const raw = await sendRaw(nginx.port, [
    'POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    ...Array.from({ length: count }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`),
  ]);
  expect(raw.status).toBe(413);
  expect(JSON.parse(raw.body)).toEqual(buildProblem('payload-too-large'));
});

test('nginx and the app draw the body limit at the same byte', async ({ request }) => {
  const atLimit = JSON.stringify({ ...golden[0]?.panel, id: '' });
  const padded = atLimit + ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(atLimit));
  const ok = await request.post(`${nginx.baseURL}/api/interpret`, {
    data: padded,
    headers: JSON_HEADERS,
  });
  expect(ok.status()).toBe(200);
  const over = await request.post(`${nginx.baseURL}/api/interpret`, {
    data: `${padded} `,
    headers: JSON_HEADERS,
  });
  expect(over.status()).toBe(413);
  expect(await over.json()).toEqual(buildProblem('payload-too-large'));
});

test('ordinary requests pass through with the app answers and headers unchanged', async ({
  request,
}) => {
  const direct = await request.get('/api/references');
  const proxied = await request.get(`${nginx.baseURL}/api/references`);
  expect(proxied.status()).toBe(200);
  expect(proxied.headers()['etag']).toBe(direct.headers()['etag']);
  expect(
    proxied.headersArray().filter((h) => /^content-security-policy$/i.test(h.name)),
  ).toHaveLength(1);
  const interpreted = await request.post(`${nginx.baseURL}/api/interpret`, {
    data: JSON.stringify(golden[0]?.panel),
    headers: JSON_HEADERS,
  });
  expect(interpreted.status()).toBe(200);
  // The app's own refusals still come from the app.
  const wrongMethod = await request.fetch(`${nginx.baseURL}/api/interpret`, { method: 'PUT' });
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()['allow']).toBe('POST, OPTIONS');
  const nextAction = await request.post(`${nginx.baseURL}/`, {
    data: '{}',
    headers: { ...JSON_HEADERS, 'Next-Action': 'x' },
  });
  expect(nextAction.status()).toBe(400);
});

// client_header_timeout and client_body_timeout (10 s): a client that stops in the middle of
// its headers, or of its body, is dropped by nginx without an answer, and never holds an app
// instance (nginx passes a request on only once it has read the whole body).
test('a client that stalls in its headers or its body is dropped by nginx', async () => {
  // Past the 30 s give-up, so that a missing timeout fails this assertion, not the test's clock.
  test.setTimeout(60_000);
  const [headers, body] = await Promise.all([
    sendAndStall(nginx.port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n', 30_000),
    sendAndStall(
      nginx.port,
      'POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":',
      30_000,
    ),
  ]);
  expect(headers).toEqual({ closedByServer: true, received: '' });
  expect(body).toEqual({ closedByServer: true, received: '' });
  expect((await fetch(`${nginx.baseURL}/api/health`)).status).toBe(200);
});
