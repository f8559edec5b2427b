/**
 * How a cut-off is written inside a sentence or a name: "0.85 mmol/L", "200-300 pg/mL". Every
 * prose string that states a cut-off (rule-set names, band notes, the Spanish handout's rule-set
 * names, the band ranges) renders it with these functions from the cut-off itself, so a changed
 * cut-off cannot leave a sentence behind. No imports: the analyte data uses it too.
 */

/**
 * Formats a cut-off for display: published figures as written (0.85, 200), derived ones to at
 * most 3 decimals; with `decimals`, exactly that many (0.70).
 * @param value - the cut-off
 * @param decimals - a fixed number of decimals, e.g. 2 for "0.70-0.85 mmol/L"
 * @returns a short decimal string
 */
export function formatCutoff(value: number, decimals?: number): string {
  return decimals === undefined ? String(Number(value.toFixed(3))) : value.toFixed(decimals);
}

/**
 * A cut-off with its unit: "0.85 mmol/L".
 * @param value - the cut-off
 * @param unit - its unit, as printed
 * @param decimals - see {@link formatCutoff}
 * @returns the text
 */
export function formatCutoffQuantity(value: number, unit: string, decimals?: number): string {
  return `${formatCutoff(value, decimals)} ${unit}`;
}

/**
 * A band between two cut-offs with its unit: "200-300 pg/mL".
 * @param low - the lower cut-off
 * @param high - the upper cut-off
 * @param unit - their unit, as printed
 * @param decimals - see {@link formatCutoff}
 * @returns the text
 */
export function formatCutoffRange(
  low: number,
  high: number,
  unit: string,
  decimals?: number,
): string {
  return `${formatCutoff(low, decimals)}-${formatCutoff(high, decimals)} ${unit}`;
}

/**
 * The borderline band a B12 rule set's name states, "200-300 pg/mL", from its cut-offs in a unit
 * (the English and Spanish handouts name the rule set in the unit the lab reported).
 * @param cutoffs - the rule set's cut-offs in one unit
 * @returns the range from the deficient cut-off to the sufficient one, with the unit
 */
export function formatBorderlineRange(cutoffs: {
  readonly deficientBelow: number;
  readonly sufficientFrom: number;
  readonly unit: string;
}): string {
  return formatCutoffRange(cutoffs.deficientBelow, cutoffs.sufficientFrom, cutoffs.unit);
}
