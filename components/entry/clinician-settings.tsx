import { describeField, FieldErrorText } from './field-error';
import type { FieldErrors, FieldKey, FormState } from './form-model';

type ClinicianField = keyof FormState['clinician'];

const FIELDS: ReadonlyArray<readonly [FieldKey, string, ClinicianField, string]> = [
  ['clinician-name', 'Clinician name', 'name', 'name'],
  ['clinician-clinic', 'Clinic', 'clinic', 'organization'],
  ['clinician-phone', 'Clinic phone', 'phone', 'tel'],
];

/**
 * The clinician block printed on the handout (remembered on this computer), behind a disclosure
 * whose summary shows what is set.
 * @param props - the clinician fields, errors, open state and handlers
 * @returns the disclosure
 */
export function ClinicianSettings({
  clinician,
  errors,
  open,
  onToggle,
  onChange,
}: {
  clinician: FormState['clinician'];
  errors: FieldErrors;
  open: boolean;
  onToggle: (open: boolean) => void;
  onChange: (field: ClinicianField, value: string, key: FieldKey) => void;
}) {
  const summary = [clinician.name, clinician.clinic]
    .filter((part) => part.trim() !== '')
    .join(', ');
  return (
    <details
      className="disclosure clinician-settings"
      open={open}
      onToggle={(e) => onToggle(e.currentTarget.open)}
    >
      <summary>
        Clinician on the handout
        <span className="summary-note">{summary === '' ? ' (not set)' : `: ${summary}`}</span>
      </summary>
      <div className="field-grid">
        {FIELDS.map(([key, label, field, autoComplete]) => (
          <div className="field" key={key}>
            <label htmlFor={key}>{label}</label>
            <input
              {...describeField(key, errors[key])}
              type={field === 'phone' ? 'tel' : 'text'}
              autoComplete={autoComplete}
              value={clinician[field]}
              onChange={(e) => onChange(field, e.target.value, key)}
            />
            <FieldErrorText id={key} message={errors[key]} subject={label} />
          </div>
        ))}
      </div>
    </details>
  );
}
