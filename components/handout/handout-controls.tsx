'use client';

import { useEffect, useState } from 'react';
import type { Interpretation } from '@/lib/types';
import { todayIso } from '@/components/entry/today';
import { DEFAULT_HANDOUT_LANG, DEFAULT_PAPER } from '@/lib/handout/options';
import type { HandoutChoice } from './download-handout';
import { HandoutLangSelect, PaperSelect } from './handout-selects';

type Phase =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string };

/**
 * Language and paper selectors with the "Download handout" button. The PDF code and fonts are
 * imported when the browser is idle after the results appear, or when the button is pressed.
 * @param props - the interpretation on screen
 * @returns the controls and a live status line
 */
export function HandoutControls({
  interpretation,
  fileName,
  blockedReason,
}: {
  interpretation: Interpretation;
  /** The file name to save under (initials and date, never the full name). */
  fileName: string;
  /** Set while the results on screen do not match the form: the download is refused. */
  blockedReason?: string | undefined;
}) {
  const [lang, setLang] = useState<HandoutChoice['lang']>(DEFAULT_HANDOUT_LANG);
  const [paper, setPaper] = useState<HandoutChoice['paper']>(DEFAULT_PAPER);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  // The handout is dated as its interpretation is: no second "today". The prefetch and the
  // download use the same date, so the click finds the prefetched PDF.
  const generatedOn = interpretation.asOf ?? todayIso();

  // Results are on screen: when the browser is next idle (at most 300 ms later), fetch the PDF
  // code and the fonts the names need, and make the PDF for the language and paper shown, so the
  // click only saves it. Never part of the first load of the page (this mounts with results).
  // Fonts are cached per page, so a new interpretation fetches only new scripts.
  useEffect(() => {
    let cancelled = false;
    const prefetch = (): void => {
      if (cancelled) return;
      void import('./download-handout')
        .then((module) => module.prefetchHandout(interpretation, { lang, paper, generatedOn }))
        .catch(() => {
          // A failed prefetch is retried by the click, which reports the error.
        });
    };
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(prefetch, { timeout: 300 });
      return () => {
        cancelled = true;
        window.cancelIdleCallback(id);
      };
    }
    const id = setTimeout(prefetch, 500);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }, [interpretation, lang, paper, generatedOn]);

  async function download() {
    if (blockedReason !== undefined) return;
    setPhase({ kind: 'working' });
    try {
      const { downloadHandout } = await import('./download-handout');
      const saved = await downloadHandout(interpretation, {
        lang,
        paper,
        generatedOn,
        fileName,
      });
      setPhase({ kind: 'done', fileName: saved });
    } catch (error: unknown) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="handout-controls" role="group" aria-label="Patient handout">
      <label>
        <span>Handout language</span>
        <HandoutLangSelect value={lang} onChange={setLang} />
      </label>
      <label>
        <span>Paper</span>
        <PaperSelect value={paper} onChange={setPaper} />
      </label>
      <button
        type="button"
        className="button-primary"
        onClick={() => void download()}
        aria-busy={phase.kind === 'working'}
        disabled={phase.kind === 'working' || blockedReason !== undefined}
        aria-describedby={blockedReason === undefined ? undefined : 'handout-blocked'}
      >
        Download handout (PDF)
      </button>
      {blockedReason === undefined ? null : (
        <p className="handout-status" id="handout-blocked">
          Download blocked. {blockedReason}
        </p>
      )}
      <p className="handout-status" role="status">
        {phase.kind === 'working' ? 'Preparing the handout…' : null}
        {phase.kind === 'done' ? `Handout saved as ${phase.fileName}.` : null}
        {phase.kind === 'failed' ? `The handout could not be made: ${phase.message}` : null}
      </p>
    </div>
  );
}
