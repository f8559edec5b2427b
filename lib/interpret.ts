import * as z from 'zod';
import { getDefaultRuleSet, RULES_VERSION } from './analytes/registry';
import { buildResult } from './interpret/build-result';
import { checkResultCode } from './result-codes';
import {
  interpretOptionsSchema,
  PARSE_OPTIONS,
  panelSchema,
  resultSchema,
  toFieldErrors,
} from './schemas';
import type { InterpretOptions, Panel } from './schemas';
import type {
  AnalyteId,
  FieldError,
  InterpretOutcome,
  ResultInterpretation,
  RuleSetId,
} from './types';
import { normaliseResult } from './interpret/normalise';
import type { NormalisedResult } from './interpret/normalise';
import { toPanelContext } from './interpret/result-statics';

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

// Looked up once rather than per result.
const DEFAULT_RULE_SET_IDS: Readonly<Record<AnalyteId, RuleSetId>> = {
  'vitamin-d': getDefaultRuleSet('vitamin-d').id,
  'vitamin-b12': getDefaultRuleSet('vitamin-b12').id,
  magnesium: getDefaultRuleSet('magnesium').id,
};

/**
 * Dates that cannot be right: a sample collected, or a patient born, after the date of the
 * interpretation. ISO dates (YYYY-MM-DD) compare correctly as strings.
 */
function checkDates(panel: Panel, asOf: string | null): FieldError[] | undefined {
  if (asOf === null) return undefined;
  const errors: FieldError[] = [];
  if (panel.collectedOn !== undefined && panel.collectedOn > asOf) {
    errors.push({
      path: ['collectedOn'],
      message: `must not be after ${asOf}, the date of the interpretation`,
      code: 'invalid-date',
    });
  }
  const birthDate = panel.patient?.birthDate;
  if (birthDate !== undefined && birthDate > asOf) {
    errors.push({
      path: ['patient', 'birthDate'],
      message: `must not be after ${asOf}, the date of the interpretation`,
      code: 'invalid-date',
    });
  }
  return errors.length === 0 ? undefined : errors;
}

function checkCode(result: Panel['results'][number], index: number): FieldError | undefined {
  if (result.code === undefined) return undefined;
  const check = checkResultCode(result.analyte, result.code, index);
  return check.ok ? undefined : check.error;
}

/** Adds the warning a result's source code implies (e.g. LOINC 1989-3 is vitamin D3 only). */
function withCodeWarning(result: ResultInterpretation, code: string): ResultInterpretation {
  const check = checkResultCode(result.analyte, code, result.index);
  // buildResult's warnings come from the value, never from the code: none can repeat this one.
  if (!check.ok || check.warning === undefined) return result;
  return { ...result, warnings: [...result.warnings, check.warning] };
}

/**
 * A critical flag on a value that looks like a unit mix-up says "check the unit" first: the
 * likelier story is a wrong unit, and acting on a false critical value can harm.
 */
function checkUnitFirst(result: ResultInterpretation): ResultInterpretation {
  // A result has a critical message exactly when it is critical.
  if (result.criticalMessage === undefined) return result;
  const mixup = result.warnings.find((warning) => warning.code === 'possible-unit-mixup');
  if (mixup === undefined) return result;
  return {
    ...result,
    // The warning itself stands beside this message: name it, do not repeat it.
    criticalMessage: `Check the unit first: the value fits another unit far better (see the unit warning). If the unit is right: ${result.criticalMessage}`,
  };
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
  const asOf = parsedOptions.data.asOf ?? null;
  const parsed = compiledPanelSchema.safeParse(input, PARSE_OPTIONS);
  if (!parsed.success) {
    return {
      ok: false,
      errors: [...toFieldErrors(parsed.error.issues), ...checkValidRows(input)],
    };
  }
  const panel = parsed.data;

  const rows = panel.results;
  let errors: FieldError[] | undefined = checkDates(panel, asOf);
  const normalised: NormalisedResult[] = [];
  for (let index = 0; index < rows.length; index++) {
    const result = rows[index];
    if (result === undefined) continue;
    const codeError = checkCode(result, index);
    if (codeError !== undefined) (errors ??= []).push(codeError);
    const outcome = normaliseResult(result, index);
    if (outcome.ok) normalised.push(outcome.value);
    else (errors ??= []).push(...outcome.errors);
  }
  if (errors !== undefined) return { ok: false, errors };

  const context = toPanelContext(panel.context);
  const ruleSets = panel.ruleSets;
  const results: ResultInterpretation[] = [];
  for (const result of normalised) {
    const ruleSetId = ruleSets?.[result.analyte] ?? DEFAULT_RULE_SET_IDS[result.analyte];
    const built = buildResult(result, ruleSetId, context);
    // Stryker disable next-line OptionalChaining: result.index is the row's own index, always in range
    const code = rows[result.index]?.code;
    // Stryker disable next-line ConditionalExpression: without a code withCodeWarning finds no such LOINC code and returns the result unchanged
    results.push(checkUnitFirst(code === undefined ? built : withCodeWarning(built, code)));
  }

  return {
    ok: true,
    value: {
      rulesVersion: RULES_VERSION,
      panelId: panel.id ?? null,
      patient: panel.patient ?? {},
      clinician: panel.clinician ?? {},
      collectedOn: panel.collectedOn ?? null,
      asOf,
      context: context.flags,
      results,
    },
  };
}
