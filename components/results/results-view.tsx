'use client';

import { useState } from 'react';
import type { Ref } from 'react';
import type { CitationView } from '@/components/entry/run-interpret';
import { handoutFileName } from '@/components/entry/form-model';
import { todayIso } from '@/components/entry/today';
import { HandoutControls } from '@/components/handout/handout-controls';
import type { AnalyteId, Interpretation } from '@/lib/types';
import type { BandLabels } from './band-scale';
import { RedFlagsBlock } from './red-flags-block';
import { noteText } from './note-text';
import { ResultRow } from './result-row';

type CopyPhase = 'idle' | 'copied' | 'failed';

const STALE_REASON =
  'The form has changed since these results were made: press Interpret to update them.';

/**
 * The results section: identifiers, actions (handout, copy for the note, print), one summary row
 * per analyte that opens to its details, and the sources used. When the form no longer matches
 * the results (`current` false) they are marked out of date and every action is blocked.
 * @param props - the interpretation, its citations, band labels, a heading ref, whether the
 *   results match the form, and how to update them
 * @returns the section
 */
export function ResultsView({
  interpretation,
  citations,
  bandLabels,
  headingRef,
  current,
  onUpdate,
}: {
  interpretation: Interpretation;
  citations: Readonly<Record<string, CitationView>>;
  bandLabels: Readonly<Partial<Record<AnalyteId, BandLabels>>>;
  headingRef: Ref<HTMLHeadingElement>;
  current: boolean;
  onUpdate: () => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [copy, setCopy] = useState<{ phase: CopyPhase; for: Interpretation | null }>({
    phase: 'idle',
    for: null,
  });
  const sources = Object.values(citations);
  const { patient } = interpretation;
  // The same identifiers as the note: on screen, in print, and in the copied text.
  const identifiers = [
    patient.name,
    patient.birthDate === undefined ? undefined : `born ${patient.birthDate}`,
    interpretation.collectedOn === null ? undefined : `collected ${interpretation.collectedOn}`,
    `interpreted ${interpretation.asOf ?? ''}`.trim(),
    `rules ${interpretation.rulesVersion}`,
  ].filter((part) => part !== undefined);
  const copyPhase = copy.for === interpretation ? copy.phase : 'idle';
  const allOpen = interpretation.results.every((r) => expanded.has(r.index));

  async function copyNote() {
    try {
      await navigator.clipboard.writeText(noteText(interpretation));
      setCopy({ phase: 'copied', for: interpretation });
    } catch {
      setCopy({ phase: 'failed', for: interpretation });
    }
  }

  function toggle(index: number) {
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }

  return (
    <section
      className={current ? 'results' : 'results results-stale'}
      aria-labelledby="results-heading"
      data-current={current}
    >
      <div className="results-header">
        <p className="print-only">Clinician summary · Back-pain lab interpreter</p>
        <h2 id="results-heading" ref={headingRef} tabIndex={-1}>
          Results{current ? null : <span className="stale-tag"> (out of date)</span>}
        </h2>
        <p className="results-meta">{identifiers.join(' · ')}</p>
      </div>
      {current ? null : (
        <div className="stale-note" role="status">
          <p>{STALE_REASON} The handout and the note copy are blocked until then.</p>
          <button type="button" className="button-primary" onClick={onUpdate}>
            Update results
          </button>
        </div>
      )}
      <div className="results-actions">
        <HandoutControls
          interpretation={interpretation}
          fileName={handoutFileName(
            patient.name ?? '',
            interpretation.collectedOn,
            interpretation.asOf ?? todayIso(),
          )}
          blockedReason={current ? undefined : STALE_REASON}
        />
        <div className="chart-actions" role="group" aria-label="For the chart">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void copyNote()}
            disabled={!current}
          >
            Copy for the note
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => window.print()}
            disabled={!current}
          >
            Print
          </button>
          <p className="copy-status" role="status">
            {copyPhase === 'copied' ? 'Summary copied: paste it into the note.' : null}
            {copyPhase === 'failed'
              ? 'The browser did not allow copying; select the results and copy them instead.'
              : null}
          </p>
        </div>
      </div>
      <div className="result-list-head" aria-hidden="true">
        <span>Test</span>
        <span>Value</span>
        <span>Status</span>
        <span>Flags and key next step</span>
        <span />
      </div>
      <div className="result-list">
        {interpretation.results.map((result) => (
          <ResultRow
            key={result.index}
            result={result}
            labels={bandLabels[result.analyte] ?? {}}
            citations={citations}
            expanded={expanded.has(result.index)}
            onToggle={() => toggle(result.index)}
          />
        ))}
      </div>
      <button
        type="button"
        className="button-secondary expand-all"
        onClick={() =>
          setExpanded(allOpen ? new Set() : new Set(interpretation.results.map((r) => r.index)))
        }
      >
        {allOpen ? 'Hide all details' : 'Show all details'}
      </button>
      <RedFlagsBlock context={interpretation.context} citations={citations} />
      <details className="sources">
        <summary>Sources ({sources.length})</summary>
        <ol>
          {sources.map((citation) => (
            <li key={citation.id}>
              {citation.text}{' '}
              {citation.href === undefined ? null : (
                <a href={citation.href} rel="noopener noreferrer" target="_blank">
                  {citation.href.replace('https://', '')}
                </a>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
