'use client';

import { trimTrailingSlashes } from '@/lib/smart/url';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type Client from 'fhirclient/lib/Client';
import { EntryApp } from '@/components/entry/entry-app';
import type { EntryFill } from '@/components/entry/entry-app';
import type { BandLabels } from '@/components/results/band-scale';
import { CONTEXT_LABELS } from '@/lib/context-labels';
import type { AnalyteFormOptions } from '@/lib/references';
import { buildChartPrefill, describeTrend, readChartObservations } from '@/lib/smart/chart';
import type { ChartPrefill, ChartReadings } from '@/lib/smart/chart';
import { suggestContext } from '@/lib/smart/context';
import type { ContextSuggestion } from '@/lib/smart/context';
import { buildHandoutDocumentReference } from '@/lib/smart/document-reference';
import type { AnalyteId, Interpretation } from '@/lib/types';
import { todayIso } from '@/components/entry/today';
import { HistoryTrend } from './history-trend';
import type * as SessionModule from './fhir-session';
import type { ChartData } from './fhir-session';

type Session = typeof SessionModule;

type Phase =
  | { kind: 'connecting' }
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | {
      kind: 'ready';
      chart: ChartData;
      readings: ChartReadings;
      prefill?: ChartPrefill;
      suggestions: ContextSuggestion[];
    };

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; id: string }
  | { kind: 'failed'; message: string };

/**
 * The SMART on FHIR screen: finishes the EHR sign-in, reads the chart in the browser, pre-fills
 * the entry form (the clinician confirms each value against its source), shows the history and
 * the suggested context, and files the handout back. Manual entry works in every state.
 * @param props - the form options, band labels and the per-issuer time limits
 * @returns the screen
 */
export function SmartApp({
  options,
  bandLabels,
  timeouts,
}: {
  options: readonly AnalyteFormOptions[];
  bandLabels: Readonly<Partial<Record<AnalyteId, BandLabels>>>;
  /** Seconds per FHIR request, keyed by issuer (FHIR base URL). */
  timeouts: Readonly<Record<string, number>>;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  const [fill, setFill] = useState<EntryFill | undefined>(undefined);
  const [interpretation, setInterpretation] = useState<Interpretation | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [lang, setLang] = useState<'en' | 'es'>('en');
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const client = useRef<Client | null>(null);
  const session = useRef<Session | null>(null);
  const fillId = useRef(0);

  const timeoutFor = useCallback(
    (serverUrl: string) => timeouts[trimTrailingSlashes(serverUrl)] ?? 15,
    [timeouts],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const loaded = await import('./fhir-session');
      session.current = loaded;
      if (!loaded.hasSmartSession()) {
        if (!cancelled) setPhase({ kind: 'none' });
        return;
      }
      try {
        const connected = await loaded.connectSmart();
        client.current = connected;
        const chart = await loaded.readChart(connected, timeoutFor(connected.state.serverUrl));
        if (cancelled) return;
        const asOf = todayIso();
        const readings = readChartObservations(chart.observations, asOf);
        const prefill = buildChartPrefill(readings, chart.patientName);
        const suggestions = suggestContext(
          {
            ...(chart.birthDate === undefined ? {} : { birthDate: chart.birthDate }),
            medications: chart.medications,
            conditions: chart.conditions,
          },
          asOf,
        );
        setPhase({
          kind: 'ready',
          chart,
          readings,
          ...(prefill === undefined ? {} : { prefill }),
          suggestions,
        });
        if (prefill !== undefined) {
          fillId.current += 1;
          setFill({
            id: fillId.current,
            panel: prefill.panel,
            announcement:
              'Form pre-filled from the chart. Check each value against its source, then press Interpret.',
          });
        }
      } catch (caught) {
        if (cancelled) return;
        setPhase({
          kind: 'error',
          message:
            caught instanceof Error ? caught.message : 'The EHR session could not be opened.',
        });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [timeoutFor]);

  function endSession() {
    session.current?.endSmartSession();
    client.current = null;
    setPhase({ kind: 'none' });
    setSave({ kind: 'idle' });
    setTicked([]);
    setInterpretation(null);
    fillId.current += 1;
    setFill({ id: fillId.current, clear: true });
  }

  function tick(suggestion: ContextSuggestion) {
    fillId.current += 1;
    setTicked((current) => [...current, suggestion.flag]);
    setFill({
      id: fillId.current,
      addContext: [suggestion.flag],
      announcement: `Ticked: ${CONTEXT_LABELS[suggestion.flag]}.`,
    });
  }

  async function saveToChart(chart: ChartData) {
    const connected = client.current;
    if (connected === null || interpretation === null) return;
    setSave({ kind: 'saving' });
    try {
      const { renderHandoutBase64 } = await import('./handout-pdf');
      const generatedOn = interpretation.asOf ?? todayIso();
      const pdfBase64 = await renderHandoutBase64(interpretation, {
        lang,
        paper: 'letter',
        generatedOn,
      });
      const resource = buildHandoutDocumentReference({
        patientId: chart.patientId,
        ...(chart.fhirUser === undefined ? {} : { fhirUser: chart.fhirUser }),
        pdfBase64,
        createdAt: new Date().toISOString(),
        lang,
        title: `handout-${generatedOn}.pdf`,
      });
      const id = await session.current!.createOnChart(
        connected,
        resource,
        timeoutFor(chart.serverUrl),
      );
      setSave({ kind: 'saved', id });
    } catch (caught) {
      setSave({
        kind: 'failed',
        message: caught instanceof Error ? caught.message : 'unknown error',
      });
    }
  }

  const onInterpretation = useCallback((value: Interpretation | null) => {
    setInterpretation(value);
    setSave({ kind: 'idle' });
  }, []);

  return (
    <>
      <section className="smart-panel" aria-labelledby="smart-heading">
        <h2 id="smart-heading">From the EHR</h2>
        {phase.kind === 'connecting' ? (
          <p role="status">Connecting to the EHR and reading the chart…</p>
        ) : null}
        {phase.kind === 'none' ? (
          <p role="status">
            No EHR session is open in this tab. Launch the app from the EHR, or enter the results by
            hand below. <Link href="/">Back to the entry page</Link>
          </p>
        ) : null}
        {phase.kind === 'error' ? (
          <div className="smart-error" role="alert">
            <p>
              <strong>Could not read the chart.</strong> {phase.message}
            </p>
            <p>The form below still works: enter the results by hand.</p>
          </div>
        ) : null}
        {phase.kind === 'ready' ? (
          <ChartView
            phase={phase}
            bandLabels={bandLabels}
            ticked={ticked}
            onTick={tick}
            onEnd={endSession}
          />
        ) : null}
        {phase.kind === 'error' ? (
          <button type="button" className="button-secondary" onClick={endSession}>
            End session
          </button>
        ) : null}
      </section>

      <EntryApp
        options={options}
        bandLabels={bandLabels}
        fill={fill}
        onInterpretation={onInterpretation}
      />

      {phase.kind === 'ready' ? (
        <section className="smart-panel" aria-labelledby="smart-save-heading">
          <h2 id="smart-save-heading">Save handout to chart</h2>
          {!phase.chart.canSaveDocument ? (
            <p role="status">
              The EHR did not grant this app permission to file documents
              (patient/DocumentReference.c), so the handout cannot be saved to the chart. Download
              it instead.
            </p>
          ) : interpretation === null ? (
            <p>Interpret the results first; the handout of the results on screen is filed.</p>
          ) : (
            <div className="smart-save">
              <label htmlFor="smart-save-lang">Handout language</label>
              <select
                id="smart-save-lang"
                value={lang}
                onChange={(e) => setLang(e.target.value === 'es' ? 'es' : 'en')}
              >
                <option value="en">English</option>
                <option value="es">Español</option>
              </select>
              <button
                type="button"
                className="button-primary"
                aria-busy={save.kind === 'saving'}
                disabled={save.kind === 'saving'}
                onClick={() => void saveToChart(phase.chart)}
              >
                Save handout to chart
              </button>
            </div>
          )}
          <p role="status" className="smart-save-status">
            {save.kind === 'saving' ? 'Saving the handout to the chart…' : null}
            {save.kind === 'saved'
              ? `Saved to the chart: the handout is filed as DocumentReference/${save.id}.`
              : null}
          </p>
          {save.kind === 'failed' ? (
            <p role="alert" className="field-error">
              Not saved to the chart: {save.message} The handout was not filed; download it and file
              it by hand.
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function ChartView({
  phase,
  bandLabels,
  ticked,
  onTick,
  onEnd,
}: {
  phase: Extract<Phase, { kind: 'ready' }>;
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
