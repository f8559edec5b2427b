import type { Ref } from 'react';
import type { CitationView } from '@/components/entry/run-interpret';
import { HandoutControls } from '@/components/handout/handout-controls';
import type { AnalyteId, Interpretation } from '@/lib/types';
import type { BandLabels } from './band-scale';
import { RedFlagsBlock } from './red-flags-block';
import { ResultCard } from './result-card';

/**
 * The results section: handout controls, one card per analyte, and the sources used.
 * @param props - the interpretation, its citations, band labels per analyte and a heading ref
 * @returns the section
 */
export function ResultsView({
  interpretation,
  citations,
  bandLabels,
  headingRef,
}: {
  interpretation: Interpretation;
  citations: Readonly<Record<string, CitationView>>;
  bandLabels: Readonly<Partial<Record<AnalyteId, BandLabels>>>;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const sources = Object.values(citations);
  return (
    <section className="results" aria-labelledby="results-heading">
      <p className="print-only">Clinician summary · Back-pain lab interpreter</p>
      <div className="results-header">
        <h2 id="results-heading" ref={headingRef} tabIndex={-1}>
          Results
        </h2>
        <p className="results-meta">
          {interpretation.collectedOn === null ? null : (
            <>Collected {interpretation.collectedOn} · </>
          )}
          Interpreted {interpretation.asOf} · Rules {interpretation.rulesVersion}
        </p>
      </div>
      <HandoutControls interpretation={interpretation} />
      <RedFlagsBlock context={interpretation.context} citations={citations} />
      <div className="result-grid">
        {interpretation.results.map((result) => (
          <ResultCard
            key={result.index}
            result={result}
            labels={bandLabels[result.analyte] ?? {}}
            citations={citations}
          />
        ))}
      </div>
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
