import type { AnalyteFormOptions } from '@/lib/references';
import type { RuleSetId, UnitCode } from '@/lib/types';
import { describeField, FieldErrorText } from './field-error';
import type { AnalyteRowState, FieldErrors } from './form-model';

/**
 * One analyte of the entry form: value (numbers or censored text such as "<5"), unit, the lab's
 * own reference range, and the rule set.
 * @param props - the analyte's options, its row state, errors and change handler
 * @returns a fieldset
 */
export function AnalyteRow({
  analyte,
  row,
  errors,
  onChange,
}: {
  analyte: AnalyteFormOptions;
  row: AnalyteRowState;
  errors: FieldErrors;
  onChange: (patch: Partial<AnalyteRowState>) => void;
}) {
  const id = analyte.id;
  const name = analyte.shortName;
  const hintId = `${id}-value-hint`;
  const valueError = errors[`${id}-value`];
  const unitError = errors[`${id}-unit`];
  const lowError = errors[`${id}-lab-low`];
  const highError = errors[`${id}-lab-high`];
  const ruleSetError = errors[`${id}-rule-set`];
  return (
    <fieldset className="analyte-row" data-analyte={id}>
      <legend>{analyte.name}</legend>
      <div className="analyte-fields">
        <div className="field field-value">
          <label htmlFor={`${id}-value`}>{name} value</label>
          <input
            {...describeField(`${id}-value`, valueError, hintId)}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={row.value}
            onChange={(e) => onChange({ value: e.target.value })}
          />
          <p id={hintId} className="hint">
            A number, or a censored result such as &lt;5
          </p>
          <FieldErrorText id={`${id}-value`} message={valueError} subject={`${name} value`} />
        </div>
        <div className="field field-unit">
          <label htmlFor={`${id}-unit`}>{name} unit</label>
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
          <FieldErrorText id={`${id}-unit`} message={unitError} subject={`${name} unit`} />
        </div>
        <div className="field field-range">
          <span className="field-group-label" aria-hidden="true">
            Lab reference range <span className="optional">(optional, same unit)</span>
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
          <FieldErrorText
            id={`${id}-lab-low`}
            message={lowError}
            subject={`${name} lab range low`}
          />
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
          <FieldErrorText
            id={`${id}-rule-set`}
            message={ruleSetError}
            subject={`${name} rule set`}
          />
        </div>
      </div>
    </fieldset>
  );
}
