import { expect, test } from '@playwright/test';
import type { APIResponse } from '@playwright/test';
import { MAX_BODY_BYTES } from '../../server/http/limits';
import {
  golden,
  invalidPanels,
  loadSchemaCheck,
  sendRaw,
  sentinelPanel,
  suitePort,
} from './api-helpers';
import type { SchemaCheck } from './api-helpers';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
let check: SchemaCheck;

test.beforeAll(async ({ request }) => {
  ({ check } = await loadSchemaCheck(request));
});

/** Asserts a problem+json answer with the given status that matches the published schema. */
async function expectProblem(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  expect(response.headers()['cache-control']).toBe('no-store');
  const body: unknown = await response.json();
  expect(check('Problem', body)).toEqual([]);
  return body as { status: number; errors: Array<{ path: string; message: string }> };
}

test.describe('POST /api/interpret', () => {
  for (const goldenCase of golden) {
    test(`interprets golden panel ${goldenCase.id}`, async ({ request }) => {
      const response = await request.post('/api/interpret', {
        data: JSON.stringify(goldenCase.panel),
        headers: JSON_HEADERS,
      });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/json');
      expect(response.headers()['cache-control']).toBe('no-store');
      expect(response.headers()['set-cookie']).toBeUndefined();
      const body = (await response.json()) as {
        patient: { name?: string };
        results: Array<{ analyte: string; status: string }>;
      };
      expect(check('Interpretation', body)).toEqual([]);
      expect(body.patient.name).toBe(goldenCase.panel.patient?.name);
      expect(body.results.map(({ analyte, status }) => ({ analyte, status }))).toEqual(
        goldenCase.expected.map(({ analyte, status }) => ({ analyte, status })),
      );
    });
  }

  test('interprets the privacy sentinels (so the log check has something to look for)', async ({
    request,
  }) => {
    for (const index of [0, 1]) {
      const response = await request.post('/api/interpret', {
        data: JSON.stringify(sentinelPanel(index)),
        headers: JSON_HEADERS,
      });
      expect(response.status()).toBe(200);
      expect(check('Interpretation', await response.json())).toEqual([]);
    }
  });

  test('answers FHIR for Accept: application/fhir+json, and reads that Bundle back', async ({
    request,
  }) => {
    const panels = golden.slice(0, 3).map((goldenCase) => goldenCase.panel);
    const list = await request.post('/api/interpret', {
      data: JSON.stringify(panels),
      headers: JSON_HEADERS,
    });
    expect(list.status()).toBe(200);
    const interpretations = (await list.json()) as Array<{ results: Array<{ status: string }> }>;
    expect(check('InterpretationList', interpretations)).toEqual([]);
    expect(interpretations).toHaveLength(3);

    const fhir = await request.post('/api/interpret', {
      data: JSON.stringify(panels),
      headers: { ...JSON_HEADERS, Accept: 'application/fhir+json' },
    });
    expect(fhir.status()).toBe(200);
    expect(fhir.headers()['content-type']).toBe('application/fhir+json');
    expect(fhir.headers()['cache-control']).toBe('no-store');
    const bundle = (await fhir.json()) as { entry: Array<{ resource: unknown }> };
    expect(check('FhirBundle', bundle)).toEqual([]);

    const back = await request.post('/api/interpret', {
      data: JSON.stringify(bundle),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    expect(back.status()).toBe(200);
    const reread = (await back.json()) as Array<{ results: Array<{ status: string }> }>;
    expect(check('InterpretationList', reread)).toEqual([]);
    const statuses = (items: typeof reread) =>
      items.flatMap((item) => item.results.map((result) => result.status));
    expect(statuses(reread)).toEqual(statuses(interpretations));

    // One Observation in, one interpretation out.
    const single = await request.post('/api/interpret', {
      data: JSON.stringify(bundle.entry[0]?.resource),
      headers: JSON_HEADERS,
    });
    expect(single.status()).toBe(200);
    expect(check('Interpretation', await single.json())).toEqual([]);
  });

  test('answers 422 with located errors for a FHIR resource it cannot read', async ({
    request,
  }) => {
    const patient = await request.post('/api/interpret', {
      data: JSON.stringify({ resourceType: 'Patient' }),
      headers: { 'Content-Type': 'application/fhir+json' },
    });
    expect((await expectProblem(patient, 422)).errors.map((e) => e.path)).toEqual(['resourceType']);
    const list = await request.post('/api/interpret', {
      data: JSON.stringify([golden[0]?.panel, { results: [] }]),
      headers: JSON_HEADERS,
    });
    const problem = await expectProblem(list, 422);
    expect(problem.errors.map((e) => e.path)).toEqual(['[1] results']);
  });

  test('takes asOf from the query and rejects a malformed one', async ({ request }) => {
    const ok = await request.post('/api/interpret?asOf=2026-12-03', {
      data: JSON.stringify(golden[0]?.panel),
      headers: JSON_HEADERS,
    });
    expect(((await ok.json()) as { asOf: string }).asOf).toBe('2026-12-03');
    // A sample cannot be collected after the date of the interpretation.
    const early = await request.post('/api/interpret?asOf=2026-02-03', {
      data: JSON.stringify(golden[0]?.panel),
      headers: JSON_HEADERS,
    });
    const tooEarly = await expectProblem(early, 422);
    expect(tooEarly.errors.map((error) => error.path)).toEqual(['collectedOn']);
    const bad = await request.post('/api/interpret?asOf=2026-02-30', {
      data: JSON.stringify(golden[0]?.panel),
      headers: JSON_HEADERS,
    });
    const problem = await expectProblem(bad, 400);
    expect(problem.errors.map((error) => error.path)).toEqual(['asOf']);
  });

  for (const invalid of invalidPanels) {
    test(`answers 422 with field paths for ${invalid.id}`, async ({ request }) => {
      const response = await request.post('/api/interpret', {
        data: JSON.stringify(invalid.panel),
        headers: JSON_HEADERS,
      });
      const problem = await expectProblem(response, 422);
      const paths = problem.errors.map((error) => error.path);
      for (const expected of invalid.errors) expect(paths).toContain(expected.path);
    });
  }

  test('answers 400 for malformed, empty and non-UTF-8 bodies', async ({ request }) => {
    // Buffers, because Playwright re-encodes a string body that is not valid JSON.
    const bodies = ['{"results": [', '', 'NaN', "{'results': []}", '{"a":1}{'];
    for (const data of [...bodies.map((text) => Buffer.from(text)), Buffer.from([0xff, 0xfe])]) {
      const response = await request.post('/api/interpret', { data, headers: JSON_HEADERS });
      await expectProblem(response, 400);
    }
  });

  test('answers 415 for a body that is not JSON', async ({ request }) => {
    const panel = JSON.stringify(golden[0]?.panel);
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=iso-8859-1',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await request.post('/api/interpret', {
        data: panel,
        headers: { 'Content-Type': contentType },
      });
      await expectProblem(response, 415);
    }
    // No Content-Type at all, on a raw socket (HTTP clients add one).
    const raw = await sendRaw(suitePort, [
      `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(panel)}\r\nConnection: close\r\n\r\n${panel}`,
    ]);
    expect(raw.status).toBe(415);
    expect(raw.headers.toLowerCase()).toContain('content-type: application/problem+json');
  });

  test('answers 405 with Allow for other methods', async ({ request }) => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const response = await request.fetch('/api/interpret', { method });
      await expectProblem(response, 405);
      expect(response.headers()['allow']).toBe('POST, OPTIONS');
    }
  });

  test(`answers 413 for a body over ${MAX_BODY_BYTES} bytes declared by Content-Length`, async ({
    request,
  }) => {
    const big = JSON.stringify({ ...golden[0]?.panel, id: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await request.post('/api/interpret', { data: big, headers: JSON_HEADERS });
    await expectProblem(response, 413);
    // A body of exactly the limit is still read (the limit is "over MAX_BODY_BYTES").
    const atLimit = JSON.stringify({ ...golden[0]?.panel, id: '' });
    const padded = atLimit + ' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(atLimit));
    const ok = await request.post('/api/interpret', { data: padded, headers: JSON_HEADERS });
    expect(ok.status()).toBe(200);
  });

  test('answers 413 before the body ends when Content-Length lies or is absent', async () => {
    // Headers only, announcing one byte too many: answered without waiting for a body byte.
    const declared = await sendRaw(suitePort, [
      `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`,
    ]);
    expect(declared.status).toBe(413);
    expect(declared.headers.toLowerCase()).toContain('connection: close');
    // Chunked, past the limit and the body never finished: only a server that counts while
    // reading can answer at all.
    const chunk = 'a'.repeat(65_536);
    const count = Math.ceil(MAX_BODY_BYTES / chunk.length) + 2;
    const chunks = Array.from(
      { length: count },
      () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    const streamed = await sendRaw(suitePort, [
      'POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      ...chunks,
    ]);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toContain('payload-too-large');
  });

  test('survives a body cut short (Content-Length larger than what is sent)', async ({
    request,
  }) => {
    const panel = JSON.stringify(sentinelPanel());
    const raw = await sendRaw(
      suitePort,
      [
        `POST /api/interpret HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(panel) + 500}\r\n\r\n`,
        panel.slice(0, 40),
      ],
      { endWrite: true, waitMs: 3_000 },
    );
    // Either a 400 or no answer (the client is gone); never a server error.
    expect(raw.status === 0 || raw.status === 400).toBe(true);
    expect((await request.get('/api/health')).status()).toBe(200);
  });
});

test.describe('POST /api/handout', () => {
  test('returns a PDF for each golden panel, never naming the patient in the file name', async ({
    request,
  }) => {
    for (const goldenCase of golden) {
      const response = await request.post('/api/handout?asOf=2026-11-26', {
        data: JSON.stringify(goldenCase.panel),
        headers: JSON_HEADERS,
      });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/pdf');
      expect(response.headers()['cache-control']).toBe('no-store');
      expect(response.headers()['content-disposition']).toBe(
        'attachment; filename="handout-2026-11-26.pdf"',
      );
      const bytes = await response.body();
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  test('accepts every language and paper size, and rejects others with 400', async ({
    request,
  }) => {
    const data = JSON.stringify(sentinelPanel());
    for (const query of ['lang=en&paper=letter', 'lang=es&paper=a4', 'lang=es', 'paper=a4']) {
      const response = await request.post(`/api/handout?${query}`, { data, headers: JSON_HEADERS });
      expect(response.status(), query).toBe(200);
    }
    const response = await request.post('/api/handout?lang=fr&paper=legal', {
      data,
      headers: JSON_HEADERS,
    });
    const problem = await expectProblem(response, 400);
    expect(problem.errors.map((error) => error.path).sort()).toEqual(['lang', 'paper']);
  });

  test('answers 422 for an invalid panel and 405 for GET', async ({ request }) => {
    const response = await request.post('/api/handout', {
      data: JSON.stringify({ results: [] }),
      headers: JSON_HEADERS,
    });
    await expectProblem(response, 422);
    await expectProblem(await request.get('/api/handout'), 405);
  });
});

test.describe('GET /api/references', () => {
  test('returns every rule set and citation with an ETag that revalidates', async ({ request }) => {
    const response = await request.get('/api/references');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as {
      analytes: Array<{ ruleSets: unknown[] }>;
      citations: unknown[];
    };
    expect(check('References', body)).toEqual([]);
    expect(body.analytes).toHaveLength(3);
    expect(body.citations.length).toBeGreaterThan(0);
    const etag = response.headers()['etag'];
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get('/api/references', { headers: { 'If-None-Match': `${etag}` } });
    expect(again.status()).toBe(304);
    const weak = await request.get('/api/references', {
      headers: { 'If-None-Match': `"other", W/${etag}` },
    });
    expect(weak.status()).toBe(304);
    const stale = await request.get('/api/references', { headers: { 'If-None-Match': '"old"' } });
    expect(stale.status()).toBe(200);
    await expectProblem(await request.post('/api/references', { data: '{}' }), 405);
  });
});

test.describe('GET /api/openapi.json and unknown routes', () => {
  test('documents every route, and every documented route exists', async ({ request }) => {
    const { document } = await loadSchemaCheck(request);
    expect(document.openapi).toMatch(/^3\.1\./);
    const paths = Object.keys(document.paths as object).sort();
    expect(paths).toEqual([
      '/api/handout',
      '/api/health',
      '/api/interpret',
      '/api/openapi.json',
      '/api/references',
    ]);
    for (const path of paths) {
      const response = await request.fetch(path, { method: 'OPTIONS' });
      expect(response.status(), path).not.toBe(404);
    }
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    const schemas = (document.components as { schemas: object }).schemas;
    for (const ref of refs) {
      const id = ref.replace(/^"\$ref":"#\/components\/schemas\//, '').replace(/"$/, '');
      expect(Object.keys(schemas)).toContain(id);
    }
  });

  test('answers problem+json 404 for an unknown API path, even one that cannot be decoded', async ({
    request,
  }) => {
    await expectProblem(await request.get('/api/nothing-here'), 404);
    await expectProblem(await request.get('/api/interpret/extra'), 404);
    // With a body, the proxy answers first: no route there takes a body.
    await expectProblem(await request.post('/api/interpret/extra', { data: '{}' }), 413);
    for (const path of ['/api/%', '/api/interpret%', '/api/%E0%A4%A', '/api']) {
      const raw = await sendRaw(suitePort, [
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      ]);
      expect(raw.status, path).toBe(404);
      expect(raw.headers.toLowerCase(), path).toContain('content-type: application/problem+json');
    }
  });

  test('GET /api/health matches its schema and refuses POST', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(check('Health', await response.json())).toEqual([]);
    await expectProblem(await request.post('/api/health'), 405);
  });
});

test('the validator built from the document rejects a response that breaks it', async ({
  request,
}) => {
  const response = await request.post('/api/interpret', {
    data: JSON.stringify(golden[0]?.panel),
    headers: JSON_HEADERS,
  });
  const body = (await response.json()) as { results: Array<Record<string, unknown>> };
  expect(check('Interpretation', body)).toEqual([]);
  const broken = structuredClone(body);
  if (broken.results[0]) broken.results[0].status = 'fine';
  expect(check('Interpretation', broken)).not.toEqual([]);
  const extra = { ...body, storedAt: 'server' };
  expect(check('Interpretation', extra)).not.toEqual([]);
});
