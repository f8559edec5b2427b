import { getAnalyte } from '../analytes/registry';
import { MAX_VALUE_TEXT_LENGTH, VALUE_MESSAGE, VALUE_TEXT_PATTERN } from '../schemas';
import type { Panel, PanelResult } from '../schemas';
import { convertBetween, convertUnit, findUnit, listUnits, normaliseUnit } from '../units';
import type { AnalyteId, Comparator, FieldError, UnitCode, UnitDefinition } from '../types';
import { ANALYTE_IDS, COMPARATORS, CONTEXT_FLAGS } from '../types';

/** A schema-valid result after unit normalisation and plausibility checks. */
export interface NormalisedResult {
  readonly index: number;
  readonly analyte: AnalyteId;
  readonly value: number;
  readonly comparator: Comparator | null;
  readonly unitEntered: string;
  readonly unit: UnitCode;
  readonly labRange?: { readonly low: number; readonly high: number } | undefined;
}

const SYMBOL_COMPARATORS: Readonly<Record<string, Comparator>> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '≤': '<=',
  '≥': '>=',
};

// Character codes of the plain value spellings (see plainValueStart).
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const LESS = 60;
const GREATER = 62;
const EQUALS = 61;

function plainComparator(less: boolean, orEqual: boolean): Comparator {
  if (less) return orEqual ? '<=' : '<';
  return orEqual ? '>=' : '>';
}

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
  const start = plainValueStart(value);
  if (start >= 0) {
    // The plain spellings ("42", "<5", ">=150"), read the way the pattern below reads them.
    const number = Number(start === 0 ? value : value.slice(start));
    if (!Number.isFinite(number) || number <= 0) return undefined;
    return {
      value: number,
      comparator: start === 0 ? null : plainComparator(value.charCodeAt(0) === LESS, start === 2),
    };
  }
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

// Module-level helpers rather than closures: this runs once per result of every batch.
function resultPath(index: number, field: string): string {
  return `results[${index}].${field}`;
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
  const errors: FieldError[] = [];
  const analyte = getAnalyte(result.analyte);

  const unit = normaliseUnit(result.unit);
  const unitDefinition = unit === undefined ? undefined : findUnit(result.analyte, unit);
  if (unit === undefined) {
    errors.push({
      path: resultPath(index, 'unit'),
      message: `"${result.unit}" is not a recognised unit; use one of ${acceptedUnits(result.analyte)}`,
      code: 'unknown-unit',
    });
  } else if (unitDefinition === undefined) {
    errors.push({
      path: resultPath(index, 'unit'),
      message: `${unit} is not a unit for ${analyte.shortName}; use one of ${acceptedUnits(result.analyte)}`,
      code: 'unit-not-for-analyte',
    });
  }

  const parsed = parseValue(result.value);
  if (parsed === undefined) {
    errors.push({ path: resultPath(index, 'value'), message: VALUE_MESSAGE, code: 'not-positive' });
  } else if (
    result.comparator !== undefined &&
    parsed.comparator !== null &&
    parsed.comparator !== result.comparator
  ) {
    errors.push({
      path: resultPath(index, 'comparator'),
      message: `contradicts the comparator written in the value ("${String(result.value)}")`,
      code: 'invalid',
    });
  }

  if (result.labRange !== undefined && result.labRange.low >= result.labRange.high) {
    errors.push({
      path: resultPath(index, 'labRange'),
      message: 'low must be below high',
      code: 'invalid-range',
    });
  }

  if (parsed !== undefined && unit !== undefined && unitDefinition !== undefined) {
    const stop = analyte.plausibility.hardStopAbove;
    const inStopUnit = convertUnit(result.analyte, parsed.value, unit, stop.unit);
    if (inStopUnit > stop.value) {
      errors.push({
        path: resultPath(index, 'value'),
        message: `${parsed.value} ${unit} is not a possible ${analyte.shortName} level (above ${stop.value} ${stop.unit}); check the value and unit`,
        code: 'implausible',
      });
    }
  }

  if (errors.length > 0 || parsed === undefined || unit === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      index,
      analyte: result.analyte,
      value: parsed.value,
      comparator: parsed.comparator ?? result.comparator ?? null,
      unitEntered: result.unit,
      unit,
      ...(result.labRange === undefined
        ? {}
        : { labRange: { low: result.labRange.low, high: result.labRange.high } }),
    },
  };
}

// The analyte's hard-stop unit, looked up once: the check below runs once per result.
const HARD_STOP_UNITS: Readonly<Record<AnalyteId, UnitDefinition | undefined>> = {
  'vitamin-d': hardStopUnit('vitamin-d'),
  'vitamin-b12': hardStopUnit('vitamin-b12'),
  magnesium: hardStopUnit('magnesium'),
};

function hardStopUnit(analyte: AnalyteId): UnitDefinition | undefined {
  return findUnit(analyte, getAnalyte(analyte).plausibility.hardStopAbove.unit);
}

/**
 * The normalised result when the row has no problem at all, without collecting errors: the
 * common case of {@link normaliseResult}, which returns the same value for such a row and
 * lists the errors of any other.
 * @param result - the result as parsed by `resultSchema`
 * @param index - its position in the panel
 * @returns the normalised result, or undefined when {@link normaliseResult} reports errors
 */
export function normaliseValidResult(
  result: PanelResult,
  index: number,
): NormalisedResult | undefined {
  const unit = normaliseUnit(result.unit);
  if (unit === undefined) return undefined;
  const unitDefinition = findUnit(result.analyte, unit);
  if (unitDefinition === undefined) return undefined;
  const written = result.value;
  let value: number;
  let comparator: Comparator | null = null;
  if (typeof written === 'number') {
    if (!(Number.isFinite(written) && written > 0)) return undefined;
    value = written;
  } else {
    const parsed = parseValue(written);
    if (parsed === undefined) return undefined;
    value = parsed.value;
    comparator = parsed.comparator;
  }
  const given = result.comparator;
  if (given !== undefined) {
    if (comparator === null) comparator = given;
    else if (comparator !== given) return undefined;
  }
  const range = result.labRange;
  if (range !== undefined && range.low >= range.high) return undefined;
  const stop = getAnalyte(result.analyte).plausibility.hardStopAbove;
  const stopUnit = HARD_STOP_UNITS[result.analyte];
  if (stopUnit === undefined) return undefined;
  if (convertBetween(value, unitDefinition, stopUnit) > stop.value) return undefined;
  return {
    index,
    analyte: result.analyte,
    value,
    comparator,
    unitEntered: result.unit,
    unit,
    // Always present (undefined when not given): one object shape for every result.
    labRange: range === undefined ? undefined : { low: range.low, high: range.high },
  };
}

// ---------------------------------------------------------------------------------------------
// A hand-written check of the common, valid panel shape, ahead of zod. Batches of 100,000
// panels spent a large part of interpret() in the schema even when compiled; this check accepts
// only what it fully understands and says "ask zod" (undefined) for anything else, so every
// failure, message and path still comes from `panelSchema`. tests/unit/panel-fast-path.test.ts
// compares it with the schema on valid and near-valid inputs.

const ANALYTE_SET: ReadonlySet<unknown> = new Set<unknown>(ANALYTE_IDS);
const COMPARATOR_SET: ReadonlySet<unknown> = new Set<unknown>(COMPARATORS);
const CONTEXT_SET: ReadonlySet<unknown> = new Set<unknown>(CONTEXT_FLAGS);
const RULE_SET_IDS_BY_ANALYTE: Readonly<Record<AnalyteId, ReadonlySet<unknown>>> = {
  'vitamin-d': new Set<unknown>(getAnalyte('vitamin-d').ruleSets.map((r) => r.id)),
  'vitamin-b12': new Set<unknown>(getAnalyte('vitamin-b12').ruleSets.map((r) => r.id)),
  magnesium: new Set<unknown>(getAnalyte('magnesium').ruleSets.map((r) => r.id)),
};

/**
 * Where the number starts in a value text of the plain form `[<|<=|>|>=]digits[.digits]` or
 * `[comparator].digits` (no spaces, ASCII comparators): a strict subset of
 * `VALUE_TEXT_PATTERN`, read without a regex.
 * @param text - the value text
 * @returns the index of the number (0, 1 or 2), or -1 when the text needs the full pattern
 */
export function plainValueStart(text: string): number {
  const length = text.length;
  let index = 0;
  const first = text.charCodeAt(0);
  if (first === LESS || first === GREATER) index = text.charCodeAt(1) === EQUALS ? 2 : 1;
  const start = index;
  let digits = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < ZERO || code > NINE) break;
    digits++;
    index++;
  }
  if (index < length) {
    if (text.charCodeAt(index) !== DOT) return -1;
    index++;
    let decimals = 0;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < ZERO || code > NINE) return -1;
      decimals++;
      index++;
    }
    if (decimals === 0) return -1;
  } else if (digits === 0) {
    return -1;
  }
  return start;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO;
  const ones = text.charCodeAt(at + 1) - ZERO;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  return tens * 10 + ones;
}

/**
 * Whether a text is a calendar date written YYYY-MM-DD, exactly as `z.iso.date()` decides
 * (proleptic Gregorian leap years, four-digit years).
 * @param text - the text
 * @returns true for a valid date
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2) {
    const year = century * 100 + yearOfCentury;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (leap ? 29 : 28);
  }
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

function isOptionalText(value: unknown, max: number): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= max);
}

function isOptionalDate(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && isIsoDate(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function acceptsLabRange(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) if (key !== 'low' && key !== 'high') return false;
  const low = value.low;
  return (
    typeof low === 'number' && Number.isFinite(low) && low >= 0 && isPositiveNumber(value.high)
  );
}

function acceptsResult(value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key in value) {
    switch (key) {
      case 'analyte':
      case 'value':
      case 'unit':
      case 'comparator':
      case 'labRange':
        break;
      default:
        return false;
    }
  }
  const written = value.value;
  const unit = value.unit;
  const comparator = value.comparator;
  return (
    ANALYTE_SET.has(value.analyte) &&
    (typeof written === 'number'
      ? Number.isFinite(written) && written > 0
      : typeof written === 'string' &&
        written.length <= MAX_VALUE_TEXT_LENGTH &&
        (plainValueStart(written) >= 0 || VALUE_TEXT_PATTERN.test(written))) &&
    typeof unit === 'string' &&
    unit.length >= 1 &&
    unit.length <= 20 &&
    (comparator === undefined || COMPARATOR_SET.has(comparator)) &&
    acceptsLabRange(value.labRange)
  );
}

function acceptsPatient(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) if (key !== 'name' && key !== 'birthDate') return false;
  return isOptionalText(value.name, 200) && isOptionalDate(value.birthDate);
}

function acceptsClinician(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) if (key !== 'name' && key !== 'clinic' && key !== 'phone') return false;
  return (
    isOptionalText(value.name, 200) &&
    isOptionalText(value.clinic, 200) &&
    isOptionalText(value.phone, 60)
  );
}

function acceptsRuleSets(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  for (const key in value) {
    if (key !== 'vitamin-d' && key !== 'vitamin-b12' && key !== 'magnesium') return false;
    const id = value[key];
    if (id !== undefined && !RULE_SET_IDS_BY_ANALYTE[key].has(id)) return false;
  }
  return true;
}

function acceptsContext(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > CONTEXT_FLAGS.length) return false;
  for (let index = 0; index < value.length; index++) {
    if (!CONTEXT_SET.has(value[index])) return false;
  }
  return true;
}

/**
 * The panel when it is certainly valid for `panelSchema`, checked without zod. What the schema
 * would return for it has the same fields and values (the schema transforms nothing), so the
 * input itself is returned; callers read fields by name and copy what they keep. Key order can
 * differ from the schema's output, so a caller copying a whole sub-object copies in schema order.
 * @param input - anything
 * @returns the input as a `Panel`, or undefined when only `panelSchema` can decide
 */
export function acceptCommonPanel(input: unknown): Panel | undefined {
  if (!isRecord(input)) return undefined;
  for (const key in input) {
    switch (key) {
      case 'id':
      case 'patient':
      case 'clinician':
      case 'collectedOn':
      case 'ruleSets':
      case 'context':
      case 'results':
        break;
      default:
        return undefined;
    }
  }
  const results = input.results;
  if (!Array.isArray(results) || results.length < 1 || results.length > 50) return undefined;
  for (let index = 0; index < results.length; index++) {
    if (!acceptsResult(results[index])) return undefined;
  }
  if (
    !isOptionalText(input.id, 100) ||
    !isOptionalDate(input.collectedOn) ||
    !acceptsContext(input.context) ||
    !acceptsRuleSets(input.ruleSets) ||
    !acceptsPatient(input.patient) ||
    !acceptsClinician(input.clinician)
  ) {
    return undefined;
  }
  return input as Panel;
}

/**
 * `interpret()`'s options when they are certainly valid for `interpretOptionsSchema`.
 * @param options - anything
 * @returns the `asOf` date (or null when not given), or undefined when only the schema can decide
 */
export function acceptCommonOptions(options: unknown): { asOf: string | null } | undefined {
  if (!isRecord(options)) return undefined;
  for (const key in options) if (key !== 'asOf') return undefined;
  const asOf = options.asOf;
  if (asOf === undefined) return { asOf: null };
  return typeof asOf === 'string' && isIsoDate(asOf) ? { asOf } : undefined;
}
