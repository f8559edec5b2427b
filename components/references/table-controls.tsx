import type { UnitCode } from '@/lib/types';
import type { AnalyteChoice, ViewState } from './reference-view';

/**
 * The review's filters: a search over everything (notes and full sources included), analyte,
 * rule set (of the analyte chosen), and the unit each analyte's ranges are shown in.
 * @param props - the analytes, the view, and its change handler
 * @returns the controls
 */
export function TableControls({
  analytes,
  view,
  onChange,
}: {
  analytes: readonly AnalyteChoice[];
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}) {
  const ruleSetChoices = analytes
    .filter((a) => view.analyte === '' || a.id === view.analyte)
    .flatMap((a) => a.ruleSets);
  const unitOf = (a: AnalyteChoice): UnitCode => view.units[a.id] ?? a.defaultUnit;
  return (
    <div className="table-controls" role="group" aria-label="Filter the reference table">
      <div className="field field-search">
        <label htmlFor="ref-search">Search all columns</label>
        <input
          id="ref-search"
          type="search"
          value={view.q}
          aria-describedby="ref-search-hint"
          onChange={(e) => onChange({ q: e.target.value })}
        />
        <p className="hint" id="ref-search-hint">
          Also searches notes and the full source references.
        </p>
      </div>
      <div className="field">
        <label htmlFor="ref-analyte">Analyte</label>
        <select
          id="ref-analyte"
          value={view.analyte}
          onChange={(e) =>
            onChange({
              analyte: analytes.find((a) => a.id === e.target.value)?.id ?? '',
              ruleSet: '',
            })
          }
        >
          <option value="">All analytes</option>
          {analytes.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="ref-rule-set">Rule set</label>
        <select
          id="ref-rule-set"
          value={view.ruleSet}
          onChange={(e) => onChange({ ruleSet: e.target.value })}
        >
          <option value="">All rule sets</option>
          {ruleSetChoices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {analytes.map((a) => (
        <div className="field" key={a.id}>
          <label htmlFor={`ref-unit-${a.id}`}>{a.shortName} unit</label>
          <select
            id={`ref-unit-${a.id}`}
            value={unitOf(a)}
            onChange={(e) => {
              const unit = a.units.find((u) => u === e.target.value);
              if (unit === undefined) return;
              const units = { ...view.units, [a.id]: unit };
              if (unit === a.defaultUnit) delete units[a.id];
              onChange({ units });
            }}
          >
            {a.units.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
