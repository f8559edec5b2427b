import type { BandLabels } from '@/components/results/band-scale';
import { CONTEXT_LABELS } from '@/lib/context-labels';
import { describeTrend } from '@/lib/smart/chart';
import type { ChartPrefill, ChartReadings } from '@/lib/smart/chart';
import type { ContextSuggestion } from '@/lib/smart/context';
import type { AnalyteId } from '@/lib/types';
import type { ChartData } from './fhir-session';
import { HistoryTrend } from './history-trend';

/** The chart has been read: what the SMART screen shows about it. */
export interface ReadyPhase {
  readonly kind: 'ready';
  readonly chart: ChartData;
  readonly readings: ChartReadings;
  readonly prefill?: ChartPrefill;
  readonly suggestions: ContextSuggestion[];
}

/**
 * What was read from the chart: the patient, the pre-filled values with their sources (to
 * confirm before interpreting), the observations not used and why, the history per analyte as a
 * trend, and the context the chart suggests, ticked one by one.
 * @param props - the chart read, band labels, the ticked flags and the handlers
 * @returns the chart view
 */
export function ChartView({
  phase,
  bandLabels,
  ticked,
  onTick,
  onEnd,
}: {
  phase: ReadyPhase;
  bandLabels: Readonly<Partial<Record<AnalyteId, BandLabels>>>;
  ticked: readonly string[];
  onTick: (suggestion: ContextSuggestion) => void;
  onEnd: () => void;
}) {
  const { chart, readings, prefill, suggestions } = phase;
  const analytes = (Object.keys(readings.byAnalyte) as AnalyteId[]).filter(
    (id) => (readings.byAnalyte[id]?.length ?? 0) > 0,
  );
  return (
    <>
      <div className="smart-banner">
        <p>
          Patient in the EHR: <strong>{chart.patientName ?? 'name not given'}</strong>
          {chart.birthDate === undefined ? null : `, born ${chart.birthDate}`}
        </p>
        <button type="button" className="button-secondary" onClick={onEnd}>
          End session
        </button>
      </div>

      <h3>Pre-filled from the chart: confirm before interpreting</h3>
      {prefill === undefined ? (
        <p role="status">
          No vitamin D, vitamin B12 or magnesium results were found in the chart for this patient.
          Enter results by hand below.
        </p>
      ) : (
        <>
          <ul className="smart-sources" aria-label="Sources of the pre-filled values">
            {prefill.sources.map((reading) => (
              <li key={reading.source.observationId}>
                <strong>
                  {reading.analyteName}: {reading.valueText}
                </strong>
                , collected {reading.source.date}, {reading.source.lab ?? 'lab not named'} (
                {reading.source.status}, LOINC {reading.source.loinc})
                {reading.warnings.map((warning) => (
                  <span key={warning} className="smart-warning">
                    {' '}
                    {warning}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {prefill.datesDiffer ? (
            <p>
              These results were collected on different days, so the form’s collection date is left
              empty: each result’s date is listed above.
            </p>
          ) : null}
        </>
      )}

      {readings.skipped.length > 0 ? (
        <>
          <h3>Not used from the chart</h3>
          <ul className="smart-skipped" aria-label="Observations not used">
            {readings.skipped.map((skipped) => (
              <li key={skipped.observationId}>
                {skipped.label} (Observation {skipped.observationId}): skipped, {skipped.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {analytes.length > 0 ? (
        <>
          <h3>History</h3>
          {analytes.map((id) => {
            const list = readings.byAnalyte[id] ?? [];
            const trend = describeTrend(list) ?? '';
            return (
              <div key={id} className="smart-history">
                <h4 id={`history-${id}`}>{list[0]?.analyteName}</h4>
                <HistoryTrend
                  readings={list.slice(0, 10)}
                  trend={trend}
                  labels={bandLabels[id] ?? {}}
                  headingId={`history-${id}`}
                />
              </div>
            );
          })}
        </>
      ) : null}

      <h3>Suggested context from the chart</h3>
      {suggestions.length === 0 ? (
        <p>Nothing in the chart suggests a context box.</p>
      ) : (
        <ul className="smart-suggestions" aria-label="Suggested context">
          {suggestions.map((suggestion) => (
            <li key={`${suggestion.flag}-${suggestion.evidence}`}>
              <span>
                {CONTEXT_LABELS[suggestion.flag]}: {suggestion.evidence}
              </span>{' '}
              {ticked.includes(suggestion.flag) ? (
                <span>(ticked)</span>
              ) : (
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => onTick(suggestion)}
                >
                  Tick “{CONTEXT_LABELS[suggestion.flag]}”
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {chart.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
    </>
  );
}
