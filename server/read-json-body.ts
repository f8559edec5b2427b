/**
 * The first half of every POST route: check the media type, read at most 64 KiB, parse JSON.
 * Each failure is already the problem response to send.
 */
import 'server-only';
import { parseJsonContentType } from '@/lib/http/media-type';
import type { JsonMediaType } from '@/lib/http/media-type';
import { problemResponse } from './api-route';
import { MAX_BODY_BYTES, readBodyText } from './read-body';

/** A parsed JSON body, or the response that explains why there is none. */
export type JsonBodyOutcome =
  | { readonly ok: true; readonly json: unknown; readonly mediaType: JsonMediaType }
  | { readonly ok: false; readonly response: Response };

/**
 * Reads and parses a JSON request body.
 * @param request - the incoming request
 * @returns the parsed value and its media type, or a 400/413/415 problem response
 */
export async function readJsonBody(request: Request): Promise<JsonBodyOutcome> {
  const mediaType = parseJsonContentType(request.headers.get('content-type'));
  if (mediaType === null) {
    // The body is not read at all; answering without reading it is what stops a flood.
    return { ok: false, response: problemResponse('unsupported-media-type') };
  }
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    switch (body.reason) {
      case 'too-large':
        // The connection stays open: Node discards the rest of the body as it arrives (nothing
        // is buffered), and closing early would risk a TCP reset that loses this answer.
        return { ok: false, response: problemResponse('payload-too-large') };
      case 'not-utf8':
        return {
          ok: false,
          response: problemResponse('malformed-json', [], 'The request body is not UTF-8 text.'),
        };
      case 'aborted':
        return {
          ok: false,
          response: problemResponse('malformed-json', [], 'The request body ended early.'),
        };
    }
  }
  try {
    return { ok: true, json: JSON.parse(body.text) as unknown, mediaType };
  } catch (error) {
    // V8's message can quote the body (patient data), so only the position is passed on.
    const position = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
    const detail =
      body.text.trim() === ''
        ? 'The request body is empty.'
        : `The request body is not valid JSON${position ? ` (at character ${position[1]})` : ''}.`;
    return { ok: false, response: problemResponse('malformed-json', [], detail) };
  }
}
