import { CODE_WARNING_MESSAGES } from '../result-codes';
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
  const message = CODE_WARNING_MESSAGES[code];
  return { code, message: message === undefined ? `LOINC ${loinc}: ${code}` : message(loinc) };
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
