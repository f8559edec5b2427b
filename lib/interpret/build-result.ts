import { getAnalyte, getRuleSet } from '../analytes/registry';
import {
  classifyValue,
  criticalMessageFor,
  cutoffsInUnit,
  findCritical,
  listBands,
  toFhirInterpretation,
} from '../classify';
import { clinicianSafety } from '../safety/clinician-rules';
import { allIn } from '../safety/rule';
import { convertBetween, formatNumber } from '../units';
import type { NormalisedResult } from './normalise';
import type {
  Analyte,
  Band,
  BackPainFinding,
  BandStatus,
  Comparator,
  ContextFlag,
  ContextNote,
  ConvertedValue,
  CutoffsInUnit,
  EvidenceStrength,
  NextStep,
  ResultInterpretation,
  RuleSet,
  RuleSetId,
  Status,
  UnitCode,
  UnitDefinition,
  WarningCode,
} from '../types';
import { CONTEXT_FLAGS } from '../types';

/** Clinician-facing labels of the evidence strengths. */
export const EVIDENCE_STRENGTH_LABELS: Readonly<Record<EvidenceStrength, string>> = {
  'established-mechanism': 'Established mechanism',
  'established-physiology': 'Established physiology',
  observational: 'Observational studies',
  'weak-correlation': 'Small study, weak correlation',
  'single-small-rct': 'One small trial',
  'small-rcts': 'Two small trials',
  'systematic-review-null': 'Systematic review: no benefit shown',
  'observational-null': 'Observational cohort: no association',
  'no-evidence': 'No evidence of benefit',
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

/** "<5 ng/mL", "42 nmol/L": the value as `String` writes it (see formatNumber). */
function formatDisplay(value: number, comparator: string | null, unit: UnitCode): string {
  return comparator === null
    ? `${formatNumber(value)} ${unit}`
    : `${comparator}${formatNumber(value)} ${unit}`;
}

type Mixup = Analyte['plausibility']['unitMixups'][number];

/** What the warnings of a result need from its analyte and unit, looked up once per unit. */
interface WarningView {
  /** The analyte's unit-mixup patterns for this unit. */
  readonly mixups: readonly Mixup[];
  readonly assay: Analyte['plausibility']['assayRange'];
  /** The assay range's unit (converted to with the arithmetic of convertUnit). */
  readonly assayUnit: UnitDefinition;
  /** The assay-range warning's message (it depends only on the analyte). */
  readonly assayMessage: string;
}

function collectWarnings(
  input: NormalisedResult,
  status: Status,
  position: 'below' | 'within' | 'above' | 'unknown' | null,
  view: WarningView,
  unit: UnitDefinition,
): Array<{ code: WarningCode; message: string }> {
  const warnings: Array<{ code: WarningCode; message: string }> = [];
  const value = input.value;
  for (const mixup of view.mixups) {
    const hit =
      (mixup.above !== undefined && value > mixup.above) ||
      (mixup.below !== undefined && value < mixup.below) ||
      (mixup.within !== undefined && value >= mixup.within.low && value <= mixup.within.high);
    if (hit) {
      warnings.push({
        code: 'possible-unit-mixup',
        message: `${value} ${input.unit} fits ${mixup.likelyUnits.join(' or ')} far better: confirm the unit with the lab report.`,
      });
    }
  }
  if (input.comparator === null) {
    const assay = view.assay;
    const inAssayUnit = convertBetween(value, unit, view.assayUnit);
    if (inAssayUnit > assay.high || (assay.low !== undefined && inAssayUnit < assay.low)) {
      warnings.push({ code: 'outside-assay-range', message: view.assayMessage });
    }
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

function createWarningView(analyte: Analyte, unit: UnitCode): WarningView {
  const assay = analyte.plausibility.assayRange;
  const range =
    assay.low === undefined ? `up to about ${assay.high}` : `about ${assay.low}-${assay.high}`;
  return {
    mixups: analyte.plausibility.unitMixups.filter((mixup) => mixup.unit === unit),
    assay,
    assayUnit:
      analyte.units.find((u) => u.code === assay.unit) ?? failMissingUnit(analyte, assay.unit),
    assayMessage: `Outside the usual assay range (${range} ${assay.unit}): check the lab's method and any dilution.`,
  };
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
type SafetyItem = ResultInterpretation['safety'][number];

/** Everything of a result that depends only on (rule set, unit, possible bands, context). */
interface StaticView {
  /** Next steps of the possible bands (the indeterminate "ask the lab" step is added per value). */
  readonly steps: readonly Step[];
  readonly notes: readonly Note[];
  readonly safety: readonly SafetyItem[];
  readonly citationIds: readonly string[];
  readonly loinc: string;
  readonly statusLabel: string;
  readonly ruleSet: ResultInterpretation['ruleSet'];
  readonly backPain: ResultInterpretation['backPain'];
  /** The other units of the analyte, for `converted` (same arithmetic as convertUnit/roundForUnit). */
  readonly conversions: ReadonlyArray<{
    readonly code: UnitCode;
    /** 10 ** the unit's display decimals, as roundToDecimals computes it. */
    readonly scale: number;
    readonly target: UnitDefinition;
  }>;
  /** The possible bands as words ("deficient or insufficient"). */
  readonly possibleText: string;
  /** The reported unit's definition (every result of a view has the same unit). */
  readonly unitDefinition: UnitDefinition;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

// Findings, steps, notes and citations repeat for every result of the same kind: batches of
// 100,000 panels spent most of their time rebuilding them, so they are computed once per key.
// The key is numeric (status, possible bands and context as bit sets) because building a string
// key per result cost as much as the work it saved.

/** Everything of a result that depends only on (rule set, unit), with its static views. */
interface KindView {
  readonly unitView: UnitView;
  readonly warnings: WarningView;
  readonly statics: Map<number, StaticView>;
  /** The critical message below and above the critical limits (built once, in classify). */
  readonly criticalLow: string | undefined;
  readonly criticalHigh: string | undefined;
}

/** What a result shows of its value: the display text and the value in the other units. */
interface ValueView {
  readonly display: string;
  readonly converted: readonly ConvertedValue[];
}

// Float noise allowed when rounding a censored bound outward (12.48 * 10 = 124.80000000000001).
const OUTWARD_EPSILON = 1e-9;

/**
 * A censored bound in another unit, rounded OUTWARD with one more decimal than exact values get,
 * so the converted bound never claims more than the lab did: "<5 ng/mL" is "<12.5 nmol/L", never
 * "<12"; ">150 ng/mL" is ">374.4 nmol/L", never ">375".
 */
function roundOutward(value: number, comparator: Comparator, scale: number): number {
  const fine = scale * 10;
  const scaled = value * fine;
  return comparator === '<' || comparator === '<='
    ? Math.ceil(scaled - OUTWARD_EPSILON) / fine
    : Math.floor(scaled + OUTWARD_EPSILON) / fine;
}

/** The display and conversions of a (possibly censored) value. */
function viewValue(view: StaticView, value: number, comparator: Comparator | null): ValueView {
  const converted: ConvertedValue[] = [];
  const conversions = view.conversions;
  for (let index = 0; index < conversions.length; index++) {
    const u = conversions[index];
    if (u === undefined) continue;
    const exact = convertBetween(value, view.unitDefinition, u.target);
    // roundToDecimals, with the scale computed once per unit; censored bounds round outward.
    const rounded =
      comparator === null
        ? Math.round(exact * u.scale) / u.scale
        : roundOutward(exact, comparator, u.scale);
    converted.push({
      value: rounded,
      unit: u.code,
      display: formatDisplay(rounded, comparator, u.code),
    });
  }
  return {
    display: formatDisplay(value, comparator, view.unitDefinition.code),
    converted,
  };
}

// One lookup per result (rule set, then unit) for everything that does not depend on the value.
const kindViews = new Map<RuleSet, Map<UnitCode, KindView>>();

function viewKind(analyte: Analyte, ruleSet: RuleSet, unit: UnitCode): KindView {
  let byUnit = kindViews.get(ruleSet);
  if (byUnit === undefined) {
    byUnit = new Map();
    kindViews.set(ruleSet, byUnit);
  }
  let view = byUnit.get(unit);
  if (view === undefined) {
    view = {
      unitView: viewRuleSet(ruleSet, unit),
      warnings: createWarningView(analyte, unit),
      statics: new Map(),
      criticalLow: criticalMessageFor(ruleSet, unit, 'low'),
      criticalHigh: criticalMessageFor(ruleSet, unit, 'high'),
    };
    byUnit.set(unit, view);
  }
  return view;
}

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

// The possible bands of a classified value: one shared list per band.
const ONLY: Readonly<Record<BandStatus, readonly BandStatus[]>> = {
  deficient: Object.freeze(['deficient']),
  insufficient: Object.freeze(['insufficient']),
  sufficient: Object.freeze(['sufficient']),
  high: Object.freeze(['high']),
};

const CRITICAL_BITS = { none: 0, low: 1, high: 2 } as const;

function staticKey(
  status: Status,
  possible: readonly BandStatus[],
  context: readonly ContextFlag[],
  critical: 'low' | 'high' | null,
): number {
  let possibleBits = 0;
  for (let index = 0; index < possible.length; index++) {
    const band = possible[index];
    if (band !== undefined) possibleBits |= 1 << STATUS_BITS[band];
  }
  return (
    ((contextBitsOf(context) * 32 + possibleBits) * 8 + STATUS_BITS[status]) * 4 +
    CRITICAL_BITS[critical ?? 'none']
  );
}

// Every result of a panel has the same context list: its bits are remembered for the next call.
let lastContext: readonly ContextFlag[] | undefined;
let lastContextBits = 0;

function contextBitsOf(context: readonly ContextFlag[]): number {
  if (context === lastContext) return lastContextBits;
  let bits = 0;
  for (let index = 0; index < context.length; index++) {
    const flag = context[index];
    if (flag !== undefined) bits |= CONTEXT_BITS.get(flag) ?? 0;
  }
  lastContext = context;
  lastContextBits = bits;
  return bits;
}

function viewStatic(
  analyte: Analyte,
  ruleSet: RuleSet,
  unit: UnitCode,
  status: Status,
  possible: readonly BandStatus[],
  context: readonly ContextFlag[],
  critical: 'low' | 'high' | null,
  kind: KindView,
): StaticView {
  const key = staticKey(status, possible, context, critical);
  const cached = kind.statics.get(key);
  if (cached !== undefined) return cached;
  const view = createStaticView(analyte, ruleSet, unit, status, possible, context, critical);
  kind.statics.set(key, view);
  return view;
}

function createStaticView(
  analyte: Analyte,
  ruleSet: RuleSet,
  unit: UnitCode,
  status: Status,
  possible: readonly BandStatus[],
  context: readonly ContextFlag[],
  critical: 'low' | 'high' | null,
): StaticView {
  const unitDefinition = analyte.units.find((u) => u.code === unit);
  const facts = { analyte: analyte.id, status, possible, critical, context, ageYears: null };
  const low = allIn(facts, ['deficient', 'insufficient']);
  const clinician = clinicianSafety(facts);

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

  const bandSteps: NextStep[] = analyte.nextSteps.filter((step) => possible.includes(step.status));
  // A censored value that could be in a band with an action drops the "nothing to do" steps: its
  // next steps must hold for every band it can be in.
  const actionable = bandSteps.some((step) => step.reassuring !== true);
  const steps: Step[] = bandSteps
    .filter((step) => possible.length === 1 || !actionable || step.reassuring !== true)
    .filter((step) => !clinician.suppressed.has(step.id))
    .map((step) => ({ id: step.id, text: step.text, citationIds: step.citationIds }));

  const notes: Note[] = [];
  for (const notice of analyte.notices)
    notes.push({
      id: notice.id,
      source: 'notice',
      text: notice.text,
      citationIds: notice.citationIds,
    });
  // Band notes are carried by `bands` (the card's band table); only the upper limit's meaning is
  // added, and only when the value can be above it.
  if (possible.includes('high'))
    notes.push({
      id: `${ruleSet.id}-upper-limit`,
      source: 'band',
      text: ruleSet.upperLimitMeaning,
      citationIds: ruleSet.citationIds,
    });
  for (const note of analyte.contextNotes as readonly ContextNote[]) {
    const applies =
      note.direction === undefined ||
      (note.direction === 'low' && low) ||
      (note.direction === 'not-low' && !low) ||
      (note.direction === 'normal' && allIn(facts, ['sufficient'])) ||
      (note.direction === 'high' && allIn(facts, ['high']));
    if (applies && context.includes(note.context))
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
  const safety: SafetyItem[] = [...clinician.items];

  for (const finding of findings) Object.freeze(finding);
  for (const note of notes) Object.freeze(note);
  for (const step of steps) Object.freeze(step);
  for (const item of safety) Object.freeze(item);
  const view: StaticView = {
    steps,
    notes,
    safety,
    // The indeterminate step cites the rule set, which is listed first anyway.
    citationIds: uniqueIds([
      ruleSet.citationIds,
      unitDefinition?.citationIds ?? [],
      ...findings.map((f) => f.citationIds),
      ...steps.map((s) => s.citationIds),
      ...notes.map((n) => n.citationIds),
      ...safety.map((item) => item.citationIds),
    ]),
    loinc: unitDefinition?.loinc ?? '',
    possibleText: possible.join(' or '),
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
      .map((u) => ({ code: u.code, scale: 10 ** u.displayDecimals, target: u })),
    unitDefinition: unitDefinition ?? failMissingUnit(analyte, unit),
    backPain: Object.freeze({
      summary: analyte.backPain.summaryByStatus[status],
      findings: Object.freeze(findings),
    }),
  };
  Object.freeze(view.steps);
  Object.freeze(view.notes);
  Object.freeze(view.safety);
  Object.freeze(view.citationIds);
  Object.freeze(view.ruleSet);
  Object.freeze(view);
  return view;
}

/** The next steps of an indeterminate value: "ask the lab" first, then the bands' steps. */
function withAskStep(text: string, citationIds: readonly string[], steps: readonly Step[]): Step[] {
  const all: Step[] = [{ id: 'ask-exact-value', text, citationIds }];
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (step !== undefined) all.push(step);
  }
  return all;
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
  const unit = input.unit;
  const value = input.value;
  const comparator = input.comparator;
  const kind = viewKind(analyte, ruleSet, unit);
  const { cutoffs, bands } = kind.unitView;
  const classification = classifyValue(value, comparator, cutoffs);
  const status: Status =
    classification.kind === 'classified' ? classification.status : 'indeterminate';
  const possible: readonly BandStatus[] =
    classification.kind === 'classified' ? ONLY[classification.status] : classification.possible;
  const critical = findCritical(value, comparator, cutoffs);
  const position = labPosition(input);
  const view = viewStatic(analyte, ruleSet, unit, status, possible, context, critical, kind);

  const criticalMessage =
    critical === 'low' ? kind.criticalLow : critical === 'high' ? kind.criticalHigh : undefined;

  const warnings = collectWarnings(input, status, position, kind.warnings, view.unitDefinition);

  const { display, converted } = viewValue(view, value, comparator);
  const inputView = { value, comparator, unitEntered: input.unitEntered, unit, display };
  const nextSteps: readonly Step[] =
    classification.kind === 'indeterminate'
      ? withAskStep(
          // The reason ("<25 ng/mL could be ...") is the result's indeterminateReason: not repeated.
          'Ask the lab for the exact value or repeat the test.',
          ruleSet.citationIds,
          view.steps,
        )
      : view.steps;
  const fhirInterpretation = toFhirInterpretation(status, critical);
  const labRange =
    input.labRange === undefined || position === null
      ? undefined
      : { low: input.labRange.low, high: input.labRange.high, unit, position };
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
      safety: view.safety,
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
    out.indeterminateReason = `${display} could be ${view.possibleText}; the bound does not decide the band.`;
    out.possibleStatuses = possible;
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
  out.safety = view.safety;
  out.citationIds = view.citationIds;
  return out;
}
