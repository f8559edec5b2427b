import { ANALYTES } from './analytes/registry';
import type { Analyte, AnalyteId, FieldError, WarningCode } from './types';

/**
 * The source code of a result (the LOINC code a lab or a FHIR Observation used) and what it means
 * for the interpretation. A result may carry its code (`results[i].code`); `interpret()` checks
 * that the code names the result's analyte and adds the warning the code implies, so the screen,
 * the API, the CLI and the handout show the same warnings for the same input.
 */

/** A LOINC code: digits, a hyphen and one check digit (e.g. 62292-8). */
export const LOINC_PATTERN = /^\d{1,8}-\d$/;

/** The message of each code-based warning, given the code that raised it. */
export const CODE_WARNING_MESSAGES: Readonly<
  Partial<Record<WarningCode, (loinc: string) => string>>
> = {
  'vitamin-d3-only-code': (loinc) =>
    `LOINC ${loinc} is 25-hydroxyvitamin D3 only, often used for total 25(OH)D: check that the lab measured D2 + D3 before applying total cut-offs.`,
};

type CodeCheck =
  | {
      readonly ok: true;
      readonly warning?: { readonly code: WarningCode; readonly message: string };
    }
  | { readonly ok: false; readonly error: FieldError };

/**
 * Checks a result's code against its analyte.
 * @param analyte - the result's analyte
 * @param code - the code the result carries
 * @param index - the result's position, for the error path
 * @returns the warning the code implies, or an error naming `results[index].code`
 */
export function checkResultCode(analyte: AnalyteId, code: string, index: number): CodeCheck {
  const codes: Analyte['loincCodes'] = ANALYTES[analyte].loincCodes;
  const known = codes.find((entry) => entry.code === code);
  if (known === undefined) {
    return {
      ok: false,
      error: {
        path: ['results', index, 'code'],
        message: `must be a LOINC code of ${analyte} measured in serum or plasma (${codes.map((entry) => entry.code).join(', ')})`,
        code: 'invalid',
      },
    };
  }
  const message = known.warn === undefined ? undefined : CODE_WARNING_MESSAGES[known.warn];
  return known.warn === undefined || message === undefined
    ? { ok: true }
    : { ok: true, warning: { code: known.warn, message: message(code) } };
}
