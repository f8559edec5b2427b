/**
 * The shared middle of the interpret and handout routes: request body -> lib's
 * interpretDocument (a panel, a list of panels, FHIR R4, HL7 v2) -> problem or interpretations.
 */
import 'server-only';
import { interpretDocument } from '@/lib/formats/document';
import type { DocumentInput } from '@/lib/formats/document';
import type { Ignored, ImportNotice, ResultSource } from '@/lib/formats/import-types';
import type { Interpretation } from '@/lib/types';
import { MAX_PANELS_PER_REQUEST } from '@/server/http/limits';
import { toProblemError } from '@/server/http/problem';
import { problemResponse } from './api-route';
import { readJsonBody, tooManyPanels } from './read-json-body';

/** The request's interpretations, or the problem response to send instead. */
export type InterpretationsOutcome =
  | {
      readonly ok: true;
      readonly value: readonly Interpretation[];
      /** False for one panel object or one FHIR Observation: answered with one object. */
      readonly batch: boolean;
      /** Entries of the document that are not ours (Patient, other lab codes): skipped. */
      readonly ignored: Ignored;
      readonly notices: readonly ImportNotice[];
      /** Per interpretation: what each result's source said (carried into FHIR output). */
      readonly sources: ReadonlyArray<ReadonlyArray<ResultSource | undefined> | undefined>;
    }
  | { readonly ok: false; readonly response: Response };

/**
 * Interprets a document already read from a request (parsed JSON, or HL7 v2 text). All or
 * nothing: one bad panel makes the whole request a 422 listing every problem.
 * @param input - the body text, or the parsed JSON as `{ json }`
 * @param asOf - the date of the interpretation, YYYY-MM-DD
 * @returns the interpretations in input order, or a 422 problem response
 */
export function interpretationsOf(input: DocumentInput, asOf: string): InterpretationsOutcome {
  const document = interpretDocument(input, { asOf });
  if (document.items.length > MAX_PANELS_PER_REQUEST) {
    return { ok: false, response: tooManyPanels(document.items.length) };
  }
  if (document.errors.length > 0 || document.kind === 'invalid') {
    return {
      ok: false,
      response: problemResponse('invalid-panel', document.errors.map(toProblemError)),
    };
  }
  return {
    ok: true,
    value: document.interpretations,
    batch: document.batch,
    ignored: document.ignored,
    notices: document.notices,
    sources: document.items.map((item) => item.imported?.sources),
  };
}

/**
 * Reads a request's panel, list of panels, or FHIR Observation/Bundle and interprets every
 * panel (see {@link interpretationsOf}).
 * @param request - the incoming request
 * @param asOf - the date of the interpretation, YYYY-MM-DD
 * @returns the interpretations in input order, or a 400/413/415/422 problem response (413 also
 *   above MAX_PANELS_PER_REQUEST panels)
 */
export async function readInterpretations(
  request: Request,
  asOf: string,
): Promise<InterpretationsOutcome> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  // HL7 v2 arrives as text and goes to the same document reader as a paste or a file.
  return interpretationsOf(body.kind === 'text' ? body.text : { json: body.json }, asOf);
}

/**
 * Response headers that report what the document held besides our results, so that a client
 * reading a patient Bundle learns what was skipped: `Labs-Ignored` (count and codes, JSON) and
 * `Labs-Notices` (count). They carry codes and counts only, never values or names.
 * @param outcome - a successful outcome
 * @returns the headers (empty when nothing was ignored)
 */
export function documentHeaders(
  outcome: Extract<InterpretationsOutcome, { ok: true }>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (outcome.ignored.count > 0) headers['Labs-Ignored'] = JSON.stringify(outcome.ignored);
  if (outcome.notices.length > 0) headers['Labs-Notices'] = String(outcome.notices.length);
  return headers;
}
