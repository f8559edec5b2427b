/** A value as a result shows it: its display text and the same value in the analyte's other units. */
import { convertBetween, formatNumber } from '../units';
import type { Comparator, ConvertedValue, UnitCode } from '../types';
import { createViewMemos } from './rule-set-views';
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

/** How many values per rule-set view keep their converted values. */
const MEMO_LIMIT = 4096;

// A comparator as a number, part of a memo key.
const COMPARATOR_CODES: Readonly<Record<Comparator, number>> = { '<': 1, '<=': 2, '>': 3, '>=': 4 };

// The converted values of the values met so far, by view (its index), then by an integer made
// of the value in hundredths and the comparator (a small integer for any plausible value). Lab
// values repeat (whole numbers, one or two decimals): converting each value afresh was about a
// tenth of the cost of interpret() in bench:interpret. Bounded: MEMO_LIMIT values per view are
// kept, later ones are converted each time, and so are values with more than two decimals.
let MEMOS = createViewMemos<readonly ConvertedValue[]>();

/**
 * Forgets the converted values kept so far. For mutation testing (see forgetResultStatics).
 */
export function forgetConvertedValues(): void {
  MEMOS = createViewMemos();
}

function convert(
  value: number,
  comparator: Comparator | null,
  view: RuleSetUnitView,
): readonly ConvertedValue[] {
  return Object.freeze(
    view.conversions.map(({ target, scale }) => {
      const exact = convertBetween(value, view.unit, target);
      const rounded =
        comparator === null
          ? Math.round(exact * scale) / scale
          : roundOutward(exact, comparator, scale);
      return Object.freeze({
        value: rounded,
        unit: target.code,
        display: formatDisplay(rounded, comparator, target.code),
      });
    }),
  );
}

/**
 * The value in every other unit of its analyte: exact values rounded to the unit's decimals,
 * censored bounds rounded outward. Results with the same value share one frozen list.
 * @param value - the value in the view's unit (the bound, when censored)
 * @param comparator - the comparator, or null
 * @param view - the rule set in the reported unit
 * @returns one converted value per other unit, in data order
 */
export function convertValue(
  value: number,
  comparator: Comparator | null,
  view: RuleSetUnitView,
): readonly ConvertedValue[] {
  const hundredths = Math.round(value * 100);
  if (hundredths / 100 !== value) return convert(value, comparator, view);
  const key = hundredths * 5 + (comparator === null ? 0 : COMPARATOR_CODES[comparator]);
  const memo = MEMOS[view.index] ?? new Map<number, readonly ConvertedValue[]>();
  const known = memo.get(key);
  if (known !== undefined) return known;
  const converted = convert(value, comparator, view);
  if (memo.size < MEMO_LIMIT) memo.set(key, converted);
  return converted;
}
