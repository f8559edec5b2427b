/** A value as a result shows it: its display text and the same value in the analyte's other units. */
import { convertBetween, formatNumber } from '../units';
import type { Comparator, ConvertedValue, UnitCode } from '../types';
import type { RuleSetUnitView } from './rule-set-views';

/**
 * "<5 ng/mL", "42 nmol/L": the value as `String` writes it, after its comparator.
 * @param value - the number
 * @param comparator - the comparator of a censored value, or null
 * @param unit - the unit
 * @returns the display text
 */
export function formatDisplay(
  value: number,
  comparator: Comparator | null,
  unit: UnitCode,
): string {
  return comparator === null
    ? `${formatNumber(value)} ${unit}`
    : `${comparator}${formatNumber(value)} ${unit}`;
}

// Float noise allowed when rounding a censored bound outward (12.48 * 10 = 124.80000000000001).
const OUTWARD_EPSILON = 1e-9;

/**
 * A censored bound in another unit, rounded OUTWARD with one more decimal than exact values get,
 * so the converted bound never claims more than the lab did: "<5 ng/mL" is "<12.5 nmol/L", never
 * "<12"; ">150 ng/mL" is ">374.4 nmol/L", never ">375".
 */
function roundOutward(value: number, comparator: Comparator, scale: number): number {
  const fine = scale * 10;
  const scaled = value * fine;
  return comparator === '<' || comparator === '<='
    ? Math.ceil(scaled - OUTWARD_EPSILON) / fine
    : Math.floor(scaled + OUTWARD_EPSILON) / fine;
}

/**
 * The value in every other unit of its analyte: exact values rounded to the unit's decimals,
 * censored bounds rounded outward.
 * @param value - the value in the view's unit (the bound, when censored)
 * @param comparator - the comparator, or null
 * @param view - the rule set in the reported unit
 * @returns one converted value per other unit, in data order
 */
export function convertValue(
  value: number,
  comparator: Comparator | null,
  view: RuleSetUnitView,
): ConvertedValue[] {
  return view.conversions.map(({ target, scale }) => {
    const exact = convertBetween(value, view.unit, target);
    const rounded =
      comparator === null
        ? Math.round(exact * scale) / scale
        : roundOutward(exact, comparator, scale);
    return {
      value: rounded,
      unit: target.code,
      display: formatDisplay(rounded, comparator, target.code),
    };
  });
}
