/**
 * Optional bearer-token access control. When LABS_API_TOKENS is set (comma-separated), API
 * routes other than health need `Authorization: Bearer <token>`; unset, the API is open for
 * local use. Tokens are compared in constant time so response timing reveals nothing about
 * how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The shortest token accepted: 16 characters (a guessable token is no protection). */
export const MIN_TOKEN_LENGTH = 16;

/** What LABS_API_TOKENS says: no access control, a list of tokens, or a setting that is wrong. */
export type TokenSetting =
  | { readonly kind: 'open' }
  | { readonly kind: 'tokens'; readonly tokens: readonly string[] }
  | { readonly kind: 'invalid'; readonly message: string };

/**
 * Reads LABS_API_TOKENS (comma-separated). Unset means an open API; set, it must yield at least
 * one token and every token must be at least {@link MIN_TOKEN_LENGTH} characters: a blank
 * value, `" , "` or a short token is a mistake that must never leave the API open.
 * @param env - the environment to read (default: process.env)
 * @returns the setting; `invalid` carries a message naming the variable and the problem
 */
export function readTokenSetting(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TokenSetting {
  const raw = env.LABS_API_TOKENS;
  if (raw === undefined) return { kind: 'open' };
  const tokens = raw
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  if (tokens.length === 0) {
    return {
      kind: 'invalid',
      message:
        'LABS_API_TOKENS is set but holds no token. Set it to one or more comma-separated ' +
        `tokens of at least ${MIN_TOKEN_LENGTH} characters, or unset it for an open local API.`,
    };
  }
  const short = tokens.filter((token) => token.length < MIN_TOKEN_LENGTH).length;
  if (short > 0) {
    return {
      kind: 'invalid',
      message: `LABS_API_TOKENS holds ${short} token(s) shorter than ${MIN_TOKEN_LENGTH} characters; use long random tokens (e.g. openssl rand -hex 32).`,
    };
  }
  return { kind: 'tokens', tokens };
}

/**
 * The configured tokens, read on every call so a restarted process picks up a new list. A
 * setting that is wrong fails closed: no token matches (the server also refuses to start).
 * @param env - the environment to read (default: process.env)
 * @returns the tokens; empty when access control is off
 */
export function readApiTokens(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly string[] | 'deny-all' {
  const setting = readTokenSetting(env);
  switch (setting.kind) {
    case 'open':
      return [];
    case 'tokens':
      return setting.tokens;
    case 'invalid':
      return 'deny-all';
  }
}

// Hashing first gives both sides the same length, which timingSafeEqual needs, without
// revealing the token's length through an early length mismatch.
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether an Authorization header carries one of the tokens. Every token is compared (no early
 * exit), each in constant time.
 * @param authorization - the Authorization header value, or null when absent
 * @param tokens - the accepted tokens; when empty, every request is allowed; `deny-all` for a
 *   setting that is wrong
 * @returns true when the request may proceed
 */
export function isAuthorized(
  authorization: string | null,
  tokens: readonly string[] | 'deny-all',
): boolean {
  if (tokens === 'deny-all') return false;
  if (tokens.length === 0) return true;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const presented = digest(match?.[1] ?? '');
  let ok = false;
  for (const token of tokens) {
    if (timingSafeEqual(presented, digest(token)) && match !== null) ok = true;
  }
  return ok;
}
