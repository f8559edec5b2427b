/**
 * The first half of every POST route: check the media type, read at most MAX_BODY_BYTES
 * (2 MiB), parse JSON (or keep HL7 v2 text for the document reader). Each failure is already
 * the problem response to send.
 */
import 'server-only';
import { MAX_BODY_BYTES, MAX_PANELS_PER_REQUEST } from '@/server/http/limits';
import { parseBodyContentType } from '@/server/http/media-type';
import type { BodyKind, JsonMediaType } from '@/server/http/media-type';
import { problemResponse } from './api-route';
import { readBodyText } from './read-body';

/** A parsed JSON body or a text body, or the response that explains why there is none. */
export type JsonBodyOutcome =
  | {
      readonly ok: true;
      readonly kind: 'json';
      readonly json: unknown;
      readonly mediaType: JsonMediaType;
    }
  | {
      readonly ok: true;
      readonly kind: 'text';
      readonly text: string;
      readonly mediaType: Extract<BodyKind, { kind: 'text' }>['mediaType'];
    }
  | { readonly ok: false; readonly response: Response };

/**
 * Closes the connection after this answer: the client is still sending a body the server will
 * not read, and keeping the socket would mean reading (and discarding) all of it.
 */
const CLOSE = { Connection: 'close' } as const;

/**
 * The 413 for a request holding more than MAX_PANELS_PER_REQUEST panels.
 * @param count - how many panels it holds
 * @returns the problem response
 */
export function tooManyPanels(count: number): Response {
  return problemResponse(
    'too-many-panels',
    [],
    `The request holds ${count} panels; at most ${MAX_PANELS_PER_REQUEST} are read per request.`,
  );
}

/**
 * Reads and parses a request body.
 * @param request - the incoming request
 * @returns the parsed value (JSON) or the text (HL7 v2) and its media type, or a 400/413/415
 *   problem response
 */
export async function readJsonBody(request: Request): Promise<JsonBodyOutcome> {
  const bodyKind = parseBodyContentType(request.headers.get('content-type'));
  if (bodyKind === null) {
    // The body is not read at all; answering without reading it is what stops a flood.
    return { ok: false, response: problemResponse('unsupported-media-type', [], undefined, CLOSE) };
  }
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) {
    switch (body.reason) {
      case 'too-large':
        return {
          ok: false,
          response: problemResponse('payload-too-large', [], undefined, CLOSE),
        };
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
  if (bodyKind.kind === 'text') {
    return { ok: true, kind: 'text', text: body.text, mediaType: bodyKind.mediaType };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text) as unknown;
  } catch (error) {
    // V8's message can quote the body (patient data), so only the position is passed on.
    const position = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
    const detail =
      body.text.trim() === ''
        ? 'The request body is empty.'
        : `The request body is not valid JSON${position ? ` (at character ${position[1]})` : ''}.`;
    return { ok: false, response: problemResponse('malformed-json', [], detail) };
  }
  // A list is refused before any panel is read: the work per request stays bounded.
  if (Array.isArray(json) && json.length > MAX_PANELS_PER_REQUEST) {
    return { ok: false, response: tooManyPanels(json.length) };
  }
  return { ok: true, kind: 'json', json, mediaType: bodyKind.mediaType };
}
