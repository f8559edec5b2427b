import { getAnalyte, getRuleSet } from './analytes/registry';
import {
  classifyValue,
  cutoffsInUnit,
  findCritical,
  formatCutoff,
  listBands,
  toFhirInterpretation,
} from './classify';
import { convertBetween, convertUnit, roundToDecimals } from './units';
import type { NormalisedResult } from './validate';
import type {
  Analyte,
  Band,
  BackPainFinding,
  BandStatus,
  ContextFlag,
  ConvertedValue,
  CutoffsInUnit,
  EvidenceStrength,
  ResultInterpretation,
  RuleSet,
  RuleSetId,
  Status,
  UnitCode,
  UnitDefinition,
  WarningCode,
} from './types';
import { CONTEXT_FLAGS } from './types';

/** Clinician-facing labels of the evidence strengths. */
export const EVIDENCE_STRENGTH_LABELS: Readonly<Record<EvidenceStrength, string>> = {
  'established-mechanism': 'Established mechanism',
  'established-physiology': 'Established physiology',
  observational: 'Observational studies',
  'weak-correlation': 'Small study, weak correlation',
  'single-small-rct': 'One small trial, not replicated',
  'systematic-review-null': 'Systematic review: no benefit shown',
};

/** Clinician-facing status labels (analytes may refine them, e.g. B12 "borderline"). */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  deficient: 'Deficient',
  insufficient: 'Insufficient',
  sufficient: 'Sufficient',
  high: 'High',
  indeterminate: 'Indeterminate',
};

interface UnitView {
  readonly cutoffs: CutoffsInUnit;
  readonly bands: readonly Band[];
}

// Cut-offs and bands depend only on (rule set, unit): computed once, shared by every result.
// Keyed by object and unit rather than by a built string: this runs once per result.
const unitViews = new Map<RuleSet, Map<UnitCode, UnitView>>();

/**
 * The cut-offs and bands of a rule set in one unit, memoised.
 * @param ruleSet - the rule set
 * @param unit - the unit
 * @returns cut-offs and ascending bands in that unit
 */
export function viewRuleSet(ruleSet: RuleSet, unit: UnitCode): UnitView {
  let byUnit = unitViews.get(ruleSet);
  if (byUnit === undefined) {
    byUnit = new Map();
    unitViews.set(ruleSet, byUnit);
  }
  let view = byUnit.get(unit);
  if (view === undefined) {
    const cutoffs = cutoffsInUnit(ruleSet, unit);
    view = { cutoffs, bands: listBands(ruleSet, cutoffs) };
    byUnit.set(unit, view);
  }
  return view;
}

function formatValue(value: number, comparator: string | null, unit: UnitCode): string {
  return comparator === null ? `${value} ${unit}` : `${comparator}${value} ${unit}`;
}

function collectWarnings(
  analyte: Analyte,
  input: NormalisedResult,
  status: Status,
  position: 'below' | 'within' | 'above' | 'unknown' | null,
): Array<{ code: WarningCode; message: string }> {
  const warnings: Array<{ code: WarningCode; message: string }> = [];
  for (const mixup of analyte.plausibility.unitMixups) {
    if (mixup.unit !== input.unit) continue;
    const hit =
      (mixup.above !== undefined && input.value > mixup.above) ||
      (mixup.below !== undefined && input.value < mixup.below) ||
      (mixup.within !== undefined &&
        input.value >= mixup.within.low &&
        input.value <= mixup.within.high);
    if (hit) {
      warnings.push({
        code: 'possible-unit-mixup',
        message: `${input.value} ${input.unit} fits ${mixup.likelyUnits.join(' or ')} far better: confirm the unit with the lab report.`,
      });
    }
  }
  const assay = analyte.plausibility.assayRange;
  const inAssayUnit = convertUnit(analyte.id, input.value, input.unit, assay.unit);
  if (
    input.comparator === null &&
    (inAssayUnit > assay.high || (assay.low !== undefined && inAssayUnit < assay.low))
  ) {
    const range =
      assay.low === undefined ? `up to about ${assay.high}` : `about ${assay.low}-${assay.high}`;
    warnings.push({
      code: 'outside-assay-range',
      message: `Outside the usual assay range (${range} ${assay.unit}): check the lab's method and any dilution.`,
    });
  }
  if (position !== null && position !== 'unknown' && status !== 'indeterminate') {
    const labNormal = position === 'within';
    if (labNormal !== (status === 'sufficient')) {
      warnings.push({
        code: 'lab-range-discordant',
        message: labNormal
          ? `The lab calls this value normal, but the guideline band is ${status}.`
          : `The lab flags this value ${position} its range, but the guideline band is sufficient.`,
      });
    }
  }
  return warnings;
}

function labPosition(input: NormalisedResult): 'below' | 'within' | 'above' | 'unknown' | null {
  const range = input.labRange;
  if (range === undefined) return null;
  const v = input.value;
  switch (input.comparator) {
    case null:
      return v < range.low ? 'below' : v > range.high ? 'above' : 'within';
    case '<':
      return v <= range.low ? 'below' : 'unknown';
    case '<=':
      return v < range.low ? 'below' : 'unknown';
    case '>':
      return v >= range.high ? 'above' : 'unknown';
    case '>=':
      return v > range.high ? 'above' : 'unknown';
  }
}

function uniqueIds(lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

function failMissingUnit(analyte: Analyte, unit: UnitCode): never {
  // normaliseResult only lets through units of the analyte: this is a programmer error.
  throw new Error(`cannot convert ${analyte.id} from ${unit}`);
}

type Note = ResultInterpretation['notes'][number];
type Step = ResultInterpretation['nextSteps'][number];

/** Everything of a result that depends only on (rule set, unit, possible bands, context). */
interface StaticView {
  /** Next steps of the possible bands (the indeterminate "ask the lab" step is added per value). */
  readonly steps: readonly Step[];
  readonly notes: readonly Note[];
  readonly citationIds: readonly string[];
  readonly loinc: string;
  readonly statusLabel: string;
  readonly ruleSet: ResultInterpretation['ruleSet'];
  readonly backPain: ResultInterpretation['backPain'];
  /** The other units of the analyte, for `converted` (same arithmetic as convertUnit/roundForUnit). */
  readonly conversions: ReadonlyArray<{
    readonly code: UnitCode;
    readonly decimals: number;
    readonly target: UnitDefinition;
  }>;
  /** The reported unit's definition (every result of a view has the same unit). */
  readonly unitDefinition: UnitDefinition;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

// Findings, steps, notes and citations repeat for every result of the same kind: batches of
// 100,000 panels spent most of their time rebuilding them, so they are computed once per key.
// The key is numeric (status, possible bands and context as bit sets) because building a string
// key per result cost as much as the work it saved.
const staticViews = new Map<RuleSet, Map<UnitCode, Map<number, StaticView>>>();

const STATUS_BITS: Readonly<Record<Status, number>> = {
  deficient: 0,
  insufficient: 1,
  sufficient: 2,
  high: 3,
  indeterminate: 4,
};

const CONTEXT_BITS: ReadonlyMap<ContextFlag, number> = new Map(
  CONTEXT_FLAGS.map((flag, position) => [flag, 1 << position]),
);

function staticKey(
  status: Status,
  possible: readonly BandStatus[],
  context: readonly ContextFlag[],
): number {
  let possibleBits = 0;
  for (const band of possible) possibleBits |= 1 << STATUS_BITS[band];
  let contextBits = 0;
  for (const flag of context) contextBits |= CONTEXT_BITS.get(flag) ?? 0;
  return (contextBits * 32 + possibleBits) * 8 + STATUS_BITS[status];
}

function viewStatic(
  analyte: Analyte,
  ruleSet: RuleSet,
  unit: UnitCode,
  status: Status,
  possible: readonly BandStatus[],
  context: readonly ContextFlag[],
): StaticView {
  let byUnit = staticViews.get(ruleSet);
  if (byUnit === undefined) {
    byUnit = new Map();
    staticViews.set(ruleSet, byUnit);
  }
  let byKey = byUnit.get(unit);
  if (byKey === undefined) {
    byKey = new Map();
    byUnit.set(unit, byKey);
  }
  const key = staticKey(status, possible, context);
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const unitDefinition = analyte.units.find((u) => u.code === unit);

  const findings: BackPainFinding[] = analyte.backPain.statements
    .filter(
      (s) => s.relevantFor.length === 0 || s.relevantFor.some((band) => possible.includes(band)),
    )
    .map((s) => ({
      id: s.id,
      claim: s.claim,
      strength: s.strength,
      strengthLabel: EVIDENCE_STRENGTH_LABELS[s.strength],
      citationIds: s.citationIds,
    }));

  const steps: Step[] = analyte.nextSteps.filter((step) => possible.includes(step.status));

  const notes: Note[] = [];
  for (const notice of analyte.notices)
    notes.push({
      id: notice.id,
      source: 'notice',
      text: notice.text,
      citationIds: notice.citationIds,
    });
  for (const band of possible) {
    const note = ruleSet.bandNotes[band];
    if (note !== undefined)
      notes.push({
        id: `${ruleSet.id}-${band}`,
        source: 'band',
        text: note,
        citationIds: ruleSet.citationIds,
      });
  }
  for (const note of analyte.contextNotes) {
    if (context.includes(note.context))
      notes.push({
        id: note.id,
        source: note.context,
        text: note.text,
        citationIds: note.citationIds,
      });
  }

  // Shared by every result of the same kind (like cutoffs and bands): the containers built here
  // are frozen so that a consumer mutating one result by mistake fails loudly instead of
  // changing the others. The analyte data they point to is left as it is.
  for (const finding of findings) Object.freeze(finding);
  for (const note of notes) Object.freeze(note);
  const view: StaticView = {
    steps,
    notes,
    // The indeterminate step cites the rule set, which is listed first anyway.
    citationIds: uniqueIds([
      ruleSet.citationIds,
      unitDefinition?.citationIds ?? [],
      ...findings.map((f) => f.citationIds),
      ...steps.map((s) => s.citationIds),
      ...notes.map((n) => n.citationIds),
    ]),
    loinc: unitDefinition?.loinc ?? '',
    statusLabel: analyte.statusLabels[status] ?? STATUS_LABELS[status],
    ruleSet: {
      id: ruleSet.id,
      name: ruleSet.name,
      isDefault: ruleSet.isDefault,
      upperLimitMeaning: ruleSet.upperLimitMeaning,
      caveats: ruleSet.caveats,
      citationIds: ruleSet.citationIds,
    },
    conversions: analyte.units
      .filter((u) => u.code !== unit)
      .map((u) => ({ code: u.code, decimals: u.displayDecimals, target: u })),
    unitDefinition: unitDefinition ?? failMissingUnit(analyte, unit),
    backPain: Object.freeze({
      summary: analyte.backPain.summaryByStatus[status],
      findings: Object.freeze(findings),
    }),
  };
  Object.freeze(view.steps);
  Object.freeze(view.notes);
  Object.freeze(view.citationIds);
  Object.freeze(view.ruleSet);
  Object.freeze(view);
  byKey.set(key, view);
  return view;
}

/**
 * Interprets one normalised result against a rule set and the ticked context.
 * @param input - the normalised result
 * @param ruleSetId - the rule set to apply (must belong to the result's analyte)
 * @param context - ticked context flags
 * @returns the full interpretation of the result
 */
export function buildResult(
  input: NormalisedResult,
  ruleSetId: RuleSetId,
  context: readonly ContextFlag[],
): ResultInterpretation {
  const analyte: Analyte = getAnalyte(input.analyte);
  const ruleSet = getRuleSet(ruleSetId);
  const { cutoffs, bands } = viewRuleSet(ruleSet, input.unit);
  const classification = classifyValue(input.value, input.comparator, cutoffs);
  const status: Status =
    classification.kind === 'classified' ? classification.status : 'indeterminate';
  const possible: readonly BandStatus[] =
    classification.kind === 'classified' ? [classification.status] : classification.possible;
  const critical = findCritical(input.value, input.comparator, cutoffs);
  const position = labPosition(input);
  const view = viewStatic(analyte, ruleSet, input.unit, status, possible, context);

  const nextSteps: readonly Step[] =
    classification.kind === 'indeterminate'
      ? [
          {
            id: 'ask-exact-value',
            text: `Ask the lab for the exact value or repeat the test: ${input.comparator ?? ''}${input.value} ${input.unit} could be ${possible.join(' or ')}.`,
            citationIds: ruleSet.citationIds,
          },
          ...view.steps,
        ]
      : view.steps;

  const converted: ConvertedValue[] = [];
  for (const u of view.conversions) {
    const value = roundToDecimals(
      convertBetween(input.value, view.unitDefinition, u.target),
      u.decimals,
    );
    converted.push({ value, unit: u.code, display: formatValue(value, input.comparator, u.code) });
  }

  const criticalLimit =
    critical === 'low'
      ? cutoffs.criticalBelow
      : critical === 'high'
        ? cutoffs.criticalAbove
        : undefined;
  const criticalMessage =
    criticalLimit === undefined
      ? undefined
      : `Critical: ${critical === 'low' ? 'below' : 'above'} ${formatCutoff(criticalLimit)} ${input.unit}` +
        (ruleSet.criticalNeedsLocalCheck
          ? ' (critical limits are lab-specific: check your laboratory).'
          : '.');

  const warnings = collectWarnings(analyte, input, status, position);

  const inputView = {
    value: input.value,
    comparator: input.comparator,
    unitEntered: input.unitEntered,
    unit: input.unit,
    display: formatValue(input.value, input.comparator, input.unit),
  };
  const fhirInterpretation = toFhirInterpretation(status, critical);
  const labRange =
    input.labRange === undefined || position === null
      ? undefined
      : { low: input.labRange.low, high: input.labRange.high, unit: input.unit, position };
  if (
    classification.kind === 'classified' &&
    criticalMessage === undefined &&
    labRange === undefined
  ) {
    // The common case as one literal (one object shape, no conditional spreads: much faster).
    return {
      index: input.index,
      analyte: analyte.id,
      analyteName: analyte.name,
      analyteShortName: analyte.shortName,
      loinc: view.loinc,
      input: inputView,
      status,
      statusLabel: view.statusLabel,
      ruleSet: view.ruleSet,
      cutoffs,
      bands,
      critical: critical !== null,
      warnings,
      converted,
      fhirInterpretation,
      backPain: view.backPain,
      nextSteps,
      notes: view.notes,
      citationIds: view.citationIds,
    };
  }
  // Otherwise field by field, in the same key order (JSON output is unchanged).
  const out = {
    index: input.index,
    analyte: analyte.id,
    analyteName: analyte.name,
    analyteShortName: analyte.shortName,
    loinc: view.loinc,
    input: inputView,
    status,
    statusLabel: view.statusLabel,
  } as Writable<ResultInterpretation>;
  if (classification.kind === 'indeterminate') {
    out.indeterminateReason = `${input.comparator ?? ''}${input.value} ${input.unit} could be ${possible.join(' or ')}; the bound does not decide the band.`;
  }
  out.ruleSet = view.ruleSet;
  out.cutoffs = cutoffs;
  out.bands = bands;
  out.critical = critical !== null;
  if (criticalMessage !== undefined) out.criticalMessage = criticalMessage;
  out.warnings = warnings;
  out.converted = converted;
  if (labRange !== undefined) out.labRange = labRange;
  out.fhirInterpretation = fhirInterpretation;
  out.backPain = view.backPain;
  out.nextSteps = nextSteps;
  out.notes = view.notes;
  out.citationIds = view.citationIds;
  return out;
}
