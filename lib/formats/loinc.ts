import { ANALYTES } from '../analytes/registry';
import type { Analyte, AnalyteId, WarningCode } from '../types';

/**
 * LOINC codes that name one of our analytes in the wrong specimen (clinical reference, section
 * 4): reading them against serum cut-offs would be wrong, so they are refused with the reason.
 */
export const REFUSED_LOINC: ReadonlyMap<string, string> = new Map([
  [
    '16695-9',
    'LOINC 16695-9 is vitamin B12 in whole blood; serum cut-offs do not apply (use 2132-9 or 14685-2, serum or plasma)',
  ],
]);

/** Our LOINC codes and what they mean. */
export const LOINC_TO_ANALYTE: ReadonlyMap<
  string,
  { readonly analyte: AnalyteId; readonly display: string; readonly warn?: WarningCode }
> = new Map(
  Object.values(ANALYTES).flatMap((analyte: Analyte) =>
    analyte.loincCodes.map(
      (entry) =>
        [
          entry.code,
          {
            analyte: analyte.id,
            display: entry.display,
            ...(entry.warn === undefined ? {} : { warn: entry.warn }),
          },
        ] as const,
    ),
  ),
);
