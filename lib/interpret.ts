import { getDefaultRuleSet, RULES_VERSION } from './analytes/registry';
import { buildResult } from './result';
import {
  interpretOptionsSchema,
  PARSE_OPTIONS,
  panelSchema,
  resultSchema,
  toFieldErrors,
} from './schemas';
import type { InterpretOptions } from './schemas';
import type { AnalyteId, FieldError, InterpretOutcome, RuleSetId } from './types';
import { normaliseResult } from './validate';
import type { NormalisedResult } from './validate';

/**
 * Unit and plausibility errors of the rows that are schema-valid on their own, so a form sees
 * every problem at once even when another field fails the schema.
 */
function checkValidRows(input: unknown): FieldError[] {
  if (typeof input !== 'object' || input === null || !('results' in input)) return [];
  const rows: unknown = input.results;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown, index) => {
    const parsed = resultSchema.safeParse(row);
    if (!parsed.success) return [];
    const outcome = normaliseResult(parsed.data, index);
    return outcome.ok ? [] : outcome.errors;
  });
}

/**
 * Interprets a panel: the one entry point of the library. Pure and total: for any input it
 * returns either the interpretation or the list of field errors; it never reads a clock.
 * @param input - anything; a panel (see `panelSchema`) is interpreted, anything else is reported
 * @param options - `asOf`, the date the interpretation is made (YYYY-MM-DD), passed by the caller
 * @returns `{ ok: true, value }` or `{ ok: false, errors }`
 */
export function interpret(input: unknown, options: InterpretOptions = {}): InterpretOutcome {
  const parsedOptions = interpretOptionsSchema.safeParse(options, PARSE_OPTIONS);
  if (!parsedOptions.success)
    return { ok: false, errors: toFieldErrors(parsedOptions.error.issues, ['options']) };
  const parsed = panelSchema.safeParse(input, PARSE_OPTIONS);
  if (!parsed.success) {
    return { ok: false, errors: [...toFieldErrors(parsed.error.issues), ...checkValidRows(input)] };
  }
  const panel = parsed.data;

  const errors: FieldError[] = [];
  const normalised: NormalisedResult[] = [];
  panel.results.forEach((result, index) => {
    const outcome = normaliseResult(result, index);
    if (outcome.ok) normalised.push(outcome.value);
    else errors.push(...outcome.errors);
  });
  if (errors.length > 0) return { ok: false, errors };

  const context = [...new Set(panel.context ?? [])];
  const ruleSetFor = (analyte: AnalyteId): RuleSetId =>
    panel.ruleSets?.[analyte] ?? getDefaultRuleSet(analyte).id;

  return {
    ok: true,
    value: {
      rulesVersion: RULES_VERSION,
      panelId: panel.id ?? null,
      patient: { ...panel.patient },
      clinician: { ...panel.clinician },
      collectedOn: panel.collectedOn ?? null,
      asOf: parsedOptions.data.asOf ?? null,
      context,
      results: normalised.map((result) => buildResult(result, ruleSetFor(result.analyte), context)),
    },
  };
}
