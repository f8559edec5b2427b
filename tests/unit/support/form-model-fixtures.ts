import { createEmptyForm } from '@/components/entry/form-model';
import type { AnalyteRowState, FormState } from '@/components/entry/form-model';
import { interpret } from '@/lib/interpret';
import { listFormOptions } from '@/lib/references';
import type { Panel } from '@/lib/schemas';
import type { AnalyteId, FieldError } from '@/lib/types';

/** The entry form's options, analyte order and offered units, as the page gets them. */
export const OPTIONS = listFormOptions();
export const ORDER: AnalyteId[] = OPTIONS.map((analyte) => analyte.id);
export const UNITS = Object.fromEntries(OPTIONS.map((analyte) => [analyte.id, analyte.units]));
export const AS_OF = '2026-11-26';

/**
 * The empty form with some rows patched, as the user would type them.
 * @param rows - per analyte, the fields typed
 * @param extra - other form fields
 * @returns the form
 */
export function formWith(
  rows: Partial<Record<AnalyteId, Partial<AnalyteRowState>>>,
  extra: Partial<FormState> = {},
): FormState {
  const empty = createEmptyForm(OPTIONS);
  const patched: Partial<Record<AnalyteId, AnalyteRowState>> = { ...empty.rows };
  for (const [id, patch] of Object.entries(rows) as Array<[AnalyteId, Partial<AnalyteRowState>]>) {
    const row = empty.rows[id];
    if (row === undefined) throw new Error(`no row for ${id}`);
    patched[id] = { ...row, ...patch };
  }
  return { ...empty, ...extra, rows: patched };
}

/**
 * The errors interpret() gives a panel it rejects.
 * @param panel - a panel expected to be invalid
 * @returns its field errors
 */
export function errorsOf(panel: Panel): readonly FieldError[] {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (outcome.ok) throw new Error('expected the panel to be rejected');
  return outcome.errors;
}
