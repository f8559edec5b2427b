/** One result's interpretation, built once as one object from its value and its shared parts. */
import { classifyValue, findCritical, toFhirInterpretation } from '../classify';
import type { BandStatus, ResultInterpretation, RuleSetId, Status } from '../types';
import { convertValue, formatDisplay } from './converted-values';
import type { NormalisedResult } from './normalise';
import { collectWarnings, findLabPosition } from './result-warnings';
import { viewResultStatics } from './result-statics';
import type { PanelContext } from './result-statics';
import { viewRuleSetInUnit } from './rule-set-views';

// The possible bands of a classified value: one shared list per band (read-only by type; not
// frozen, because V8 iterates frozen arrays on a slower path and every result iterates one).
const ONLY: Readonly<Record<BandStatus, readonly BandStatus[]>> = {
  deficient: ['deficient'],
  insufficient: ['insufficient'],
  sufficient: ['sufficient'],
  high: ['high'],
};

const ASK_THE_LAB = 'Ask the lab for the exact value or repeat the test.';

/**
 * Interprets one normalised result against a rule set and the ticked context. Optional fields
 * that do not apply are present and undefined, so every result has the same shape (JSON output
 * leaves them out).
 * @param input - the normalised result
 * @param ruleSetId - the rule set to apply (must belong to the result's analyte)
 * @param context - the panel's ticked context (see toPanelContext)
 * @returns the full interpretation of the result
 */
export function buildResult(
  input: NormalisedResult,
  ruleSetId: RuleSetId,
  context: PanelContext,
): ResultInterpretation {
  const view = viewRuleSetInUnit(ruleSetId, input.unit);
  const { analyte, cutoffs } = view;
  const { value, comparator, unit } = input;
  const classification = classifyValue(value, comparator, cutoffs);
  const indeterminate = classification.kind === 'indeterminate';
  const status: Status = indeterminate ? 'indeterminate' : classification.status;
  const possible = indeterminate ? classification.possible : ONLY[classification.status];
  const critical = findCritical(value, comparator, cutoffs);
  const statics = viewResultStatics(view, { status, possible, context, critical });
  const position = findLabPosition(input);
  const display = formatDisplay(value, comparator, unit);
  return {
    index: input.index,
    analyte: analyte.id,
    analyteName: analyte.name,
    analyteShortName: analyte.shortName,
    loinc: view.unit.loinc,
    input: { value, comparator, unitEntered: input.unitEntered, unit, display },
    status,
    statusLabel: statics.statusLabel,
    indeterminateReason: indeterminate
      ? `${display} could be ${statics.possibleText}; the bound does not decide the band.`
      : undefined,
    possibleStatuses: indeterminate ? possible : undefined,
    ruleSet: view.ruleSetSummary,
    cutoffs,
    bands: view.bands,
    critical: critical !== null,
    criticalMessage:
      critical === 'low' ? view.criticalLow : critical === 'high' ? view.criticalHigh : undefined,
    warnings: collectWarnings(input, status, position, view),
    converted: convertValue(value, comparator, view),
    labRange:
      input.labRange === undefined || position === null
        ? undefined
        : { low: input.labRange.low, high: input.labRange.high, unit, position },
    fhirInterpretation: toFhirInterpretation(status, critical),
    backPain: statics.backPain,
    // The reason ("<25 ng/mL could be ...") is the result's indeterminateReason: not repeated.
    nextSteps: indeterminate
      ? [
          { id: 'ask-exact-value', text: ASK_THE_LAB, citationIds: view.ruleSet.citationIds },
          ...statics.nextSteps,
        ]
      : statics.nextSteps,
    notes: statics.notes,
    safety: statics.safety,
    citationIds: statics.citationIds,
  };
}
