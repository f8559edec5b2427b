import { describeField, FieldErrorText } from './field-error';
import type { FieldErrors, FieldKey, FormState } from './form-model';

type PatientField = 'collectedOn' | 'patientName' | 'patientBirthDate';

const FIELDS: ReadonlyArray<{
  key: FieldKey;
  field: PatientField;
  label: string;
  type: 'date' | 'text';
}> = [
  { key: 'collected-on', field: 'collectedOn', label: 'Collection date', type: 'date' },
  { key: 'patient-name', field: 'patientName', label: 'Patient name', type: 'text' },
  { key: 'patient-birth-date', field: 'patientBirthDate', label: 'Birth date', type: 'date' },
];

/**
 * The sample's collection date and the patient's name and birth date: printed on the handout and
 * the note, never stored.
 * @param props - the form, its errors, and the change handler (field, value, error key to clear)
 * @returns the fieldset
 */
export function PatientFieldset({
  form,
  errors,
  onChange,
}: {
  form: FormState;
  errors: FieldErrors;
  onChange: (field: PatientField, value: string, key: FieldKey) => void;
}) {
  return (
    <fieldset className="details-fieldset">
      <legend>Sample and patient (never stored)</legend>
      <div className="field-grid">
        {FIELDS.map(({ key, field, label, type }) => (
          <div className="field" key={key}>
            <label htmlFor={key}>{label}</label>
            <input
              {...describeField(key, errors[key])}
              type={type}
              autoComplete="off"
              value={form[field]}
              onChange={(e) => onChange(field, e.target.value, key)}
            />
            <FieldErrorText id={key} message={errors[key]} subject={label} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
