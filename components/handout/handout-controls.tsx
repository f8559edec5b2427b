'use client';

import { useState } from 'react';
import type { Interpretation } from '@/lib/types';
import { todayIso } from '@/components/entry/today';
import type { HandoutChoice } from './download-handout';

type Phase =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string };

/**
 * Language and paper selectors with the "Download handout" button. The PDF code is imported
 * only when the button is pressed.
 * @param props - the interpretation on screen
 * @returns the controls and a live status line
 */
export function HandoutControls({ interpretation }: { interpretation: Interpretation }) {
  const [lang, setLang] = useState<HandoutChoice['lang']>('en');
  const [paper, setPaper] = useState<HandoutChoice['paper']>('letter');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function download() {
    setPhase({ kind: 'working' });
    try {
      const { downloadHandout } = await import('./download-handout');
      const fileName = await downloadHandout(interpretation, {
        lang,
        paper,
        generatedOn: todayIso(),
      });
      setPhase({ kind: 'done', fileName });
    } catch (error: unknown) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <div className="handout-controls" role="group" aria-label="Patient handout">
      <label>
        <span>Handout language</span>
        <select value={lang} onChange={(e) => setLang(e.target.value === 'es' ? 'es' : 'en')}>
          <option value="en">English</option>
          <option value="es">Spanish (Español)</option>
        </select>
      </label>
      <label>
        <span>Paper</span>
        <select value={paper} onChange={(e) => setPaper(e.target.value === 'a4' ? 'a4' : 'letter')}>
          <option value="letter">Letter</option>
          <option value="a4">A4</option>
        </select>
      </label>
      <button
        type="button"
        className="button-primary"
        onClick={() => void download()}
        aria-busy={phase.kind === 'working'}
        disabled={phase.kind === 'working'}
      >
        Download handout (PDF)
      </button>
      <p className="handout-status" role="status">
        {phase.kind === 'working' ? 'Preparing the handout…' : null}
        {phase.kind === 'done' ? `Handout saved as ${phase.fileName}.` : null}
        {phase.kind === 'failed' ? `The handout could not be made: ${phase.message}` : null}
      </p>
    </div>
  );
}
