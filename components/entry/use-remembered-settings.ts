import { useEffect, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { AnalyteFormOptions } from '@/lib/references';
import type { AnalyteId } from '@/lib/types';
import type { FormState } from './form-model';
import { applyPreferences, loadPreferences, savePreferences } from './preferences';

/**
 * The clinic's remembered settings (each analyte's unit and rule set, the clinician block): read
 * once after hydration, then written whenever one of them changes. Values, names and dates are
 * never written. After reading, the cursor goes to the first value so typing can start at once.
 * @param options - the analytes of the form (what may be restored)
 * @param form - the form state
 * @param setForm - its setter
 */
export function useRememberedSettings(
  options: readonly AnalyteFormOptions[],
  form: FormState,
  setForm: Dispatch<SetStateAction<FormState>>,
): void {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const preferences = loadPreferences();
    if (preferences !== undefined) {
      const allowed = Object.fromEntries(
        options.map((a) => [a.id, { units: a.units, ruleSets: a.ruleSets.map((r) => r.id) }]),
      );
      setForm((state) => applyPreferences(state, preferences, allowed));
    }
    // Storage is outside React and only readable after hydration (the page is prerendered):
    // saving starts once it has been read, so the defaults never overwrite what was remembered.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLoaded(true);
    const first = options[0];
    if (first !== undefined && document.activeElement === document.body) {
      document.getElementById(`${first.id}-value`)?.focus();
    }
  }, [options, setForm]);

  const order: AnalyteId[] = options.map((analyte) => analyte.id);
  const units = order.map((id) => form.rows[id]?.unit).join('|');
  const ruleSets = order.map((id) => form.rows[id]?.ruleSet).join('|');
  const { name, clinic, phone } = form.clinician;
  useEffect(() => {
    if (loaded) savePreferences(form);
    // Only the remembered fields trigger a save (savePreferences writes only those), so a value
    // or a patient field typed never causes a write.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, units, ruleSets, name, clinic, phone]);
}
