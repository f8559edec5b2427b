import { getAnalyte, getRuleSet } from './analytes/registry';
import {
  classifyValue,
  cutoffsInUnit,
  findCritical,
  formatCutoff,
  listBands,
  toFhirInterpretation,
} from './classify';
import { convertUnit, roundForUnit } from './units';
import type { NormalisedResult } from './validate';
import type {
  Analyte,
  Band,
  BackPainFinding,
  BandStatus,
  ContextFlag,
  CutoffsInUnit,
  EvidenceStrength,
  ResultInterpretation,
  RuleSet,
  RuleSetId,
  Status,
  UnitCode,
  WarningCode,
} from './types';

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
const unitViews = new Map<string, UnitView>();

/**
 * The cut-offs and bands of a rule set in one unit, memoised.
 * @param ruleSet - the rule set
 * @param unit - the unit
 * @returns cut-offs and ascending bands in that unit
 */
export function viewRuleSet(ruleSet: RuleSet, unit: UnitCode): UnitView {
  const key = `${ruleSet.id}|${unit}`;
  let view = unitViews.get(key);
  if (view === undefined) {
    const cutoffs = cutoffsInUnit(ruleSet, unit);
    view = { cutoffs, bands: listBands(ruleSet, cutoffs) };
    unitViews.set(key, view);
  }
  return view;
}

function formatValue(value: number, comparator: string | null, unit: UnitCode): string {
  return `${comparator ?? ''}${String(value)} ${unit}`;
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
  const unitDefinition = analyte.units.find((u) => u.code === input.unit);

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

  const nextSteps: Array<{ id: string; text: string; citationIds: readonly string[] }> = [];
  if (classification.kind === 'indeterminate') {
    nextSteps.push({
      id: 'ask-exact-value',
      text: `Ask the lab for the exact value or repeat the test: ${input.comparator ?? ''}${input.value} ${input.unit} could be ${possible.join(' or ')}.`,
      citationIds: ruleSet.citationIds,
    });
  }
  for (const step of analyte.nextSteps) if (possible.includes(step.status)) nextSteps.push(step);

  const notes: Array<{
    id: string;
    source: ContextFlag | 'notice' | 'band';
    text: string;
    citationIds: readonly string[];
  }> = [];
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

  const converted = analyte.units
    .filter((u) => u.code !== input.unit)
    .map((u) => {
      const value = roundForUnit(
        analyte.id,
        convertUnit(analyte.id, input.value, input.unit, u.code),
        u.code,
      );
      return { value, unit: u.code, display: formatValue(value, input.comparator, u.code) };
    });

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

  const statusLabel = analyte.statusLabels[status] ?? STATUS_LABELS[status];
  const warnings = collectWarnings(analyte, input, status, position);

  return {
    index: input.index,
    analyte: analyte.id,
    analyteName: analyte.name,
    analyteShortName: analyte.shortName,
    loinc: unitDefinition?.loinc ?? '',
    input: {
      value: input.value,
      comparator: input.comparator,
      unitEntered: input.unitEntered,
      unit: input.unit,
      display: formatValue(input.value, input.comparator, input.unit),
    },
    status,
    statusLabel,
    ...(classification.kind === 'indeterminate'
      ? {
          indeterminateReason: `${input.comparator ?? ''}${input.value} ${input.unit} could be ${possible.join(' or ')}; the bound does not decide the band.`,
        }
      : {}),
    ruleSet: {
      id: ruleSet.id,
      name: ruleSet.name,
      isDefault: ruleSet.isDefault,
      upperLimitMeaning: ruleSet.upperLimitMeaning,
      caveats: ruleSet.caveats,
      citationIds: ruleSet.citationIds,
    },
    cutoffs,
    bands,
    critical: critical !== null,
    ...(criticalMessage === undefined ? {} : { criticalMessage }),
    warnings,
    converted,
    ...(input.labRange === undefined || position === null
      ? {}
      : {
          labRange: {
            low: input.labRange.low,
            high: input.labRange.high,
            unit: input.unit,
            position,
          },
        }),
    fhirInterpretation: toFhirInterpretation(status, critical),
    backPain: { summary: analyte.backPain.summaryByStatus[status], findings },
    nextSteps,
    notes,
    citationIds: uniqueIds([
      ruleSet.citationIds,
      unitDefinition?.citationIds ?? [],
      ...findings.map((f) => f.citationIds),
      ...nextSteps.map((s) => s.citationIds),
      ...notes.map((n) => n.citationIds),
    ]),
  };
}
