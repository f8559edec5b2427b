/**
 * Hostile input against the built server, on loopback: each finding of the security review
 * (issue 14) reproduced as a request and answered with the right status and a small answer,
 * without the whole body being read, while the server stays responsive. How fast is measured
 * by `npm run bench:hostile` (a table, not an assertion). What the app leaves to nginx (TRACE,
 * timeouts, refusing a body before it reaches an instance) is in api-nginx.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import {
  MAX_BODY_BYTES,
  MAX_LISTED_ERRORS,
  MAX_PANELS_PER_REQUEST,
} from '../../server/http/limits';
import {
  findFreePort,
  golden,
  sendRaw,
  spawnStart,
  startExtraServer,
  suitePort,
} from './api-helpers';
import type { ExtraServer } from './api-helpers';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const basePanel = golden[0]?.panel ?? {};

interface Problem {
  readonly type: string;
  readonly status: number;
  readonly detail: string;
  readonly errors: ReadonlyArray<{ path: string; message: string }>;
  readonly errorCount: number;
}

/** Posts a request; the health check right after proves the server is still answering. */
async function postThenHealth(request: APIRequestContext, path: string, data: string | Buffer) {
  const response = await request.post(path, { data, headers: JSON_HEADERS });
  expect((await request.get('/api/health')).status()).toBe(200);
  return response;
}

/**
 * Streams `totalBytes` of body after `head` on a raw socket and reports the status line that
 * came back (0 when none was read), its headers, and how many bytes had been sent when the
 * server closed the connection.
 */
function streamBody(
  port: number,
  head: string,
  totalBytes: number,
): Promise<{ status: number; sentAtClose: number; headers: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    let closed = false;
    const chunk = Buffer.alloc(65_536, 0x20);
    const pump = () => {
      while (!closed && sent < totalBytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      const headers = received.split('\r\n\r\n')[0] ?? '';
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0);
      resolve({ status, sentAtClose: sent, headers });
    });
    const timer = setTimeout(() => socket.destroy(), 20_000);
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

test.describe('ReDoS (High)', () => {
  test('a value of 65,200 spaces then "x" is refused at once, naming the field', async ({
    request,
  }) => {
    const panel = {
      ...basePanel,
      results: [{ analyte: 'vitamin-d', value: `${' '.repeat(65_200)}x`, unit: 'ng/mL' }],
    };
    const response = await postThenHealth(request, '/api/interpret', JSON.stringify(panel));
    expect(response.status()).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors.map((error) => error.path)).toContain('results[0].value');
  });

  test('three such values at once leave /api/health answering', async ({ request }) => {
    const panel = {
      results: [{ analyte: 'magnesium', value: `${'\t'.repeat(200_000)}≥`, unit: 'mg/dL' }],
    };
    const posts = Array.from({ length: 3 }, () =>
      request.post('/api/interpret', { data: JSON.stringify(panel), headers: JSON_HEADERS }),
    );
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    for (const response of await Promise.all(posts)) expect(response.status()).toBe(422);
  });

  test('an unknown key ending in a newline inside a list of panels is located at once', async ({
    request,
  }) => {
    const key = `${'a'.repeat(60_000)}\n`;
    const panels = [
      { ...basePanel, results: [{ analyte: 'vitamin-d', value: 20, unit: 'ng/mL', [key]: 1 }] },
    ];
    const response = await postThenHealth(request, '/api/interpret', JSON.stringify(panels));
    expect(response.status()).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors[0]?.path.startsWith('[0] results[0].aaaa')).toBe(true);
  });

  test('"constructor" in a list of panels is an unknown field, never native code', async ({
    request,
  }) => {
    const body = `[{"results":[{"analyte":"vitamin-d","value":20,"unit":"ng/mL"}],"constructor":1}]`;
    const response = await request.post('/api/interpret', { data: body, headers: JSON_HEADERS });
    expect(response.status()).toBe(422);
    const text = await response.text();
    expect(text).not.toContain('native code');
    expect((JSON.parse(text) as Problem).errors).toEqual([
      { path: '[0] constructor', message: 'is not a known field' },
    ]);
  });
});

test.describe('bounded work (Medium)', () => {
  test('21,800 empty panels: 413 before any is read, with a small answer', async ({ request }) => {
    const body = JSON.stringify(Array.from({ length: 21_800 }, () => ({})));
    const response = await postThenHealth(request, '/api/interpret', body);
    expect(response.status()).toBe(413);
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    expect((JSON.parse(text) as Problem).type).toContain('too-many-panels');
  });

  test(`${MAX_PANELS_PER_REQUEST} bad panels: ${MAX_LISTED_ERRORS} errors listed, all counted`, async ({
    request,
  }) => {
    const bad = { results: [{ analyte: 'iron', value: -1, unit: 'furlong' }] };
    const body = JSON.stringify(Array.from({ length: MAX_PANELS_PER_REQUEST }, () => bad));
    const response = await request.post('/api/interpret', { data: body, headers: JSON_HEADERS });
    expect(response.status()).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(problem.errorCount).toBeGreaterThanOrEqual(2 * MAX_PANELS_PER_REQUEST);
    expect(JSON.stringify(problem).length).toBeLessThan(20 * body.length);
  });

  test(`${MAX_PANELS_PER_REQUEST} panels in, their FHIR Bundle (under 2 MiB) reads back in`, async ({
    request,
  }) => {
    const panels = Array.from({ length: MAX_PANELS_PER_REQUEST }, (_, index) => ({
      ...basePanel,
      id: `P${index}`,
    }));
    const fhir = await request.post('/api/interpret', {
      data: JSON.stringify(panels),
      headers: { ...JSON_HEADERS, Accept: 'application/fhir+json' },
    });
    expect(fhir.status()).toBe(200);
    const bundle = await fhir.body();
    expect(bundle.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const back = await request.post('/api/interpret', {
      data: bundle,
      headers: { 'Content-Type': 'application/json+fhir' },
    });
    expect(back.status()).toBe(200);
  });

  test('a 200 MiB body is answered 413 from its Content-Length, and the connection closed', async ({
    request,
  }) => {
    const head = `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`;
    // The headers alone: answered without waiting for a byte of the body.
    const answered = await sendRaw(suitePort, [head]);
    expect(answered.status).toBe(413);
    expect(answered.headers.toLowerCase()).toContain('connection: close');
    // Still sending: the server closes long before the body is through. Without nginx's
    // lingering close the client may lose the answer to a reset (then status 0); through
    // nginx it always reads it (api-nginx.spec.ts).
    const streamed = await streamBody(suitePort, head, 200 * 1024 * 1024);
    expect([0, 413]).toContain(streamed.status);
    expect(streamed.sentAtClose).toBeLessThan(50 * 1024 * 1024);
    expect((await request.get('/api/health')).status()).toBe(200);
  });

  test('a body to a page or an unknown API path is refused with 413', async ({ request }) => {
    // Straight to the app, Next.js copies such a body for the proxy before it answers; nginx
    // refuses a large one before it reaches the app (api-nginx.spec.ts).
    for (const path of ['/', '/references', '/api/no-such-route']) {
      const result = await streamBody(
        suitePort,
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: ${64 * 1024}\r\nConnection: close\r\n\r\n`,
        64 * 1024,
      );
      expect(result.status, path).toBe(413);
      expect(result.headers.toLowerCase(), path).toContain('application/problem+json');
    }
    expect((await request.get('/api/health')).status()).toBe(200);
  });
});

test.describe('safe defaults (Low)', () => {
  test('a Next-Action header is refused with 400 and its text never reaches the log', async ({
    request,
  }) => {
    const marker = 'next-action-marker-7f3a9c';
    for (const path of ['/', '/api/interpret']) {
      const response = await request.post(path, {
        data: '{}',
        headers: { ...JSON_HEADERS, 'Next-Action': marker },
      });
      expect(response.status(), path).toBe(400);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readFileSync('test-results/server.log', 'utf8')).not.toContain(marker);
  });

  test('HSTS only when the request came over HTTPS; the image optimizer is off', async ({
    request,
  }) => {
    const https = await request.get('/api/health', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(https.headers()['strict-transport-security']).toMatch(/^max-age=\d{8}/);
    const plain = await request.get('/api/health');
    expect(plain.headers()['strict-transport-security']).toBeUndefined();
    const image = await request.get('/_next/image?url=%2Ficon.svg&w=64&q=75');
    expect(image.status()).toBe(404);
  });

  for (const value of ['', ' , ', 'short-token']) {
    test(`LABS_API_TOKENS=${JSON.stringify(value)} stops the server at start`, async () => {
      const port = await findFreePort();
      const child = spawnStart(port, { LABS_API_TOKENS: value });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(null);
        }, 60_000);
        child.on('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code).toBe(78);
      expect(output).toContain('Refusing to start: LABS_API_TOKENS');
    });
  }
});

test.describe('HTTP polish (issue 10)', () => {
  test('Accept we cannot produce gets 406 problem+json; application/json+fhir is FHIR', async ({
    request,
  }) => {
    const data = JSON.stringify(basePanel);
    const xml = await request.post('/api/interpret', {
      data,
      headers: { ...JSON_HEADERS, Accept: 'application/fhir+xml' },
    });
    expect(xml.status()).toBe(406);
    expect(xml.headers()['content-type']).toBe('application/problem+json');
    const legacy = await request.post('/api/interpret', {
      data,
      headers: { ...JSON_HEADERS, Accept: 'application/json+fhir' },
    });
    expect(legacy.status()).toBe(200);
    expect(legacy.headers()['content-type']).toBe('application/fhir+json');
    expect(((await legacy.json()) as { resourceType: string }).resourceType).toBe('Bundle');
    const pdf = await request.post('/api/handout', {
      data,
      headers: { ...JSON_HEADERS, Accept: 'application/json' },
    });
    expect(pdf.status()).toBe(406);
  });

  test('HL7 v2 content types are read as text by the document reader', async ({ request }) => {
    for (const contentType of ['x-application/hl7-v2+er7', 'application/hl7-v2']) {
      const response = await request.post('/api/interpret', {
        data: 'not an HL7 message',
        headers: { 'Content-Type': contentType },
      });
      // Never a 415: the body reaches the reader, which names what it could not read.
      expect(response.status(), contentType).toBe(422);
      const problem = (await response.json()) as Problem;
      expect(problem.errors[0]?.path).toBe('(input)');
    }
  });

  test('OPTIONS lists only the methods each route has; CORS is off by default', async ({
    request,
  }) => {
    for (const [path, allow] of [
      ['/api/interpret', 'POST, OPTIONS'],
      ['/api/handout', 'POST, OPTIONS'],
      ['/api/references', 'GET, HEAD, OPTIONS'],
      ['/api/health', 'GET, HEAD, OPTIONS'],
      ['/api/openapi.json', 'GET, HEAD, OPTIONS'],
    ] as const) {
      const response = await request.fetch(path, {
        method: 'OPTIONS',
        headers: { Origin: 'https://ehr.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(response.status(), path).toBe(204);
      expect(response.headers()['allow'], path).toBe(allow);
      expect(response.headers()['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  test.describe('with tokens, CORS origins and a CSP report URI configured', () => {
    const TOKEN = 'hostile-suite-token-42';
    let server: ExtraServer;

    test.beforeAll(async () => {
      server = await startExtraServer({
        LABS_API_TOKENS: TOKEN,
        LABS_CORS_ORIGINS: 'https://ehr.example',
        LABS_CSP_REPORT_URI: '/csp-reports',
      });
    });
    test.afterAll(async () => {
      await server.stop();
    });

    test('an allowed origin gets CORS, any other origin none', async ({ request }) => {
      const preflight = await request.fetch(`${server.baseURL}/api/interpret`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://ehr.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
      expect(preflight.status()).toBe(204);
      expect(preflight.headers()['access-control-allow-origin']).toBe('https://ehr.example');
      expect(preflight.headers()['access-control-allow-methods']).toBe('POST');
      const allowed = await request.post(`${server.baseURL}/api/interpret`, {
        data: JSON.stringify(basePanel),
        headers: {
          ...JSON_HEADERS,
          Origin: 'https://ehr.example',
          Authorization: `Bearer ${TOKEN}`,
        },
      });
      expect(allowed.status()).toBe(200);
      expect(allowed.headers()['access-control-allow-origin']).toBe('https://ehr.example');
      const other = await request.post(`${server.baseURL}/api/interpret`, {
        data: JSON.stringify(basePanel),
        headers: {
          ...JSON_HEADERS,
          Origin: 'https://evil.example',
          Authorization: `Bearer ${TOKEN}`,
        },
      });
      expect(other.headers()['access-control-allow-origin']).toBeUndefined();
    });

    test('pages send CSP violation reports to the configured URI', async ({ request }) => {
      const page = await request.get(`${server.baseURL}/`);
      expect(page.headers()['content-security-policy']).toContain('report-uri /csp-reports');
    });

    test('a 200 MiB body without a token gets 401 before it is read, and the connection closes', async () => {
      const port = Number(new URL(server.baseURL).port);
      const head = `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`;
      const answered = await sendRaw(port, [head]);
      expect(answered.status).toBe(401);
      expect(answered.headers.toLowerCase()).toContain('connection: close');
      const streamed = await streamBody(port, head, 200 * 1024 * 1024);
      expect([0, 401]).toContain(streamed.status);
      expect(streamed.sentAtClose).toBeLessThan(50 * 1024 * 1024);
    });
  });
});
