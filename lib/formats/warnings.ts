import type { WarningCode } from '../types';

/** A warning a lab document adds to a result. */
export interface SourceWarning {
  readonly code: WarningCode;
  readonly message: string;
}

/**
 * The warning a LOINC code carries (clinical reference, section 4): 1989-3 and 14635-7 name
 * 25-hydroxyvitamin D3 only and are often used for total 25(OH)D.
 * @param code - the warning code of the LOINC entry
 * @param loinc - the LOINC code as the lab sent it
 * @returns the warning
 */
export function importWarning(code: WarningCode, loinc: string): SourceWarning {
  if (code === 'vitamin-d3-only-code') {
    return {
      code,
      message: `LOINC ${loinc} is 25-hydroxyvitamin D3 only, often used for total 25(OH)D: check that the lab measured D2 + D3 before applying total cut-offs.`,
    };
  }
  return { code, message: `LOINC ${loinc}: ${code}` };
}

/**
 * The warning of a result the lab marked preliminary.
 * @returns the warning
 */
export function preliminaryWarning(): SourceWarning {
  return {
    code: 'preliminary-result',
    message: 'The laboratory reported this result as preliminary: it may still change.',
  };
}

/**
 * The warning of a lab reference range that could not be used.
 * @param reason - why (e.g. "0-0 is not a range: the lab's range was not used")
 * @returns the warning
 */
export function rangeDroppedWarning(reason: string): SourceWarning {
  return { code: 'lab-range-dropped', message: `The laboratory's reference range ${reason}.` };
}
