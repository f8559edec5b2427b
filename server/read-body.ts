/**
 * Reads a request body with a hard byte limit, counted while the bytes arrive: a client that
 * sends more than the limit (whatever its Content-Length says) is cut off at the limit and the
 * rest is never buffered.
 */
import 'server-only';
import { MAX_BODY_BYTES } from '@/server/http/limits';

/** Why a body could not be read. */
export type BodyFailure = 'too-large' | 'not-utf8' | 'aborted';

/** The outcome of {@link readBodyText}. */
export type BodyOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: BodyFailure };

/**
 * Reads the body as UTF-8 text, rejecting it early when Content-Length already says it is too
 * large, and stopping the stream as soon as the running total passes the limit.
 * @param request - the incoming request
 * @param limitBytes - the largest accepted body in bytes
 * @returns the text, or why it could not be read
 */
export async function readBodyText(
  request: Request,
  limitBytes: number = MAX_BODY_BYTES,
): Promise<BodyOutcome> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limitBytes) return { ok: false, reason: 'too-large' };
  if (request.body === null) return { ok: true, text: '' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) {
        // Stop reading: the remaining bytes are discarded, not buffered.
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body (a truncated upload): nothing to answer it with.
    return { ok: false, reason: 'aborted' };
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
}
