import type { AnalyteId, RuleSetId, UnitCode } from '@/lib/types';
import type { AnalyteRowState, FormState } from './form-model';

/**
 * What the browser may remember between visits: the clinic's unit and rule-set choices and the
 * clinician block. Patient names, dates and lab values are never written anywhere.
 */
export interface ClinicPreferences {
  readonly units: Partial<Record<AnalyteId, UnitCode>>;
  readonly ruleSets: Partial<Record<AnalyteId, RuleSetId>>;
  readonly clinician: { readonly name: string; readonly clinic: string; readonly phone: string };
}

const STORAGE_KEY = 'lab-interpreter.clinic-preferences.v1';

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 200) : '');

/**
 * Reads the saved preferences, if any; anything unexpected is ignored.
 * @returns the preferences, or undefined when none are saved or storage is unavailable
 */
export function loadPreferences(): ClinicPreferences | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    const clinician = (record.clinician ?? {}) as Record<string, unknown>;
    return {
      units: (record.units ?? {}) as ClinicPreferences['units'],
      ruleSets: (record.ruleSets ?? {}) as ClinicPreferences['ruleSets'],
      clinician: {
        name: text(clinician.name),
        clinic: text(clinician.clinic),
        phone: text(clinician.phone),
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * Saves the clinic's choices from the form (units, rule sets, clinician block) and nothing else.
 * @param state - the form
 */
export function savePreferences(state: FormState): void {
  const units: Partial<Record<AnalyteId, UnitCode>> = {};
  const ruleSets: Partial<Record<AnalyteId, RuleSetId>> = {};
  for (const [id, row] of Object.entries(state.rows) as Array<[AnalyteId, AnalyteRowState]>) {
    units[id] = row.unit;
    ruleSets[id] = row.ruleSet;
  }
  const preferences: ClinicPreferences = { units, ruleSets, clinician: { ...state.clinician } };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Storage can be full or disabled (private mode): the form works without it.
  }
}

/**
 * Applies saved preferences to a form, accepting only units and rule sets the form offers.
 * @param state - the form
 * @param preferences - the saved preferences
 * @param allowed - per analyte, the units and rule sets offered
 * @returns the form with the clinic's choices
 */
export function applyPreferences(
  state: FormState,
  preferences: ClinicPreferences,
  allowed: Readonly<
    Partial<Record<AnalyteId, { units: readonly UnitCode[]; ruleSets: readonly RuleSetId[] }>>
  >,
): FormState {
  const rows: Partial<Record<AnalyteId, AnalyteRowState>> = {};
  for (const [id, row] of Object.entries(state.rows) as Array<[AnalyteId, AnalyteRowState]>) {
    const unit = preferences.units[id];
    const ruleSet = preferences.ruleSets[id];
    rows[id] = {
      ...row,
      unit: unit !== undefined && allowed[id]?.units.includes(unit) === true ? unit : row.unit,
      ruleSet:
        ruleSet !== undefined && allowed[id]?.ruleSets.includes(ruleSet) === true
          ? ruleSet
          : row.ruleSet,
    };
  }
  return { ...state, rows, clinician: { ...preferences.clinician } };
}
