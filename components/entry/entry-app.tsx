'use client';

import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ResultsView } from '@/components/results/results-view';
import type { BandLabels } from '@/components/results/band-scale';
import type { ImportedPanel } from '@/lib/formats/import-types';
import type { AnalyteFormOptions } from '@/lib/references';
import type { Panel } from '@/lib/schemas';
import { CONTEXT_FLAGS } from '@/lib/types';
import type { AnalyteId, ContextFlag, Interpretation, UnitCode } from '@/lib/types';
import { AnalyteRow } from './analyte-row';
import { ClinicianSettings } from './clinician-settings';
import { ContextFieldset } from './context-fieldset';
import {
  buildPanel,
  createEmptyForm,
  editRow,
  fillFormFromPanel,
  formSnapshot,
  mapFieldErrors,
} from './form-model';
import type { AnalyteRowState, FieldErrors, FieldKey, FormState } from './form-model';
import { ImportDialog } from './import-dialog';
import { LabSettings } from './lab-settings';
import { PatientFieldset } from './patient-fieldset';
import type * as RunInterpretModule from './run-interpret';
import type { RunOutcome } from './run-interpret';
import { todayIso } from './today';
import { useRememberedSettings } from './use-remembered-settings';

type Interpreter = typeof RunInterpretModule;

/**
 * A fill request from outside the form (the SMART on FHIR screen): a panel to pre-fill, context
 * boxes the clinician chose to tick, or a clear. Each new `id` is applied once.
 */
export interface EntryFill {
  readonly id: number;
  readonly panel?: Panel;
  readonly addContext?: readonly ContextFlag[];
  readonly clear?: boolean;
  /** Said to screen readers after the fill. */
  readonly announcement?: string;
}
type Success = Extract<RunOutcome, { ok: true }>;

/** Results and the form snapshot they were made from (see {@link formSnapshot}). */
interface Shown {
  readonly outcome: Success;
  readonly snapshot: string;
}

/** Controls in the order they appear, so focus goes to the first error on screen. */
function fieldOrder(order: readonly AnalyteId[]): FieldKey[] {
  return [
    ...order.flatMap((id): FieldKey[] => [`${id}-value`, `${id}-unit`]),
    ...order.flatMap((id): FieldKey[] => [`${id}-lab-low`, `${id}-lab-high`, `${id}-rule-set`]),
    'context',
    'collected-on',
    'patient-name',
    'patient-birth-date',
    'clinician-name',
    'clinician-clinic',
    'clinician-phone',
    'form',
  ];
}

const isLabSetting = (key: FieldKey): boolean => /-(lab-low|lab-high|rule-set)$/.test(key);
const isClinician = (key: FieldKey): boolean => key.startsWith('clinician-');

/**
 * The entry screen: the form, interpretation in the browser, and the results. Patient data lives
 * only in this component's state; the interpreter is loaded on first use. Results are shown only
 * with the form snapshot they came from: once the form differs they are marked out of date and
 * the handout and the note copy are blocked until Interpret is pressed again.
 * @param props - form options, and the band labels per analyte, from the server page
 * @returns the entry form and results
 */
export function EntryApp({
  options,
  bandLabels,
  fill,
  onInterpretation,
}: {
  options: readonly AnalyteFormOptions[];
  bandLabels: Readonly<Partial<Record<AnalyteId, BandLabels>>>;
  /** SMART on FHIR pre-fill (components/smart); absent on the plain entry page. */
  fill?: EntryFill;
  /** Told the interpretation on screen, or null when there is none or the form changed since. */
  onInterpretation?: (interpretation: Interpretation | null) => void;
}) {
  const order = options.map((analyte) => analyte.id);
  const [form, setForm] = useState<FormState>(() => createEmptyForm(options));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [labSettingsOpen, setLabSettingsOpen] = useState(false);
  const [clinicianOpen, setClinicianOpen] = useState(false);
  const interpreter = useRef<Promise<Interpreter> | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  const current = shown !== null && shown.snapshot === formSnapshot(form, order);

  useRememberedSettings(options, form, setForm);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const key = pendingFocus.current;
    pendingFocus.current = null;
    if (key === 'results') {
      // The results start at the top of the window (not at its bottom edge), so the summary
      // rows are all in view.
      const heading = resultsHeading.current;
      heading?.focus({ preventScroll: true });
      heading?.closest('section')?.scrollIntoView({ block: 'start' });
      return;
    }
    document.getElementById(key)?.focus();
  });

  // SMART on FHIR: apply each fill request once (pre-fill from the chart, ticks, End session).
  const appliedFill = useRef<number | null>(null);
  useEffect(() => {
    if (fill === undefined || appliedFill.current === fill.id) return;
    appliedFill.current = fill.id;
    if (fill.clear === true) {
      clearPatient();
      return;
    }
    if (fill.addContext !== undefined && fill.addContext.length > 0) {
      const adding = fill.addContext;
      update(
        (s) => ({
          ...s,
          context: CONTEXT_FLAGS.filter((f) => adding.includes(f) || s.context.includes(f)),
        }),
        ['context'],
      );
      if (fill.announcement !== undefined) setAnnouncement(fill.announcement);
      return;
    }
    const panel = fill.panel;
    if (panel !== undefined) {
      void import('./read-import').then(({ normaliseUnit }) => {
        fillFromImport({ panel, warnings: [] }, normaliseUnit);
        if (fill.announcement !== undefined) setAnnouncement(fill.announcement);
      });
    }
  });
  useEffect(() => {
    onInterpretation?.(shown === null || !current ? null : shown.outcome.value);
  }, [shown, current, onInterpretation]);

  function loadInterpreter(): Promise<Interpreter> {
    interpreter.current ??= import('./run-interpret').catch((error: unknown) => {
      interpreter.current = null;
      throw error;
    });
    return interpreter.current;
  }

  function update(change: (state: FormState) => FormState, clears: readonly FieldKey[]) {
    setForm(change);
    if (clears.some((key) => errors[key] !== undefined)) {
      setErrors((state) => {
        const next = { ...state };
        for (const key of clears) delete next[key];
        return next;
      });
    }
  }

  function updateRow(id: AnalyteId, patch: Partial<AnalyteRowState>) {
    const clears: FieldKey[] = [];
    if ('value' in patch) clears.push(`${id}-value`);
    if ('unit' in patch) clears.push(`${id}-unit`, `${id}-value`);
    if ('labLow' in patch || 'labHigh' in patch) clears.push(`${id}-lab-low`, `${id}-lab-high`);
    if ('ruleSet' in patch) clears.push(`${id}-rule-set`);
    update((state) => {
      const row = state.rows[id];
      return row === undefined
        ? state
        : { ...state, rows: { ...state.rows, [id]: editRow(row, patch) } };
    }, clears);
  }

  function toggleContext(flag: ContextFlag, checked: boolean) {
    update(
      (state) => ({
        ...state,
        context: checked
          ? CONTEXT_FLAGS.filter((f) => f === flag || state.context.includes(f))
          : state.context.filter((f) => f !== flag),
      }),
      ['context'],
    );
  }

  async function submit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    setBusy(true);
    try {
      const { runInterpret } = await loadInterpreter();
      const { panel, indexMap, imported } = buildPanel(form, order);
      const outcome = runInterpret(panel, todayIso(), imported);
      if (outcome.ok) {
        setErrors({});
        setShown({ outcome, snapshot: formSnapshot(form, order) });
        const count = outcome.value.results.length;
        setAnnouncement(`${count} result${count === 1 ? '' : 's'} interpreted.`);
        pendingFocus.current = 'results';
      } else {
        const mapped = mapFieldErrors(outcome.errors, indexMap, order);
        setErrors(mapped);
        setShown(null);
        const keys = Object.keys(mapped) as FieldKey[];
        if (keys.some(isLabSetting)) setLabSettingsOpen(true);
        if (keys.some(isClinician)) setClinicianOpen(true);
        const count = keys.length;
        setAnnouncement(`${count} field${count === 1 ? ' needs' : 's need'} attention.`);
        const first = fieldOrder(order).find((key) => mapped[key] !== undefined);
        pendingFocus.current =
          first === 'context' ? `context-${CONTEXT_FLAGS[0]}` : (first ?? null);
      }
    } catch {
      setAnnouncement('The interpreter could not be loaded. Reload the page and try again.');
    } finally {
      setBusy(false);
    }
  }

  function clearPatient() {
    setForm((state) => {
      const empty = createEmptyForm(options);
      const rows: Partial<Record<AnalyteId, AnalyteRowState>> = {};
      for (const id of order) {
        const row = state.rows[id];
        const blank = empty.rows[id];
        if (row !== undefined && blank !== undefined)
          rows[id] = { ...blank, unit: row.unit, ruleSet: row.ruleSet };
      }
      return { ...empty, rows, clinician: state.clinician };
    });
    setErrors({});
    setShown(null);
    setAnnouncement('Form cleared.');
    pendingFocus.current = `${order[0] ?? 'vitamin-d'}-value`;
  }

  function fillFromImport(
    imported: Pick<ImportedPanel, 'panel' | 'warnings' | 'sources'>,
    normaliseUnit: (raw: string) => UnitCode | undefined,
  ) {
    const { panel } = imported;
    const offered = Object.fromEntries(options.map((a) => [a.id, a.units]));
    const filled = fillFormFromPanel(form, imported, offered, normaliseUnit);
    setForm(filled.state);
    setErrors({});
    setShown(null);
    if (panel.results.some((r) => r.labRange !== undefined) || panel.ruleSets !== undefined)
      setLabSettingsOpen(true);
    setAnnouncement(
      `Form filled from the import.${filled.skipped.length > 0 ? ` ${filled.skipped.join(' ')}` : ''} Check the values, then press Interpret.`,
    );
    pendingFocus.current = `${order[0] ?? 'vitamin-d'}-value`;
  }

  const analyteNames = Object.fromEntries(options.map((a) => [a.id, a.shortName]));

  return (
    <>
      <div className="toolbar">
        <ImportDialog analyteNames={analyteNames} onFill={fillFromImport} />
      </div>
      <form
        ref={formRef}
        className="entry-form"
        noValidate
        aria-label="Lab results"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          // Text fields submit on Enter natively; selects and checkboxes do not, so the form
          // does it for them ("Enter in any field interprets").
          const target = e.target as HTMLElement;
          const isCheckbox = target instanceof HTMLInputElement && target.type === 'checkbox';
          if (e.key === 'Enter' && (target instanceof HTMLSelectElement || isCheckbox)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        // The interpreter loads on the first keystroke or pointer press, not on focus: the cursor
        // is put in the first value on page load, and the first load stays small.
        onKeyDownCapture={() => void loadInterpreter().catch(() => undefined)}
        onPointerDown={() => void loadInterpreter().catch(() => undefined)}
      >
        <fieldset className="values-fieldset">
          <legend>Lab values</legend>
          <div className="analyte-rows">
            {options.map((analyte) => {
              const row = form.rows[analyte.id];
              return row === undefined ? null : (
                <AnalyteRow
                  key={analyte.id}
                  analyte={analyte}
                  row={row}
                  errors={errors}
                  onChange={(patch) => updateRow(analyte.id, patch)}
                />
              );
            })}
          </div>
          <p className="hint">
            A number, or a censored result such as &lt;5. Tab moves value, unit, next value; Enter
            interprets.
          </p>
        </fieldset>

        <LabSettings
          options={options}
          form={form}
          errors={errors}
          open={labSettingsOpen}
          onToggle={setLabSettingsOpen}
          onChange={updateRow}
        />
        <ContextFieldset context={form.context} error={errors.context} onToggle={toggleContext} />
        <PatientFieldset
          form={form}
          errors={errors}
          onChange={(field, value, key) => update((s) => ({ ...s, [field]: value }), [key])}
        />
        <ClinicianSettings
          clinician={form.clinician}
          errors={errors}
          open={clinicianOpen}
          onToggle={setClinicianOpen}
          onChange={(field, value, key) =>
            update((s) => ({ ...s, clinician: { ...s.clinician, [field]: value } }), [key])
          }
        />

        {errors.form === undefined ? null : (
          <p className="field-error form-error" id="form" tabIndex={-1}>
            {errors.form}
          </p>
        )}

        <div className="form-actions">
          <button type="submit" className="button-primary" aria-busy={busy}>
            Interpret
          </button>
          <button type="button" className="button-secondary" onClick={clearPatient}>
            Clear patient data
          </button>
          <p className="hint remembered-note">
            Remembered on this computer (this browser only): each analyte&apos;s unit and rule set,
            and the clinician block. Values, patient names and dates are never stored or sent.
          </p>
        </div>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </form>

      {shown === null ? null : (
        <ResultsView
          interpretation={shown.outcome.value}
          citations={shown.outcome.citations}
          bandLabels={bandLabels}
          headingRef={resultsHeading}
          current={current}
          onUpdate={() => formRef.current?.requestSubmit()}
        />
      )}
    </>
  );
}
