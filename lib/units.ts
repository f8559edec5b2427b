import { getAnalyte } from './analytes/registry';
import type { AnalyteId, UnitCode, UnitDefinition } from './types';
import { ANALYTE_IDS, UNIT_CODES } from './types';

/**
 * Accepted spellings of each UCUM code, lower-cased, without spaces. Lab systems write units in
 * many ways; we normalise the common ones and reject the rest rather than guess.
 */
const SPELLINGS: ReadonlyMap<string, UnitCode> = new Map<string, UnitCode>([
  ...UNIT_CODES.map((code) => [code.toLowerCase(), code] as const),
  ['µg/l', 'ug/L'], // micro sign U+00B5
  ['μg/l', 'ug/L'], // Greek mu U+03BC
  ['mcg/l', 'ug/L'],
  ['meq/l', 'meq/L'],
  ['mequiv/l', 'meq/L'],
]);

const EXACT_CODES: ReadonlySet<string> = new Set<string>(UNIT_CODES);

/**
 * Normalises a unit as written by a lab to its UCUM code, without checking the analyte.
 * @param raw - the unit as entered, e.g. "mEq/L", "µg/L", "nmol/l"
 * @returns the UCUM code, or undefined when the spelling is not recognised
 */
export function normaliseUnit(raw: string): UnitCode | undefined {
  // Exact UCUM codes (the common case) need no clean-up; their lower-cased forms are distinct.
  // Stryker disable next-line ConditionalExpression: a fast path; SPELLINGS maps every code's lower-cased form to the code, so skipping it gives the same answer
  if (EXACT_CODES.has(raw)) return raw as UnitCode;
  // Stryker disable next-line Regex: removing spaces one at a time or in runs gives the same text
  return SPELLINGS.get(raw.replace(/\s+/g, '').toLowerCase());
}

// Conversions run several times per result: look units up in a map, not by scanning the list.
const UNITS_BY_ANALYTE: ReadonlyMap<AnalyteId, ReadonlyMap<string, UnitDefinition>> = new Map(
  ANALYTE_IDS.map((id) => [
    id,
    new Map(getAnalyte(id).units.map((definition) => [definition.code, definition] as const)),
  ]),
);

/**
 * The definition of a unit for an analyte.
 * @param analyte - the analyte id
 * @param unit - a UCUM code
 * @returns the unit definition, or undefined when the analyte does not accept that unit
 */
export function findUnit(analyte: AnalyteId, unit: UnitCode): UnitDefinition | undefined {
  return UNITS_BY_ANALYTE.get(analyte)?.get(unit);
}

/**
 * The definition of a unit the analyte data itself refers to (a limit's or a range's unit).
 * @param analyte - the analyte id
 * @param unit - a UCUM code named by the analyte's data
 * @returns the unit definition
 * @throws Error when the analyte has no such unit (a data error: an invariant test checks it)
 */
export function requireUnit(analyte: AnalyteId, unit: UnitCode): UnitDefinition {
  const definition = findUnit(analyte, unit);
  if (definition === undefined) throw new Error(`${analyte} has no unit ${unit}`);
  return definition;
}

/**
 * The UCUM codes an analyte accepts, in display order.
 * @param analyte - the analyte id
 * @returns the accepted units
 */
export function listUnits(analyte: AnalyteId): readonly UnitCode[] {
  return getAnalyte(analyte).units.map((definition) => definition.code);
}

/**
 * Converts a value between two units of the same analyte (Mg meq/L by valence, never by UCUM's
 * generic eq = mol).
 * @param analyte - the analyte id
 * @param value - the value in `from`
 * @param from - the unit of `value`
 * @param to - the unit wanted
 * @returns the value in `to` (not rounded)
 * @throws Error when either unit is not accepted for the analyte (programmer error)
 */
export function convertUnit(
  analyte: AnalyteId,
  value: number,
  from: UnitCode,
  to: UnitCode,
): number {
  const source = findUnit(analyte, from);
  const target = findUnit(analyte, to);
  if (source === undefined || target === undefined) {
    throw new Error(`cannot convert ${analyte} from ${from} to ${to}`);
  }
  return convertBetween(value, source, target);
}

/**
 * Converts a value between two unit definitions of the same analyte: the arithmetic of
 * {@link convertUnit}, for callers that already hold the definitions (hot paths).
 * @param value - the value in `source`
 * @param source - the unit of `value`
 * @param target - the unit wanted
 * @returns the value in `target` (not rounded)
 */
export function convertBetween(
  value: number,
  source: UnitDefinition,
  target: UnitDefinition,
): number {
  if (source.toBase === target.toBase) return value;
  // Stryker disable next-line ConditionalExpression: a fast path; the general formula divides by 1 here, which is exact
  if (target.toBase === 1) return value * source.toBase;
  return (value * source.toBase) / target.toBase;
}

/**
 * Rounds a value to the display precision of its unit.
 * @param analyte - the analyte id
 * @param value - the value
 * @param unit - its unit
 * @returns the rounded value
 */
export function roundForUnit(analyte: AnalyteId, value: number, unit: UnitCode): number {
  return roundToDecimals(value, findUnit(analyte, unit)?.displayDecimals ?? 2);
}

/**
 * Rounds a value to a number of decimal places (half away from zero for positive values).
 * @param value - the value
 * @param decimals - decimal places
 * @returns the rounded value
 */
export function roundToDecimals(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * `String(value)` for a number, faster for the values results carry (at most two decimals): a
 * batch formats three of them per result. Such a value is the double nearest to its decimal
 * text, whose shortest round-trip form (what `String` writes) is that text; anything else goes
 * to `String`.
 * @param value - the number
 * @returns exactly `String(value)`
 */
export function formatNumber(value: number): string {
  // Stryker disable next-line ArithmeticOperator: any other scale fails the check below and falls back to String, the same text
  const hundredths = Math.round(value * 100);
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: each variant only sends more values (0, the limit itself, or all) to String, the same text
  if (hundredths / 100 !== value || hundredths < 0 || hundredths > 0x7fffffff) {
    return String(value);
  }
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths - whole * 100;
  if (cents === 0) return String(whole);
  if (cents % 10 === 0) return `${whole}.${cents / 10}`;
  // Stryker disable next-line EqualityOperator: cents of exactly 10 took the branch above
  return cents < 10 ? `${whole}.0${cents}` : `${whole}.${cents}`;
}
