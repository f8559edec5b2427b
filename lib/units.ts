import { getAnalyte } from './analytes/registry';
import type { AnalyteId, UnitCode, UnitDefinition } from './types';
import { UNIT_CODES } from './types';

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

/**
 * Normalises a unit as written by a lab to its UCUM code, without checking the analyte.
 * @param raw - the unit as entered, e.g. "mEq/L", "µg/L", "nmol/l"
 * @returns the UCUM code, or undefined when the spelling is not recognised
 */
export function normaliseUnit(raw: string): UnitCode | undefined {
  return SPELLINGS.get(raw.replace(/\s+/g, '').toLowerCase());
}

/**
 * The definition of a unit for an analyte.
 * @param analyte - the analyte id
 * @param unit - a UCUM code
 * @returns the unit definition, or undefined when the analyte does not accept that unit
 */
export function findUnit(analyte: AnalyteId, unit: UnitCode): UnitDefinition | undefined {
  return getAnalyte(analyte).units.find((definition) => definition.code === unit);
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
  if (from === to) return value;
  const source = findUnit(analyte, from);
  const target = findUnit(analyte, to);
  if (source === undefined || target === undefined) {
    throw new Error(`cannot convert ${analyte} from ${from} to ${to}`);
  }
  if (source.toBase === target.toBase) return value;
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
  const decimals = findUnit(analyte, unit)?.displayDecimals ?? 2;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
