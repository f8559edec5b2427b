import type { ImportedPanel, ImportWarning, ReportStatus } from '@/lib/formats/import-types';
import { formatLocation } from '@/lib/formats/location';
import type { AnalyteFormOptions } from '@/lib/references';
import type { Panel } from '@/lib/schemas';
import type {
  AnalyteId,
  ContextFlag,
  FieldError,
  FieldPath,
  RuleSetId,
  UnitCode,
  WarningCode,
} from '@/lib/types';

/**
 * What an imported result's source said beyond its value: its LOINC code (interpret() adds the
 * warnings it implies, e.g. D3 only), the lab's report status (e.g. preliminary) and the
 * warnings the reader found (e.g. a dropped lab range). Kept only while the row holds the
 * imported value and unit: any edit of either drops it, since it no longer describes the row.
 */
export interface RowSource {
  readonly code?: string;
  readonly reportStatus?: ReportStatus;
  readonly warnings: ReadonlyArray<{ readonly code: WarningCode; readonly message: string }>;
}

/** The import facts of a panel built from the form, in the shape the import merge takes. */
export type PanelSources = Pick<ImportedPanel, 'warnings' | 'sources'>;

/** One analyte row of the entry form, as typed (strings until the library parses them). */
export interface AnalyteRowState {
  readonly value: string;
  readonly unit: UnitCode;
  readonly ruleSet: RuleSetId;
  readonly labLow: string;
  readonly labHigh: string;
  /** Set by an import; see {@link RowSource}. */
  readonly source?: RowSource;
}

/** Everything the entry form holds. Only `units`, `ruleSets` and `clinician` are ever stored. */
export interface FormState {
  readonly rows: Readonly<Partial<Record<AnalyteId, AnalyteRowState>>>;
  readonly context: readonly ContextFlag[];
  readonly collectedOn: string;
  readonly patientName: string;
  readonly patientBirthDate: string;
  readonly clinician: { readonly name: string; readonly clinic: string; readonly phone: string };
}

/** The id of a form control, shared by the inputs, their error messages and the focus logic. */
export type FieldKey =
  | `${AnalyteId}-value`
  | `${AnalyteId}-unit`
  | `${AnalyteId}-rule-set`
  | `${AnalyteId}-lab-low`
  | `${AnalyteId}-lab-high`
  | 'context'
  | 'collected-on'
  | 'patient-name'
  | 'patient-birth-date'
  | 'clinician-name'
  | 'clinician-clinic'
  | 'clinician-phone'
  | 'form';

/** Error messages per field, in form order. */
export type FieldErrors = Partial<Record<FieldKey, string>>;

/**
 * The empty form: default unit and default rule set of every analyte.
 * @param options - the form options from the library
 * @returns a blank form state
 */
export function createEmptyForm(options: readonly AnalyteFormOptions[]): FormState {
  const rows: Partial<Record<AnalyteId, AnalyteRowState>> = {};
  for (const analyte of options) {
    const ruleSet = analyte.ruleSets.find((r) => r.isDefault) ?? analyte.ruleSets[0];
    if (ruleSet === undefined) continue;
    rows[analyte.id] = {
      value: '',
      unit: analyte.defaultUnit,
      ruleSet: ruleSet.id,
      labLow: '',
      labHigh: '',
    };
  }
  return {
    rows,
    context: [],
    collectedOn: '',
    patientName: '',
    patientBirthDate: '',
    clinician: { name: '', clinic: '', phone: '' },
  };
}

const optional = (text: string): string | undefined => {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
};

// The form sends typed text to the library unchanged (so its schema gives the messages), except
// that an empty lab range bound is left out and a filled one is read as a number.
const readBound = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text.trim());

/**
 * Builds the panel the library interprets, with a result only for filled value fields.
 * @param state - the form
 * @param order - the analytes in form order
 * @returns the panel, per result index the analyte it came from, and the import facts of the
 *   rows that still hold an imported result (by result index, for the import merge)
 */
export function buildPanel(
  state: FormState,
  order: readonly AnalyteId[],
): { panel: Panel; indexMap: AnalyteId[]; imported: PanelSources } {
  const indexMap: AnalyteId[] = [];
  const results: Panel['results'] = [];
  const warnings: ImportWarning[] = [];
  const sources: NonNullable<PanelSources['sources']>[number][] = [];
  const ruleSets: NonNullable<Panel['ruleSets']> = {};
  for (const analyte of order) {
    const row = state.rows[analyte];
    if (row === undefined) continue;
    // Rule sets are sent for every analyte: the schema checks them even without a value.
    Object.assign(ruleSets, { [analyte]: row.ruleSet });
    if (row.value.trim() === '') continue;
    const low = readBound(row.labLow);
    const high = readBound(row.labHigh);
    const hasRange = low !== undefined || high !== undefined;
    const resultIndex = results.length;
    const source = row.source;
    indexMap.push(analyte);
    sources.push(
      source?.reportStatus === undefined ? undefined : { reportStatus: source.reportStatus },
    );
    for (const warning of source?.warnings ?? []) warnings.push({ resultIndex, ...warning });
    results.push({
      analyte,
      value: row.value.trim(),
      unit: row.unit,
      // A half-filled range is sent as is, so the schema reports the missing bound.
      ...(hasRange ? { labRange: { low, high } as { low: number; high: number } } : {}),
      ...(source?.code === undefined ? {} : { code: source.code }),
    });
  }
  const name = optional(state.patientName);
  const birthDate = optional(state.patientBirthDate);
  const patient = {
    ...(name === undefined ? {} : { name }),
    ...(birthDate === undefined ? {} : { birthDate }),
  };
  const clinician = {
    name: optional(state.clinician.name),
    clinic: optional(state.clinician.clinic),
    phone: optional(state.clinician.phone),
  };
  const clinicianEntries = Object.entries(clinician).filter(([, v]) => v !== undefined);
  const collectedOn = optional(state.collectedOn);
  const panel: Panel = {
    results,
    ruleSets,
    ...(state.context.length > 0 ? { context: [...state.context] } : {}),
    ...(collectedOn === undefined ? {} : { collectedOn }),
    ...(name === undefined && birthDate === undefined ? {} : { patient }),
    ...(clinicianEntries.length > 0 ? { clinician: Object.fromEntries(clinicianEntries) } : {}),
  };
  const hasSources = sources.some((entry) => entry !== undefined);
  return { panel, indexMap, imported: { warnings, ...(hasSources ? { sources } : {}) } };
}

/**
 * A row after an edit. A changed value or unit drops the import's source facts (code, status,
 * warnings): the row no longer holds what the lab sent, so nothing of it may reach the results.
 * @param row - the row before the edit
 * @param patch - the fields the clinician changed
 * @returns the row after the edit
 */
export function editRow(row: AnalyteRowState, patch: Partial<AnalyteRowState>): AnalyteRowState {
  const next: AnalyteRowState = { ...row, ...patch };
  const changed =
    ('value' in patch && patch.value !== row.value) || ('unit' in patch && patch.unit !== row.unit);
  return changed && next.source !== undefined ? withoutSource(next) : next;
}

/** The row without its import's source facts. */
function withoutSource(row: AnalyteRowState): AnalyteRowState {
  const { value, unit, ruleSet, labLow, labHigh } = row;
  return { value, unit, ruleSet, labLow, labHigh };
}

function resultFieldKey(
  analyte: AnalyteId,
  field: FieldPath[number] | undefined,
  sub: FieldPath[number] | undefined,
): FieldKey {
  if (field === 'unit') return `${analyte}-unit`;
  if (field === 'labRange') return sub === 'high' ? `${analyte}-lab-high` : `${analyte}-lab-low`;
  // value, comparator, analyte, code, or the row as a whole.
  return `${analyte}-value`;
}

/** The control a path of the panel belongs to, read segment by segment; none for the form. */
function controlOf(
  path: FieldPath,
  indexMap: readonly AnalyteId[],
  order: readonly AnalyteId[],
): FieldKey | undefined {
  const [head, second, third, fourth] = path;
  switch (head) {
    case 'results': {
      const analyte = typeof second === 'number' ? indexMap[second] : undefined;
      return analyte === undefined ? undefined : resultFieldKey(analyte, third, fourth);
    }
    case 'ruleSets': {
      const analyte = order.find((id) => id === second);
      return analyte === undefined ? undefined : `${analyte}-rule-set`;
    }
    case 'context':
      return 'context';
    case 'collectedOn':
      return path.length === 1 ? 'collected-on' : undefined;
    case 'patient':
      return second === 'birthDate' && path.length === 2 ? 'patient-birth-date' : 'patient-name';
    case 'clinician':
      return path.length === 2 && (second === 'name' || second === 'clinic' || second === 'phone')
        ? `clinician-${second}`
        : undefined;
    case undefined:
    default:
      return undefined;
  }
}

/**
 * Maps the library's field errors (paths such as `['results', 1, 'value']`) onto the form's
 * controls; an error no control shows goes to the form as a whole, its path printed.
 * @param errors - the errors interpret() returned
 * @param indexMap - the analyte of each result index, from {@link buildPanel}
 * @param order - the analytes in form order (the first takes a "no results" error)
 * @returns one message per control; the first error of a control wins
 */
export function mapFieldErrors(
  errors: readonly FieldError[],
  indexMap: readonly AnalyteId[],
  order: readonly AnalyteId[],
): FieldErrors {
  const mapped: FieldErrors = {};
  const put = (key: FieldKey, message: string) => {
    if (mapped[key] === undefined) mapped[key] = message;
  };
  for (const error of errors) {
    const control = controlOf(error.path, indexMap, order);
    if (control !== undefined) put(control, error.message);
    else if (error.path.length === 1 && error.path[0] === 'results' && order[0] !== undefined)
      put(`${order[0]}-value`, `Results ${error.message}`);
    else put('form', `${formatLocation(error.path)}: ${error.message}`);
  }
  return mapped;
}

/**
 * Fills the form from an imported panel, keeping the clinic's settings where the panel is silent.
 * Several results of one analyte cannot share a row: the first one is used. Each filled row keeps
 * its result's source facts (see {@link RowSource}).
 * @param state - the current form
 * @param imported - the imported panel with the reader's warnings and each result's source
 * @param units - the units each analyte's select offers
 * @param normaliseUnit - turns a unit spelling into a UCUM code
 * @returns the new form and a note per result that could not be placed
 */
export function fillFormFromPanel(
  state: FormState,
  imported: Pick<ImportedPanel, 'panel' | 'warnings' | 'sources'>,
  units: Readonly<Partial<Record<AnalyteId, readonly UnitCode[]>>>,
  normaliseUnit: (raw: string) => UnitCode | undefined,
): { state: FormState; skipped: string[] } {
  const { panel } = imported;
  const rows: Partial<Record<AnalyteId, AnalyteRowState>> = {};
  const skipped: string[] = [];
  for (const [id, row] of Object.entries(state.rows) as Array<[AnalyteId, AnalyteRowState]>) {
    rows[id] = { ...withoutSource(row), value: '', labLow: '', labHigh: '' };
  }
  const filled = new Set<AnalyteId>();
  panel.results.forEach((result, index) => {
    const row = rows[result.analyte];
    if (row === undefined) {
      skipped.push(`Result ${index + 1} (${String(result.analyte)}): not an analyte of this form.`);
      return;
    }
    if (filled.has(result.analyte)) {
      skipped.push(
        `Result ${index + 1} (${result.analyte}): only the first result per analyte fills the form.`,
      );
      return;
    }
    const unit = normaliseUnit(result.unit);
    if (unit === undefined || !(units[result.analyte] ?? []).includes(unit)) {
      // Never pair a value with a unit the clinician did not see: leave the row empty instead.
      skipped.push(
        `Result ${index + 1} (${result.analyte}): unit "${result.unit}" is not offered; not filled.`,
      );
      return;
    }
    filled.add(result.analyte);
    const text = typeof result.value === 'number' ? String(result.value) : result.value;
    const reportStatus = imported.sources?.[index]?.reportStatus;
    const warnings = imported.warnings
      .filter((warning) => warning.resultIndex === index)
      .map(({ code, message }) => ({ code, message }));
    const source: RowSource | undefined =
      result.code === undefined && reportStatus === undefined && warnings.length === 0
        ? undefined
        : {
            ...(result.code === undefined ? {} : { code: result.code }),
            ...(reportStatus === undefined ? {} : { reportStatus }),
            warnings,
          };
    rows[result.analyte] = {
      ...row,
      value: `${result.comparator ?? ''}${text}`,
      unit,
      ruleSet: panel.ruleSets?.[result.analyte] ?? row.ruleSet,
      labLow: result.labRange === undefined ? '' : String(result.labRange.low),
      labHigh: result.labRange === undefined ? '' : String(result.labRange.high),
      ...(source === undefined ? {} : { source }),
    };
  });
  return {
    state: {
      rows,
      context: panel.context === undefined ? state.context : [...panel.context],
      collectedOn: panel.collectedOn ?? state.collectedOn,
      patientName: panel.patient?.name ?? state.patientName,
      patientBirthDate: panel.patient?.birthDate ?? state.patientBirthDate,
      clinician: {
        name: panel.clinician?.name ?? state.clinician.name,
        clinic: panel.clinician?.clinic ?? state.clinician.clinic,
        phone: panel.clinician?.phone ?? state.clinician.phone,
      },
    },
    skipped,
  };
}

/**
 * What the form would send to interpret(), as one string: results are current exactly when the
 * snapshot they were made from equals the form's snapshot now. Every field that reaches the
 * results or the handout (values, units, ranges, rule sets, codes and import facts, context, dates, names) is in
 * it, so no edit can leave old results looking current.
 * @param state - the form
 * @param order - the analytes in form order
 * @returns the snapshot
 */
export function formSnapshot(state: FormState, order: readonly AnalyteId[]): string {
  const { panel, imported } = buildPanel(state, order);
  return JSON.stringify({ panel, imported });
}

/**
 * The patient's initials for the handout file name: the first letter of each part of the name,
 * at most three, without accents; never the name itself.
 * @param name - the patient name as entered
 * @returns the initials in capitals, or '' when there is no name
 */
export function initialsOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[\s\-'’.,]+/u)
    .map((part) => /\p{L}/u.exec(part)?.[0] ?? '')
    .filter((letter) => letter !== '')
    .slice(0, 3)
    .join('')
    .toUpperCase();
}

/**
 * The handout's file name: the patient's initials and the collection date (else today's date),
 * so it can be found among downloads without putting the full name on disk.
 * @param patientName - the patient name, possibly empty
 * @param collectedOn - the collection date, or null
 * @param today - today's date, YYYY-MM-DD
 * @returns e.g. `handout-JD-2026-11-20.pdf`
 */
export function handoutFileName(
  patientName: string,
  collectedOn: string | null,
  today: string,
): string {
  const initials = initialsOf(patientName);
  return `handout-${initials === '' ? '' : `${initials}-`}${collectedOn ?? today}.pdf`;
}
