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
import { buildChartPrefill, readChartObservations } from '@/lib/smart/chart';
import { suggestContext } from '@/lib/smart/context';
import type { ContextSuggestion } from '@/lib/smart/context';
import { buildHandoutDocumentReference } from '@/lib/smart/document-reference';
import type { AnalyteId, Interpretation } from '@/lib/types';
import { todayIso } from '@/components/entry/today';
import { DEFAULT_HANDOUT_LANG, DEFAULT_PAPER } from '@/lib/handout/options';
import type { HandoutLang } from '@/lib/handout/options';
import { HandoutLangSelect } from '@/components/handout/handout-selects';
import { ChartView } from './chart-view';
import { prefillSource } from './prefill-source';
import type { ReadyPhase } from './chart-view';
import type * as SessionModule from './fhir-session';
import type { ChartData } from './fhir-session';

type Session = typeof SessionModule;

type Phase =
  { kind: 'connecting' } | { kind: 'none' } | { kind: 'error'; message: string } | ReadyPhase;

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
  const [lang, setLang] = useState<HandoutLang>(DEFAULT_HANDOUT_LANG);
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
            source: prefillSource(prefill),
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
        paper: DEFAULT_PAPER,
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
              <HandoutLangSelect id="smart-save-lang" value={lang} onChange={setLang} />
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
