import type { AnalyteFormOptions } from '@/lib/references';
import { LabSettingsRow } from './analyte-row';
import type { AnalyteRowState, FieldErrors, FormState } from './form-model';

/**
 * The "Lab range and guideline" disclosure: each analyte's lab range and rule set. Its summary
 * says whether anything differs from the defaults, so a closed disclosure hides nothing.
 * @param props - the analytes, the form, errors, open state and handlers
 * @returns the disclosure
 */
export function LabSettings({
  options,
  form,
  errors,
  open,
  onToggle,
  onChange,
}: {
  options: readonly AnalyteFormOptions[];
  form: FormState;
  errors: FieldErrors;
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (analyte: AnalyteFormOptions['id'], patch: Partial<AnalyteRowState>) => void;
}) {
  const changed = options.filter((analyte) => {
    const row = form.rows[analyte.id];
    const isDefault = analyte.ruleSets.find((r) => r.isDefault)?.id === row?.ruleSet;
    return row !== undefined && (!isDefault || row.labLow !== '' || row.labHigh !== '');
  }).length;
  return (
    <details
      className="disclosure lab-settings"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary>
        Lab range and guideline
        <span className="summary-note">
          {changed === 0
            ? ' (defaults: no lab range, default rule sets)'
            : ` (${changed} analyte${changed === 1 ? '' : 's'} changed)`}
        </span>
      </summary>
      <div className="lab-settings-grid">
        {options.map((analyte) => {
          const row = form.rows[analyte.id];
          return row === undefined ? null : (
            <LabSettingsRow
              key={analyte.id}
              analyte={analyte}
              row={row}
              errors={errors}
              onChange={(patch) => onChange(analyte.id, patch)}
            />
          );
        })}
      </div>
    </details>
  );
}
