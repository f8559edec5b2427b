import { describe, expect, it } from 'vitest';
import { handoutQuerySchema } from '@/server/http/api-schemas';
import { isAuthorized, MIN_TOKEN_LENGTH, readApiTokens, readTokenSetting } from '@/server/api-auth';
import { MAX_BODY_BYTES } from '@/server/http/limits';
import { readBodyText } from '@/server/read-body';
import { readQuery, serverToday } from '@/server/read-query';

/** A request whose body arrives in chunks; counts how many chunks the reader pulled. */
function streamingRequest(chunks: readonly Uint8Array[], headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled];
      state.pulled += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request('http://x/api/interpret', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  return { request, state };
}

describe('readBodyText', () => {
  it('reads a body of exactly the limit', async () => {
    const { request } = streamingRequest([new Uint8Array(MAX_BODY_BYTES).fill(0x20)]);
    const outcome = await readBodyText(request);
    expect(outcome.ok && outcome.text.length).toBe(MAX_BODY_BYTES);
  });

  it('stops reading as soon as the running total passes the limit', async () => {
    const chunk = new Uint8Array(16_384).fill(0x20);
    const { request, state } = streamingRequest(Array.from({ length: 1000 }, () => chunk));
    expect(await readBodyText(request)).toEqual({ ok: false, reason: 'too-large' });
    // 128 chunks make the limit; the next one passes it and reading stops there.
    expect(state.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES / chunk.byteLength + 2);
    expect(state.cancelled).toBe(true);
  });

  it('refuses without reading when Content-Length already says too much', async () => {
    const { request, state } = streamingRequest([new Uint8Array(10)], {
      'content-length': String(MAX_BODY_BYTES + 1),
    });
    expect(await readBodyText(request)).toEqual({ ok: false, reason: 'too-large' });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('reports bytes that are not UTF-8', async () => {
    const { request } = streamingRequest([new Uint8Array([0x7b, 0xff, 0x7d])]);
    expect(await readBodyText(request)).toEqual({ ok: false, reason: 'not-utf8' });
  });

  it('reports a body whose stream fails mid-way', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    const request = new Request('http://x', {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await readBodyText(request)).toEqual({ ok: false, reason: 'aborted' });
  });

  it('joins multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"Łukasz"}');
    const { request } = streamingRequest([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(await readBodyText(request)).toEqual({ ok: true, text: '{"name":"Łukasz"}' });
  });
});

describe('readTokenSetting', () => {
  const long = 'a-token-of-16-ch';

  it.each([
    [undefined, { kind: 'open' }],
    [long, { kind: 'tokens', tokens: [long] }],
    [` ${long} , ${long}x,,${long}y `, { kind: 'tokens', tokens: [long, `${long}x`, `${long}y`] }],
  ])('reads %j', (value, expected) => {
    expect(readTokenSetting(value === undefined ? {} : { LABS_API_TOKENS: value })).toEqual(
      expected,
    );
  });

  it.each(['', ' ', ' , ', ',,', 'short', `${long},short`, 'a'.repeat(MIN_TOKEN_LENGTH - 1)])(
    'refuses %j with a message naming the variable',
    (value) => {
      const setting = readTokenSetting({ LABS_API_TOKENS: value });
      expect(setting.kind).toBe('invalid');
      if (setting.kind === 'invalid') expect(setting.message).toMatch(/^LABS_API_TOKENS /);
      // Fails closed: no request is authorised under a setting that is wrong.
      expect(readApiTokens({ LABS_API_TOKENS: value })).toBe('deny-all');
      expect(isAuthorized(`Bearer ${value}`, readApiTokens({ LABS_API_TOKENS: value }))).toBe(
        false,
      );
    },
  );
});

describe('isAuthorized', () => {
  const tokens = ['alpha-token', 'beta-token'];

  it('allows everything when no token is configured', () => {
    expect(isAuthorized(null, [])).toBe(true);
  });

  it.each(['Bearer alpha-token', 'Bearer beta-token', 'bearer alpha-token', 'Bearer  beta-token '])(
    'accepts %j',
    (header) => {
      expect(isAuthorized(header, tokens)).toBe(true);
    },
  );

  it.each([
    null,
    '',
    'Bearer',
    'Bearer ',
    'alpha-token',
    'Basic alpha-token',
    'Bearer alpha-toke',
    'Bearer alpha-tokenx',
    'Bearer alpha-token beta-token',
    'Bearer ALPHA-TOKEN',
  ])('refuses %j', (header) => {
    expect(isAuthorized(header, tokens)).toBe(false);
  });
});

describe('readQuery', () => {
  it('applies defaults and takes the first of repeated names', () => {
    const request = new Request('http://x/api/handout?lang=es&lang=en&other=1');
    expect(readQuery(request, handoutQuerySchema)).toEqual({
      ok: true,
      value: { lang: 'es', paper: 'letter' },
    });
  });

  it('answers 400 problem+json naming each bad parameter', async () => {
    const outcome = readQuery(
      new Request('http://x/api/handout?lang=fr&paper=legal&asOf=2026-02-30'),
      handoutQuerySchema,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.response.status).toBe(400);
    expect(outcome.response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await outcome.response.json()) as { errors: Array<{ path: string }> };
    expect(body.errors.map((error) => error.path)).toEqual(['lang', 'paper', 'asOf']);
  });
});

describe('serverToday', () => {
  it('is the local calendar date of the moment, as every other door dates an interpretation', () => {
    // Half past midnight local time: the UTC date differs in every zone east of UTC.
    expect(serverToday(new Date(2026, 10, 27, 0, 30))).toBe('2026-11-27');
    expect(serverToday(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
  });
});
