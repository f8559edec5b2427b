/** The warnings of one result: a likely unit mix-up, outside the assay range, lab range discordant. */
import { convertBetween } from '../units';
import type { ResultInterpretation, Status } from '../types';
import type { NormalisedResult } from './normalise';
import type { RuleSetUnitView } from './rule-set-views';

/** Where a value sits against the lab's own range (`unknown`: a censored bound cannot say). */
export type LabPosition = NonNullable<ResultInterpretation['labRange']>['position'];

/**
 * Where a (possibly censored) value sits against the lab's range.
 * @param input - the normalised result
 * @returns the position, or null when the lab gave no range
 */
export function findLabPosition(input: NormalisedResult): LabPosition | null {
  const range = input.labRange;
  if (range === undefined) return null;
  const v = input.value;
  switch (input.comparator) {
    case null:
      return v < range.low ? 'below' : v > range.high ? 'above' : 'within';
    case '<':
      return v <= range.low ? 'below' : 'unknown';
    case '<=':
      return v < range.low ? 'below' : 'unknown';
    case '>':
      return v >= range.high ? 'above' : 'unknown';
    case '>=':
      return v > range.high ? 'above' : 'unknown';
  }
}

// Most results have no warning: they share one empty list (results are read-only).
const NO_WARNINGS: ResultInterpretation['warnings'] = Object.freeze([]);

/**
 * The warnings a result's value implies (the code-based ones are added by interpret()).
 * @param input - the normalised result
 * @param status - its status
 * @param position - where it sits against the lab's range, or null
 * @param view - its rule set in its unit
 * @returns the warnings, in a fixed order
 */
export function collectWarnings(
  input: NormalisedResult,
  status: Status,
  position: LabPosition | null,
  view: RuleSetUnitView,
): ResultInterpretation['warnings'] {
  let warnings: Array<ResultInterpretation['warnings'][number]> | undefined;
  const value = input.value;
  for (const mixup of view.mixups) {
    const hit =
      (mixup.above !== undefined && value > mixup.above) ||
      (mixup.below !== undefined && value < mixup.below) ||
      (mixup.within !== undefined && value >= mixup.within.low && value <= mixup.within.high);
    if (hit) {
      (warnings ??= []).push({
        code: 'possible-unit-mixup',
        message: `${value} ${input.unit} fits ${mixup.likelyUnits.join(' or ')} far better: confirm the unit with the lab report.`,
      });
    }
  }
  if (input.comparator === null) {
    const assay = view.assayRange;
    const inAssayUnit = convertBetween(value, view.unit, view.assayUnit);
    if (inAssayUnit > assay.high || (assay.low !== undefined && inAssayUnit < assay.low)) {
      (warnings ??= []).push({ code: 'outside-assay-range', message: view.assayMessage });
    }
  }
  if (position !== null && position !== 'unknown' && status !== 'indeterminate') {
    const labNormal = position === 'within';
    if (labNormal !== (status === 'sufficient')) {
      (warnings ??= []).push({
        code: 'lab-range-discordant',
        message: labNormal
          ? `The lab calls this value normal, but the guideline band is ${status}.`
          : `The lab flags this value ${position} its range, but the guideline band is sufficient.`,
      });
    }
  }
  return warnings ?? NO_WARNINGS;
}
