/**
 * Optional bearer-token access control. When LABS_API_TOKENS is set (comma-separated), API
 * routes other than health need `Authorization: Bearer <token>`; unset, the API is open for
 * local use. Tokens are compared in constant time so response timing reveals nothing about
 * how much of a guess was right.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The configured tokens, read on every call so a restarted process picks up a new list.
 * @param env - the environment to read (default: process.env)
 * @returns the non-empty, trimmed tokens; empty when access control is off
 */
export function readApiTokens(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly string[] {
  return (env.LABS_API_TOKENS ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

// Hashing first gives both sides the same length, which timingSafeEqual needs, without
// revealing the token's length through an early length mismatch.
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether an Authorization header carries one of the tokens. Every token is compared (no early
 * exit), each in constant time.
 * @param authorization - the Authorization header value, or null when absent
 * @param tokens - the accepted tokens; when empty, every request is allowed
 * @returns true when the request may proceed
 */
export function isAuthorized(authorization: string | null, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return true;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const presented = digest(match?.[1] ?? '');
  let ok = false;
  for (const token of tokens) {
    if (timingSafeEqual(presented, digest(token)) && match !== null) ok = true;
  }
  return ok;
}
