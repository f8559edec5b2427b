'use client';

import { useId, useRef, useState } from 'react';
import type { ImportedPanel } from '@/lib/formats/import-types';
import { formatLocation } from '@/lib/formats/location';
import type { AnalyteId } from '@/lib/types';
import type * as ReadImportModule from './read-import';
import { IMPORT_EXAMPLES } from './import-examples';
import { todayIso } from './today';
import { MAX_BODY_BYTES } from '@/server/http/limits';
import { IMPORT_FILE_ACCEPT } from '@/lib/formats/file-types';

type ImportModule = typeof ReadImportModule;
type ParseOutcome = ReturnType<ImportModule['interpretDocument']>;

// The same limit the API puts on a request body.
const MAX_FILE_BYTES = MAX_BODY_BYTES;

/**
 * The Import dialog: paste a FHIR Observation/Bundle or CSV rows, see what was read, and fill
 * the form with one panel for the clinician to confirm. Reading happens in the browser.
 * @param props - analyte names for the summary, and the callback that fills the form
 * @returns the opener button and the modal dialog
 */
export function ImportDialog({
  analyteNames,
  onFill,
}: {
  analyteNames: Readonly<Partial<Record<AnalyteId, string>>>;
  /** Fills the form with the chosen panel, its reader's warnings and each result's source. */
  onFill: (imported: ImportedPanel, normaliseUnit: ImportModule['normaliseUnit']) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const moduleRef = useRef<ImportModule | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<ParseOutcome | null>(null);
  const [chosen, setChosen] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const textId = useId();
  const dropHintId = useId();

  // A dropped or picked file is read in the browser, like pasted text; nothing is uploaded.
  async function readFile(file: File) {
    if (file.size > MAX_FILE_BYTES) {
      setFailure(`The file is larger than ${MAX_FILE_BYTES / 1024} KiB; import fewer results.`);
      return;
    }
    try {
      setText(await file.text());
      setOutcome(null);
      setFailure(null);
    } catch (error: unknown) {
      setFailure(`The file could not be read: ${error instanceof Error ? error.message : ''}`);
    }
  }

  function open() {
    setOutcome(null);
    setFailure(null);
    dialogRef.current?.showModal();
  }

  function close() {
    dialogRef.current?.close();
    // The pasted text is patient data: drop it when the dialog closes.
    setText('');
    setOutcome(null);
  }

  async function read() {
    try {
      moduleRef.current ??= await import('./read-import');
      const parsed = moduleRef.current.interpretDocument(text, { asOf: todayIso() });
      setOutcome(parsed);
      setFailure(null);
      const first = parsed.items.findIndex((p) => p.imported);
      setChosen(Math.max(0, first));
    } catch (error: unknown) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }

  const panels = outcome === null ? [] : outcome.items;
  const selected = panels[chosen]?.imported;

  function fill() {
    if (selected === undefined || moduleRef.current === null) return;
    onFill(selected, moduleRef.current.normaliseUnit);
    close();
  }

  return (
    <>
      <button type="button" className="button-secondary" onClick={open}>
        Import FHIR, HL7 or CSV…
      </button>
      <dialog
        ref={dialogRef}
        className="import-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setText('');
          setOutcome(null);
        }}
      >
        <h2 id={titleId}>Import results</h2>
        <p className="hint">
          Paste a FHIR R4 Observation or Bundle (JSON), an HL7 v2 result message (ORU^R01), lab CSV
          rows (comma, semicolon or tab) or a panel (JSON), or choose a file. The text is read in
          this browser and is not uploaded. Check what was read, then fill the form and interpret.
        </p>
        <label htmlFor={textId}>Text to import (FHIR, HL7 v2, CSV or panel JSON)</label>
        <textarea
          id={textId}
          rows={8}
          value={text}
          spellCheck={false}
          className={dragging ? 'drop-target dragging' : 'drop-target'}
          aria-describedby={dropHintId}
          onChange={(e) => setText(e.target.value)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file !== undefined) void readFile(file);
          }}
        />
        <p id={dropHintId} className="hint">
          Or drop a file on the box, or choose one:{' '}
          <label className="file-picker">
            <span className="visually-hidden">
              Choose a file to import (FHIR JSON, CSV or HL7 v2)
            </span>
            <input
              type="file"
              accept={IMPORT_FILE_ACCEPT}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file !== undefined) void readFile(file);
                e.target.value = '';
              }}
            />
          </label>
        </p>
        <details className="import-examples">
          <summary>Examples of each accepted format</summary>
          {IMPORT_EXAMPLES.map((example) => (
            <div key={example.label} className="import-example">
              <p>{example.label}</p>
              <pre>{example.text}</pre>
            </div>
          ))}
        </details>
        <div className="dialog-actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void read()}
            disabled={text.trim() === ''}
          >
            Read
          </button>
        </div>
        <div className="import-summary" role="status">
          {failure === null ? null : <p className="field-error">{failure}</p>}
          {outcome === null ? null : outcome.kind === 'invalid' ? (
            <>
              <p>Nothing could be read:</p>
              <ul className="error-list">
                {outcome.errors.map((error, i) => (
                  <li key={i}>
                    {formatLocation(error.path)}: {error.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>
                Read as {outcome.kind.toUpperCase()}: {panels.length} panel
                {panels.length === 1 ? '' : 's'}.
              </p>
              {outcome.ignored.count > 0 ? (
                <p>
                  Not read ({outcome.ignored.count}, not vitamin D, B12 or magnesium):{' '}
                  {outcome.ignored.codes.join(', ')}.
                </p>
              ) : null}
              {outcome.notices.length > 0 ? (
                <ul className="warning-list">
                  {outcome.notices.map((notice, n) => (
                    <li key={n} className="warning">
                      {formatLocation(notice.path)}: {notice.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              {panels.map((entry, i) => (
                <fieldset key={entry.index} className="import-panel">
                  <legend>
                    {panels.length > 1 ? (
                      <label>
                        <input
                          type="radio"
                          name="import-panel"
                          checked={chosen === i}
                          disabled={entry.imported === undefined}
                          onChange={() => setChosen(i)}
                        />{' '}
                        Panel {entry.index + 1}
                      </label>
                    ) : (
                      `Panel ${entry.index + 1}`
                    )}
                  </legend>
                  {entry.imported === undefined ? null : (
                    <ul>
                      {entry.imported.panel.results.map((result, r) => (
                        <li key={r}>
                          {analyteNames[result.analyte] ?? result.analyte}:{' '}
                          {result.comparator ?? ''}
                          {String(result.value)} {result.unit}
                          {result.labRange === undefined
                            ? ''
                            : ` (lab range ${result.labRange.low} to ${result.labRange.high})`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {(entry.imported?.warnings ?? []).length > 0 ? (
                    <ul className="warning-list">
                      {entry.imported?.warnings.map((warning, w) => (
                        <li key={w} className="warning">
                          Result {warning.resultIndex + 1}: {warning.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {entry.errors.length > 0 ? (
                    <ul className="error-list">
                      {entry.errors.map((error, e) => (
                        <li key={e}>
                          {formatLocation(error.path)}: {error.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </fieldset>
              ))}
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            className="button-primary"
            onClick={fill}
            disabled={selected === undefined}
          >
            Fill the form
          </button>
          <button type="button" className="button-secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
