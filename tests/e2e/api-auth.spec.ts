import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { golden, sentinelPanel, startExtraServer } from './api-helpers';
import type { ExtraServer } from './api-helpers';

const TOKENS = ['first-token-5b1f0c', 'second-token-9a7e44'];
const panel = JSON.stringify(golden[0]?.panel);
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** One request to each protected route, with the given extra headers. */
async function callProtected(
  request: APIRequestContext,
  base: string,
  headers: Record<string, string>,
) {
  return [
    await request.post(`${base}/api/interpret`, {
      data: panel,
      headers: { ...JSON_HEADERS, ...headers },
    }),
    await request.post(`${base}/api/handout`, {
      data: panel,
      headers: { ...JSON_HEADERS, ...headers },
    }),
    await request.get(`${base}/api/references`, { headers }),
    await request.get(`${base}/api/openapi.json`, { headers }),
  ];
}

test.describe('open mode (LABS_API_TOKENS unset)', () => {
  test('every route answers without a token', async ({ request }) => {
    for (const response of await callProtected(request, '', {}))
      expect(response.status()).toBe(200);
  });
});

test.describe('token mode (LABS_API_TOKENS set)', () => {
  let server: ExtraServer;
  test.beforeAll(async () => {
    server = await startExtraServer({ LABS_API_TOKENS: ` ${TOKENS.join(' , ')} ` });
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('health stays open for load balancers', async ({ request }) => {
    expect((await request.get(`${server.baseURL}/api/health`)).status()).toBe(200);
  });

  test('every other route answers 401 problem+json without a valid token', async ({ request }) => {
    const attempts: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer wrong-token' },
      { Authorization: `Bearer ${TOKENS[0]}x` },
      { Authorization: `Bearer ${TOKENS[0]?.slice(0, -1)}` },
      { Authorization: `Basic ${Buffer.from(`user:${TOKENS[0]}`).toString('base64')}` },
      { Authorization: `${TOKENS[0]}` },
      { Authorization: 'Bearer ' },
    ];
    for (const headers of attempts) {
      for (const response of await callProtected(request, server.baseURL, headers)) {
        expect(response.status(), JSON.stringify(headers)).toBe(401);
        expect(response.headers()['content-type']).toBe('application/problem+json');
        expect(response.headers()['www-authenticate']).toBe('Bearer');
        expect(((await response.json()) as { status: number }).status).toBe(401);
      }
    }
    // Unknown API paths and wrong methods reveal nothing either.
    expect((await request.get(`${server.baseURL}/api/elsewhere`)).status()).toBe(401);
    expect((await request.get(`${server.baseURL}/api/interpret`)).status()).toBe(401);
  });

  test('each configured token is accepted', async ({ request }) => {
    for (const token of TOKENS) {
      const responses = await callProtected(request, server.baseURL, {
        Authorization: `Bearer ${token}`,
      });
      for (const response of responses) expect(response.status()).toBe(200);
    }
    const sentinel = await request.post(`${server.baseURL}/api/interpret`, {
      data: JSON.stringify(sentinelPanel()),
      headers: { ...JSON_HEADERS, Authorization: `bearer ${TOKENS[1]}` },
    });
    expect(sentinel.status()).toBe(200);
  });

  test('pages stay reachable (the token protects the API only)', async ({ request }) => {
    expect((await request.get(`${server.baseURL}/`)).status()).toBe(200);
  });
});
