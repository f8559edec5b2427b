import { getAnalyte } from '../analytes/registry';
import { MAX_VALUE_TEXT_LENGTH, VALUE_MESSAGE, VALUE_TEXT_PATTERN } from '../schemas';
import type { PanelResult } from '../schemas';
import { convertBetween, findUnit, listUnits, normaliseUnit, requireUnit } from '../units';
import type {
  AnalyteId,
  Comparator,
  FieldError,
  FieldPath,
  UnitCode,
  UnitDefinition,
} from '../types';
import { ANALYTE_IDS } from '../types';

/** A schema-valid result after unit normalisation and plausibility checks. */
export interface NormalisedResult {
  readonly index: number;
  readonly analyte: AnalyteId;
  readonly value: number;
  readonly comparator: Comparator | null;
  readonly unitEntered: string;
  readonly unit: UnitCode;
  /** Always present (undefined when not given): every normalised result has one shape. */
  readonly labRange: { readonly low: number; readonly high: number } | undefined;
}

const SYMBOL_COMPARATORS: Readonly<Record<string, Comparator>> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '≤': '<=',
  '≥': '>=',
};

/**
 * Splits a value as entered into number and comparator. "<5" is the bound 5 with comparator
 * "<": it is never read as the value 5.
 * @param value - a number, or text such as "42", "<5", "≥150"
 * @returns the number and comparator, or undefined when the text is not a value
 */
export function parseValue(
  value: number | string,
): { value: number; comparator: Comparator | null } | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 ? { value, comparator: null } : undefined;
  }
  if (value.length > MAX_VALUE_TEXT_LENGTH) return undefined;
  const match = VALUE_TEXT_PATTERN.exec(value);
  if (match === null || match[2] === undefined) return undefined;
  const number = Number(match[2]);
  if (!Number.isFinite(number) || number <= 0) return undefined;
  const symbol = match[1];
  return {
    value: number,
    comparator: symbol === undefined ? null : (SYMBOL_COMPARATORS[symbol] ?? null),
  };
}

// The unit each analyte's impossible-value limit is stated in, looked up once.
const HARD_STOP_UNITS = Object.fromEntries(
  ANALYTE_IDS.map((id) => [id, requireUnit(id, getAnalyte(id).plausibility.hardStopAbove.unit)]),
) as Readonly<Record<AnalyteId, UnitDefinition>>;

function resultPath(index: number, field: string): FieldPath {
  return ['results', index, field];
}

function acceptedUnits(analyte: AnalyteId): string {
  return listUnits(analyte).join(', ');
}

/**
 * Checks units and plausibility of one schema-valid result.
 * @param result - the result as parsed by `resultSchema`
 * @param index - its position in the panel (for error paths)
 * @returns the normalised result, or the field errors found
 */
export function normaliseResult(
  result: PanelResult,
  index: number,
): { ok: true; value: NormalisedResult } | { ok: false; errors: FieldError[] } {
  // Most results have no error: the list is made when the first one is found.
  let errors: FieldError[] | undefined;
  const analyte = getAnalyte(result.analyte);

  const unit = normaliseUnit(result.unit);
  const unitDefinition = unit === undefined ? undefined : findUnit(result.analyte, unit);
  if (unit === undefined) {
    (errors ??= []).push({
      path: resultPath(index, 'unit'),
      message: `"${result.unit}" is not a recognised unit; use one of ${acceptedUnits(result.analyte)}`,
      code: 'unknown-unit',
    });
  } else if (unitDefinition === undefined) {
    (errors ??= []).push({
      path: resultPath(index, 'unit'),
      message: `${unit} is not a unit for ${analyte.shortName}; use one of ${acceptedUnits(result.analyte)}`,
      code: 'unit-not-for-analyte',
    });
  }

  const parsed = parseValue(result.value);
  if (parsed === undefined) {
    (errors ??= []).push({
      path: resultPath(index, 'value'),
      message: VALUE_MESSAGE,
      code: 'not-positive',
    });
  } else if (
    result.comparator !== undefined &&
    parsed.comparator !== null &&
    parsed.comparator !== result.comparator
  ) {
    (errors ??= []).push({
      path: resultPath(index, 'comparator'),
      message: `contradicts the comparator written in the value ("${String(result.value)}")`,
      code: 'invalid',
    });
  }

  if (result.labRange !== undefined && result.labRange.low >= result.labRange.high) {
    (errors ??= []).push({
      path: resultPath(index, 'labRange'),
      message: 'low must be below high',
      code: 'invalid-range',
    });
  }

  if (parsed !== undefined && unit !== undefined && unitDefinition !== undefined) {
    const stop = analyte.plausibility.hardStopAbove;
    const inStopUnit = convertBetween(
      parsed.value,
      unitDefinition,
      HARD_STOP_UNITS[result.analyte],
    );
    if (inStopUnit > stop.value) {
      (errors ??= []).push({
        path: resultPath(index, 'value'),
        message: `${parsed.value} ${unit} is not a possible ${analyte.shortName} level (above ${stop.value} ${stop.unit}); check the value and unit`,
        code: 'implausible',
      });
    }
  }

  if (errors !== undefined) return { ok: false, errors };
  // A value or unit that could not be read recorded its error above: this only tells the types.
  // Stryker disable next-line all: unreachable
  if (parsed === undefined || unit === undefined) return { ok: false, errors: [] };
  return {
    ok: true,
    value: {
      index,
      analyte: result.analyte,
      value: parsed.value,
      comparator: parsed.comparator ?? result.comparator ?? null,
      unitEntered: result.unit,
      unit,
      labRange:
        result.labRange === undefined
          ? undefined
          : { low: result.labRange.low, high: result.labRange.high },
    },
  };
}
