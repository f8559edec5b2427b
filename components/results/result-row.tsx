import { useId } from 'react';
import type { CitationView } from '@/components/entry/run-interpret';
import type { ResultInterpretation } from '@/lib/types';
import type { BandLabels } from './band-scale';
import { keyNextStep } from './note-text';
import { ResultCard } from './result-card';
import { SafetyBlock } from './safety-block';
import { StatusBadge } from './status-style';

/** How the lab's report status reads beside the status badge (a final result says nothing). */
const REPORT_STATUS_LABELS: Readonly<
  Record<Exclude<NonNullable<ResultInterpretation['reportStatus']>, 'final'>, string>
> = {
  preliminary: 'Preliminary result',
  amended: 'Amended by the lab',
  corrected: 'Corrected by the lab',
};

/**
 * One analyte in the results summary: value, unit, converted value, status, critical flag and
 * warnings, and the key next step on one row; "Details" opens the result card below it (rule
 * set, band scale and table, back-pain evidence, notes).
 * @param props - the result, band labels, citations, and whether the details are open
 * @returns the row, with its details
 */
export function ResultRow({
  result,
  labels,
  citations,
  expanded,
  onToggle,
}: {
  result: ResultInterpretation;
  labels: BandLabels;
  citations: Readonly<Record<string, CitationView>>;
  expanded: boolean;
  onToggle: () => void;
}) {
  const headingId = `result-${result.analyte}-heading`;
  const detailId = useId();
  const step = keyNextStep(result);
  return (
    <article
      className={`result-row status-edge-${result.status}`}
      aria-labelledby={headingId}
      data-analyte={result.analyte}
    >
      <div className="result-summary">
        <h3 id={headingId} className="result-name">
          {result.analyteShortName}
        </h3>
        <p className="result-values">
          <span className="value-entered">{result.input.display}</span>
          {result.converted.length === 0 ? null : (
            <span className="value-converted">
              {result.converted.map((c) => c.display).join(' · ')}
            </span>
          )}
        </p>
        <div className="result-status">
          <StatusBadge status={result.status} label={result.statusLabel} />
          {result.reportStatus === undefined || result.reportStatus === 'final' ? null : (
            <span className="report-status" data-report-status={result.reportStatus}>
              {REPORT_STATUS_LABELS[result.reportStatus]}
            </span>
          )}
        </div>
        <div className="result-flags">
          {result.critical ? (
            <p className="critical-banner" role="alert">
              <span aria-hidden="true" className="critical-mark">
                !
              </span>{' '}
              <strong>{result.criticalMessage}</strong>
            </p>
          ) : null}
          <SafetyBlock result={result} kinds={['today']} citations={citations} />
          {result.indeterminateReason === undefined ? null : (
            <p className="indeterminate-reason">{result.indeterminateReason}</p>
          )}
          {result.warnings.length > 0 ? (
            <ul className="warning-list" aria-label={`${result.analyteShortName} warnings`}>
              {result.warnings.map((warning) => (
                <li key={warning.code} className="warning" data-code={warning.code}>
                  <span aria-hidden="true" className="warning-mark">
                    !
                  </span>{' '}
                  {warning.message}
                </li>
              ))}
            </ul>
          ) : null}
          {step === undefined ? null : (
            <p className="key-step">
              <strong>Next:</strong> {step}
            </p>
          )}
        </div>
        <button
          type="button"
          className="button-secondary result-toggle"
          aria-expanded={expanded}
          aria-controls={detailId}
          onClick={onToggle}
        >
          {expanded ? 'Hide details' : 'Details'}
          <span className="visually-hidden"> of {result.analyteShortName}</span>
        </button>
      </div>
      <div id={detailId} className="result-detail-panel" hidden={!expanded}>
        <ResultCard result={result} labels={labels} citations={citations} />
      </div>
    </article>
  );
}
