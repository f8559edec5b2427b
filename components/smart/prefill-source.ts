import { REPORT_STATUSES } from '@/lib/formats/import-types';
import type { ImportedPanel } from '@/lib/formats/import-types';
import { preliminaryWarning } from '@/lib/formats/warnings';
import type { ChartPrefill } from '@/lib/smart/chart';

/**
 * What the chart said about each pre-filled result beyond its value, in the shape a file import
 * gives the form: the lab's report status, and the preliminary warning a FHIR file import adds
 * for the same Observation. So a preliminary result from the chart says so on the card and the
 * handout, as it does when the same Observation is imported from a file.
 * @param prefill - the pre-fill built from the chart
 * @returns the warnings and the per-result sources, by the panel's result index
 */
export function prefillSource(prefill: ChartPrefill): Pick<ImportedPanel, 'warnings' | 'sources'> {
  const statuses = prefill.sources.map((reading) =>
    REPORT_STATUSES.find((status) => status === reading.source.status),
  );
  return {
    warnings: statuses.flatMap((status, resultIndex) =>
      status === 'preliminary' ? [{ resultIndex, ...preliminaryWarning() }] : [],
    ),
    sources: statuses.map((reportStatus) =>
      reportStatus === undefined ? undefined : { reportStatus },
    ),
  };
}
