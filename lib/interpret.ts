import { z } from 'zod';
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
import type { FieldError, InterpretOutcome } from './types';
import { normaliseResult } from './validate';
import type { NormalisedResult } from './validate';

/**
 * zod's own ahead-of-time compilation of `panelSchema` and `interpretOptionsSchema`: a generated
 * fast path that returns exactly what the runtime parser returns for valid input and hands
 * anything else (every failure included) to the runtime parser, so issues, messages and paths are
 * the runtime's. It is about 10x faster than the interpreted schema on valid panels, which is
 * most of the cost of `interpret()` on large batches. It needs `new Function`: where a strict
 * CSP forbids it (the browser pages), zod's own cached probe says so and the runtime schema is
 * used, without a second attempt that the browser would report as a CSP violation.
 */
const canCompile = z.util.allowsEval.value;
const compiledPanelSchema = canCompile ? z.compile(panelSchema) : panelSchema;
const compiledOptionsSchema = canCompile
  ? z.compile(interpretOptionsSchema)
  : interpretOptionsSchema;

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
  const parsedOptions = compiledOptionsSchema.safeParse(options, PARSE_OPTIONS);
  if (!parsedOptions.success)
    return { ok: false, errors: toFieldErrors(parsedOptions.error.issues, ['options']) };
  const parsed = compiledPanelSchema.safeParse(input, PARSE_OPTIONS);
  if (!parsed.success) {
    return { ok: false, errors: [...toFieldErrors(parsed.error.issues), ...checkValidRows(input)] };
  }
  const panel = parsed.data;

  const errors: FieldError[] = [];
  const normalised: NormalisedResult[] = [];
  for (let index = 0; index < panel.results.length; index++) {
    const result = panel.results[index];
    if (result === undefined) continue;
    const outcome = normaliseResult(result, index);
    if (outcome.ok) normalised.push(outcome.value);
    else errors.push(...outcome.errors);
  }
  if (errors.length > 0) return { ok: false, errors };

  const context = panel.context === undefined ? [] : [...new Set(panel.context)];
  const ruleSets = panel.ruleSets;

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
      results: normalised.map((result) =>
        buildResult(
          result,
          ruleSets?.[result.analyte] ?? getDefaultRuleSet(result.analyte).id,
          context,
        ),
      ),
    },
  };
}
