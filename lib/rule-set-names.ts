/**
 * The English names of the rule sets whose name states a cut-off, written from the cut-offs in
 * one unit. The analyte data names each rule set with its published cut-offs (the screen, the
 * references, the API); the English handout names it with the cut-offs in the unit the lab
 * reported. One wording serves both. Imports only the cut-off formatter: the analyte data uses
 * it too.
 */
import { formatBorderlineRange, formatCutoffQuantity } from './cutoff-text';

/** The cut-offs a name states, in one unit (what a result's `cutoffs` holds). */
export interface NamedCutoffs {
  readonly deficientBelow: number;
  readonly sufficientFrom: number;
  readonly unit: string;
}

/** By rule set: its English name from its cut-offs in a unit. */
export const RULE_SET_NAMES_FROM_CUTOFFS = {
  'b12-common': (cutoffs: NamedCutoffs) => `Common (borderline ${formatBorderlineRange(cutoffs)})`,
  'b12-wide-350': (cutoffs: NamedCutoffs) =>
    `Wide grey zone (borderline ${formatBorderlineRange(cutoffs)})`,
  'b12-wide-400': (cutoffs: NamedCutoffs) =>
    `Wide grey zone (borderline ${formatBorderlineRange(cutoffs)})`,
  'mg-rosanoff-2022': (cutoffs: NamedCutoffs) =>
    `Rosanoff 2022 (proposed lower limit ${formatCutoffQuantity(cutoffs.sufficientFrom, cutoffs.unit)})`,
} as const;
