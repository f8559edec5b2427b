import type { AnalyteFormOptions } from '@/lib/references';
import type { RuleSetId, UnitCode } from '@/lib/types';
import { describeField, FieldErrorText } from './field-error';
import type { AnalyteRowState, FieldErrors, RowSource } from './form-model';

/** What the row still holds from the import: "Imported as LOINC 1989-3, preliminary, 1 warning". */
function sourceNote(source: RowSource): string {
  const count = source.warnings.length;
  return [
    source.code === undefined ? 'Imported' : `Imported as LOINC ${source.code}`,
    ...(source.reportStatus === undefined || source.reportStatus === 'final'
      ? []
      : [source.reportStatus]),
    ...(count === 0 ? [] : [`${count} import warning${count === 1 ? '' : 's'}`]),
  ].join(', ');
}

/** What both rows of one analyte get: its options, its row state, errors and change handler. */
interface AnalyteRowProps {
  analyte: AnalyteFormOptions;
  row: AnalyteRowState;
  errors: FieldErrors;
  onChange: (patch: Partial<AnalyteRowState>) => void;
}

/**
 * One analyte of the entry form, compact: value (a number or censored text such as "<5") and
 * unit on one line, so Tab goes value -> unit -> next value. The lab's range and the rule set
 * are in {@link LabSettingsRow}, behind the form's "Lab range and guideline" disclosure.
 * @param props - the analyte's options, its row state, errors and change handler
 * @returns a row of the values fieldset
 */
export function AnalyteRow({ analyte, row, errors, onChange }: AnalyteRowProps) {
  const id = analyte.id;
  const name = analyte.shortName;
  const hintId = `${id}-value-hint`;
  const codeId = `${id}-code-note`;
  const valueError = errors[`${id}-value`];
  const unitError = errors[`${id}-unit`];
  return (
    <div className="analyte-row" data-analyte={id} role="group" aria-labelledby={`${id}-name`}>
      <p className="analyte-name" id={`${id}-name`}>
        {analyte.name}
      </p>
      <div className="field field-value">
        <label htmlFor={`${id}-value`} className="visually-hidden">
          {name} value
        </label>
        <input
          {...describeField(
            `${id}-value`,
            valueError,
            row.source === undefined ? hintId : `${hintId} ${codeId}`,
          )}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder="value"
          value={row.value}
          onChange={(e) => onChange({ value: e.target.value })}
        />
      </div>
      <div className="field field-unit">
        <label htmlFor={`${id}-unit`} className="visually-hidden">
          {name} unit
        </label>
        <select
          {...describeField(`${id}-unit`, unitError)}
          value={row.unit}
          onChange={(e) => {
            const unit = analyte.units.find((u) => u === e.target.value);
            if (unit !== undefined) onChange({ unit: unit satisfies UnitCode });
          }}
        >
          {analyte.units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </div>
      <div className="analyte-notes">
        <p id={hintId} className="hint visually-hidden">
          A number, or a censored result such as &lt;5
        </p>
        {row.source === undefined ? null : (
          <p id={codeId} className="hint code-note">
            {sourceNote(row.source)}
          </p>
        )}
        <FieldErrorText id={`${id}-value`} message={valueError} subject={`${name} value`} />
        <FieldErrorText id={`${id}-unit`} message={unitError} subject={`${name} unit`} />
      </div>
    </div>
  );
}

/**
 * The lab's own reference range and the guideline (rule set) of one analyte, shown inside the
 * form's "Lab range and guideline" disclosure.
 * @param props - the analyte's options, its row state, errors and change handler
 * @returns a fieldset
 */
export function LabSettingsRow({ analyte, row, errors, onChange }: AnalyteRowProps) {
  const id = analyte.id;
  const name = analyte.shortName;
  const lowError = errors[`${id}-lab-low`];
  const highError = errors[`${id}-lab-high`];
  const ruleSetError = errors[`${id}-rule-set`];
  return (
    <fieldset className="lab-settings-row" data-analyte={id}>
      <legend>{name}</legend>
      <div className="field field-range">
        <span className="field-group-label" aria-hidden="true">
          Lab reference range <span className="optional">(optional, in {row.unit})</span>
        </span>
        <div className="range-inputs">
          <label htmlFor={`${id}-lab-low`} className="visually-hidden">
            {name} lab reference range low
          </label>
          <input
            {...describeField(`${id}-lab-low`, lowError)}
            type="number"
            inputMode="decimal"
            step="any"
            min="0"
            placeholder="low"
            value={row.labLow}
            onChange={(e) => onChange({ labLow: e.target.value })}
          />
          <span aria-hidden="true">to</span>
          <label htmlFor={`${id}-lab-high`} className="visually-hidden">
            {name} lab reference range high
          </label>
          <input
            {...describeField(`${id}-lab-high`, highError)}
            type="number"
            inputMode="decimal"
            step="any"
            min="0"
            placeholder="high"
            value={row.labHigh}
            onChange={(e) => onChange({ labHigh: e.target.value })}
          />
        </div>
        <FieldErrorText id={`${id}-lab-low`} message={lowError} subject={`${name} lab range low`} />
        <FieldErrorText
          id={`${id}-lab-high`}
          message={highError}
          subject={`${name} lab range high`}
        />
      </div>
      <div className="field field-rule-set">
        <label htmlFor={`${id}-rule-set`}>{name} rule set</label>
        <select
          {...describeField(`${id}-rule-set`, ruleSetError)}
          value={row.ruleSet}
          onChange={(e) => {
            const ruleSet = analyte.ruleSets.find((r) => r.id === e.target.value);
            if (ruleSet !== undefined) onChange({ ruleSet: ruleSet.id satisfies RuleSetId });
          }}
        >
          {analyte.ruleSets.map((ruleSet) => (
            <option key={ruleSet.id} value={ruleSet.id}>
              {ruleSet.name}
              {ruleSet.isDefault ? ' (default)' : ''}
            </option>
          ))}
        </select>
        <FieldErrorText id={`${id}-rule-set`} message={ruleSetError} subject={`${name} rule set`} />
      </div>
    </fieldset>
  );
}
