import { expect, test } from '@playwright/test';
import type { APIResponse } from '@playwright/test';
import { sentinelPanel } from './api-helpers';

/** Parses a CSP header into directive -> sources. */
function parseCsp(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The security headers every response must carry, whatever it is. */
function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  const csp = parseCsp(headers['content-security-policy']);
  expect(csp.size, `${label}: CSP present`).toBeGreaterThan(0);
  const scriptSources = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scriptSources, `${label}: no unsafe-eval`).not.toContain("'unsafe-eval'");
  expect(scriptSources, `${label}: no unsafe-inline scripts`).not.toContain("'unsafe-inline'");
  // 'wasm-unsafe-eval' (HarfBuzz for the handout) allows WebAssembly only, never eval().
  expect(headers['content-security-policy'], label).not.toContain("'unsafe-eval'");
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(headers['referrer-policy'], label).toBe('no-referrer');
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['permissions-policy'], label).toMatch(/camera=\(\)/);
  expect(headers['set-cookie'], `${label}: no cookies`).toBeUndefined();
  expect(
    response.headersArray().filter((h) => /^content-security-policy$/i.test(h.name)),
    label,
  ).toHaveLength(1);
}

test('every page, route and asset carries the security headers and no cookie', async ({
  request,
}) => {
  const home = await request.get('/');
  expectSecurityHeaders(home, '/');
  const html = await home.text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset, 'a build asset is linked from the page').toBeDefined();

  const responses: Array<[string, APIResponse]> = [
    ['/references', await request.get('/references')],
    ['/no-such-page', await request.get('/no-such-page')],
    ['/api/health', await request.get('/api/health')],
    ['/api/references', await request.get('/api/references')],
    ['/api/openapi.json', await request.get('/api/openapi.json')],
    ['/api/no-such-route', await request.get('/api/no-such-route')],
    [
      'POST /api/interpret',
      await request.post('/api/interpret', {
        data: JSON.stringify(sentinelPanel()),
        headers: { 'Content-Type': 'application/json' },
      }),
    ],
    [
      'POST /api/handout',
      await request.post('/api/handout', {
        data: JSON.stringify(sentinelPanel(1)),
        headers: { 'Content-Type': 'application/json' },
      }),
    ],
    ['POST /api/interpret (415)', await request.post('/api/interpret', { data: 'x' })],
    ['/fonts/DejaVuSans.ttf', await request.get('/fonts/DejaVuSans.ttf')],
    [`${asset}`, await request.get(`${asset}`)],
  ];
  for (const [label, response] of responses) expectSecurityHeaders(response, label);
});

test('pages get a fresh script nonce, and every script tag carries it', async ({ request }) => {
  for (const path of ['/', '/references']) {
    const first = await request.get(path);
    const second = await request.get(path);
    const nonceOf = (response: APIResponse) =>
      /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
    const nonce = nonceOf(first);
    expect(nonce, path).toBeDefined();
    expect(nonceOf(second), path).not.toBe(nonce);
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test('pages run their scripts under the policy without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective}`);
    });
  });
  for (const path of ['/', '/references']) {
    await page.goto(path);
    // window.next is set by the Next.js client runtime: it only exists if its scripts ran.
    await expect
      .poll(() =>
        page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version),
      )
      .toBe('string');
  }
  expect(violations).toEqual([]);
});
