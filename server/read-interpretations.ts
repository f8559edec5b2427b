/**
 * The shared middle of the interpret and handout routes: request body -> panels (a panel, a
 * list of panels, or FHIR, read by lib/import) -> interpret() for each.
 */
import 'server-only';
import { importJson, locateError, mergeImportWarnings } from '@/lib/import';
import type { ImportItem } from '@/lib/import';
import { interpret } from '@/lib/interpret';
import type { FieldError, Interpretation } from '@/lib/types';
import type { ProblemFieldError } from '@/lib/http/problem';
import { problemResponse } from './api-route';
import { readJsonBody } from './read-json-body';

/** The request's interpretations, or the problem response to send instead. */
export type InterpretationsOutcome =
  | {
      readonly ok: true;
      readonly value: readonly Interpretation[];
      /** False for one panel object or one FHIR Observation: answered with one object. */
      readonly batch: boolean;
    }
  | { readonly ok: false; readonly response: Response };

/**
 * An error located in the source the panel came from (`entry[2].resource.valueQuantity.value`,
 * `[3] results[0].unit`), split back into path and message for problem+json.
 */
function locate(item: ImportItem, error: FieldError): ProblemFieldError {
  const suffix = `: ${error.message}`;
  const located = locateError(item.origin, error);
  return {
    path: located.endsWith(suffix) ? located.slice(0, -suffix.length) : error.path,
    message: error.message,
  };
}

/**
 * Reads a request's panel, list of panels, or FHIR Observation/Bundle and interprets every
 * panel. All or nothing: one bad panel makes the whole request a 422 listing every problem.
 * @param request - the incoming request
 * @param asOf - the date of the interpretation, YYYY-MM-DD
 * @returns the interpretations in input order, or a 400/413/415/422 problem response
 */
export async function readInterpretations(
  request: Request,
  asOf: string,
): Promise<InterpretationsOutcome> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const imported = importJson(body.json);
  if (imported.kind === 'invalid') {
    return { ok: false, response: problemResponse('invalid-panel', imported.errors) };
  }
  if (imported.panels.length === 0) {
    return {
      ok: false,
      response: problemResponse('invalid-panel', [
        { path: '(root)', message: 'must contain at least one panel' },
      ]),
    };
  }
  const errors: ProblemFieldError[] = [];
  const interpretations: Interpretation[] = [];
  for (const item of imported.panels) {
    errors.push(...item.errors.map((error) => locate(item, error)));
    if (item.imported === undefined) continue;
    const outcome = interpret(item.imported.panel, { asOf });
    if (outcome.ok) {
      interpretations.push(mergeImportWarnings(outcome.value, item.imported.warnings));
    } else {
      errors.push(...outcome.errors.map((error) => locate(item, error)));
    }
  }
  if (errors.length > 0) return { ok: false, response: problemResponse('invalid-panel', errors) };
  return { ok: true, value: interpretations, batch: imported.batch };
}
