import { formatCutoff } from './cutoff-text';
import { convertUnit, findUnit } from './units';
import type {
  AnalyteId,
  Band,
  BandStatus,
  Comparator,
  CutoffsInUnit,
  FhirInterpretationCode,
  QuantityByUnit,
  RuleSet,
  Status,
  UnitCode,
} from './types';

/**
 * Units that a source never publishes but that equal a published unit by an exact factor.
 * Cut-offs in these units are derived exactly (ug/L = ng/mL, ng/L = pg/mL, meq/L = 2 x mmol/L).
 */
const EXACT_ALIASES: Readonly<
  Partial<Record<UnitCode, { readonly unit: UnitCode; readonly factor: number }>>
> = {
  'ug/L': { unit: 'ng/mL', factor: 1 },
  'ng/L': { unit: 'pg/mL', factor: 1 },
  'meq/L': { unit: 'mmol/L', factor: 2 },
};

/**
 * A limit in the wanted unit: the published figure when the source gives one in that unit,
 * otherwise converted (exactly for alias units, by the molar factor as a last resort).
 * @param analyte - the analyte id
 * @param quantity - the limit as published, by unit
 * @param unit - the unit wanted
 * @returns the value and whether it was derived, or undefined when nothing is published
 */
export function limitInUnit(
  analyte: AnalyteId,
  quantity: QuantityByUnit,
  unit: UnitCode,
): { value: number; derived: boolean } | undefined {
  const published = quantity[unit];
  if (published !== undefined) return { value: published, derived: false };
  const alias = EXACT_ALIASES[unit];
  const aliasValue = alias === undefined ? undefined : quantity[alias.unit];
  if (alias !== undefined && aliasValue !== undefined) {
    return { value: aliasValue * alias.factor, derived: true };
  }
  for (const [from, value] of Object.entries(quantity) as Array<[UnitCode, number]>) {
    return { value: convertUnit(analyte, value, from, unit), derived: true };
  }
  return undefined;
}

/**
 * The cut-offs of a rule set in one unit (compare in the reported unit).
 * @param ruleSet - the rule set
 * @param unit - the reported unit
 * @returns A, B, C and the critical limits in that unit
 * @throws Error when the rule set has no limits at all (a data error caught by invariant tests)
 */
export function cutoffsInUnit(ruleSet: RuleSet, unit: UnitCode): CutoffsInUnit {
  const a = limitInUnit(ruleSet.analyte, ruleSet.deficientBelow, unit);
  const b = limitInUnit(ruleSet.analyte, ruleSet.sufficientFrom, unit);
  const c = limitInUnit(ruleSet.analyte, ruleSet.upperLimit, unit);
  if (a === undefined || b === undefined || c === undefined) {
    throw new Error(`rule set ${ruleSet.id} has no cut-offs`);
  }
  const low = ruleSet.criticalBelow && limitInUnit(ruleSet.analyte, ruleSet.criticalBelow, unit);
  const high = ruleSet.criticalAbove && limitInUnit(ruleSet.analyte, ruleSet.criticalAbove, unit);
  const limits = criticalLimitTexts(ruleSet, unit);
  const parts = [
    ...(limits.low === undefined ? [] : [limits.low]),
    ...(limits.high === undefined ? [] : [limits.high]),
  ];
  const criticalText =
    parts.length === 0
      ? undefined
      : `Critical limits: ${parts.join(', ')}` +
        (ruleSet.criticalNeedsLocalCheck ? ' (lab-specific: check your laboratory).' : '.');
  return {
    unit,
    ...(criticalText === undefined ? {} : { criticalText }),
    deficientBelow: a.value,
    sufficientFrom: b.value,
    upperLimit: c.value,
    ...(low ? { criticalBelow: low.value } : {}),
    ...(high ? { criticalAbove: high.value } : {}),
    derived: a.derived || b.derived || c.derived,
  };
}

/**
 * The critical limits of a rule set in one unit as words ("below 1.22 mg/dL"), the one place
 * they are written: published figures as published, derived ones to the unit's decimals.
 * @param ruleSet - the rule set
 * @param unit - the unit
 * @returns the low and high limit texts, where the rule set has them
 */
export function criticalLimitTexts(
  ruleSet: RuleSet,
  unit: UnitCode,
): { readonly low?: string; readonly high?: string } {
  const decimals = findUnit(ruleSet.analyte, unit)?.displayDecimals ?? 2;
  const show = (limit: { value: number; derived: boolean }) =>
    limit.derived ? String(Number(limit.value.toFixed(decimals))) : formatCutoff(limit.value);
  const low = ruleSet.criticalBelow && limitInUnit(ruleSet.analyte, ruleSet.criticalBelow, unit);
  const high = ruleSet.criticalAbove && limitInUnit(ruleSet.analyte, ruleSet.criticalAbove, unit);
  return {
    ...(low ? { low: `below ${show(low)} ${unit}` } : {}),
    ...(high ? { high: `above ${show(high)} ${unit}` } : {}),
  };
}

/**
 * The message of a critical result ("Critical: below 1.22 mg/dL."), built from the same limit
 * text as the rule set's critical-limits sentence (which carries the lab-specific caveat).
 * @param ruleSet - the rule set
 * @param unit - the reported unit
 * @param direction - which limit the value is beyond
 * @returns the message, or undefined when the rule set has no such limit
 */
export function criticalMessageFor(
  ruleSet: RuleSet,
  unit: UnitCode,
  direction: 'low' | 'high',
): string | undefined {
  const limit = criticalLimitTexts(ruleSet, unit)[direction];
  return limit === undefined ? undefined : `Critical: ${limit}.`;
}

/**
 * The band of an exact value: deficient < A <= insufficient < B <= sufficient <= C < high.
 * @param value - the value in the cut-offs' unit
 * @param cutoffs - the cut-offs
 * @returns the band
 */
export function findBand(value: number, cutoffs: CutoffsInUnit): BandStatus {
  if (value < cutoffs.deficientBelow) return 'deficient';
  if (value < cutoffs.sufficientFrom) return 'insufficient';
  if (value <= cutoffs.upperLimit) return 'sufficient';
  return 'high';
}

/** A classification: a band, or indeterminate with the bands the value could be in. */
export type Classification =
  | { readonly kind: 'classified'; readonly status: BandStatus }
  | { readonly kind: 'indeterminate'; readonly possible: readonly BandStatus[] };

const ORDER: readonly BandStatus[] = ['deficient', 'insufficient', 'sufficient', 'high'];

// Classified outcomes carry nothing but the band: one frozen object per band, not one per value.
const DEFICIENT: Classification = Object.freeze({ kind: 'classified', status: 'deficient' });
const INSUFFICIENT: Classification = Object.freeze({ kind: 'classified', status: 'insufficient' });
const SUFFICIENT: Classification = Object.freeze({ kind: 'classified', status: 'sufficient' });
const HIGH: Classification = Object.freeze({ kind: 'classified', status: 'high' });
const CLASSIFIED: Readonly<Record<BandStatus, Classification>> = {
  deficient: DEFICIENT,
  insufficient: INSUFFICIENT,
  sufficient: SUFFICIENT,
  high: HIGH,
};

/**
 * Classifies a possibly censored value. "<x" covers (0, x), "<=x" (0, x], ">x" (x, inf) and
 * ">=x" [x, inf); the result is a band only when the whole interval lies in one band. A
 * censored "<5" is never read as 5.
 * @param value - the number (the bound, when censored)
 * @param comparator - the comparator, or null for an exact value
 * @param cutoffs - the cut-offs in the value's unit
 * @returns the classification
 */
export function classifyValue(
  value: number,
  comparator: Comparator | null,
  cutoffs: CutoffsInUnit,
): Classification {
  let lowest: BandStatus;
  let highest: BandStatus;
  switch (comparator) {
    case null:
      // findBand's comparisons, returning the shared outcome directly (the common case).
      if (value < cutoffs.deficientBelow) return DEFICIENT;
      if (value < cutoffs.sufficientFrom) return INSUFFICIENT;
      if (value <= cutoffs.upperLimit) return SUFFICIENT;
      return HIGH;
    case '<':
      lowest = 'deficient';
      // Values just below x: their band is that of x unless x sits exactly on a lower cut-off.
      highest =
        value <= cutoffs.deficientBelow
          ? 'deficient'
          : value <= cutoffs.sufficientFrom
            ? 'insufficient'
            : value <= cutoffs.upperLimit
              ? 'sufficient'
              : 'high';
      break;
    case '<=':
      lowest = 'deficient';
      highest = findBand(value, cutoffs);
      break;
    case '>':
      lowest = value >= cutoffs.upperLimit ? 'high' : findBand(value, cutoffs);
      highest = 'high';
      break;
    case '>=':
      lowest = findBand(value, cutoffs);
      highest = 'high';
      break;
  }
  if (lowest === highest) return CLASSIFIED[lowest];
  const possible = ORDER.slice(ORDER.indexOf(lowest), ORDER.indexOf(highest) + 1).filter(
    // With A = B there is no insufficient band to fall into.
    (status) => status !== 'insufficient' || cutoffs.deficientBelow < cutoffs.sufficientFrom,
  );
  return { kind: 'indeterminate', possible };
}

/**
 * Whether a value is beyond a critical limit (for a censored value: certainly beyond it).
 * @param value - the number (the bound, when censored)
 * @param comparator - the comparator, or null
 * @param cutoffs - cut-offs with optional critical limits
 * @returns 'low', 'high' or null
 */
export function findCritical(
  value: number,
  comparator: Comparator | null,
  cutoffs: CutoffsInUnit,
): 'low' | 'high' | null {
  const { criticalBelow, criticalAbove } = cutoffs;
  // Stryker disable next-line ConditionalExpression: without a limit every comparison with undefined is false, so the block returns nothing
  if (criticalBelow !== undefined) {
    const low =
      comparator === null
        ? value < criticalBelow
        : comparator === '<'
          ? value <= criticalBelow
          : comparator === '<='
            ? value < criticalBelow
            : false;
    if (low) return 'low';
  }
  // Stryker disable next-line ConditionalExpression: as above, a comparison with undefined is false
  if (criticalAbove !== undefined) {
    const high =
      comparator === null
        ? value > criticalAbove
        : comparator === '>'
          ? value >= criticalAbove
          : comparator === '>='
            ? value > criticalAbove
            : false;
    if (high) return 'high';
  }
  return null;
}

/**
 * The bands of a rule set in one unit, ascending, for scales and tables.
 * @param ruleSet - the rule set
 * @param cutoffs - its cut-offs in the wanted unit
 * @returns the non-empty bands (mg-conventional has no insufficient band)
 */
export function listBands(ruleSet: RuleSet, cutoffs: CutoffsInUnit): Band[] {
  const a = formatCutoff(cutoffs.deficientBelow);
  const b = formatCutoff(cutoffs.sufficientFrom);
  const c = formatCutoff(cutoffs.upperLimit);
  const u = cutoffs.unit;
  const bands: Band[] = [
    {
      status: 'deficient',
      lower: null,
      upper: cutoffs.deficientBelow,
      lowerInclusive: false,
      upperInclusive: false,
      rangeText: `< ${a} ${u}`,
    },
    {
      status: 'insufficient',
      lower: cutoffs.deficientBelow,
      upper: cutoffs.sufficientFrom,
      lowerInclusive: true,
      upperInclusive: false,
      rangeText: `${a} to < ${b} ${u}`,
    },
    {
      status: 'sufficient',
      lower: cutoffs.sufficientFrom,
      upper: cutoffs.upperLimit,
      lowerInclusive: true,
      upperInclusive: true,
      rangeText: `${b} to ${c} ${u}`,
    },
    {
      status: 'high',
      lower: cutoffs.upperLimit,
      upper: null,
      lowerInclusive: false,
      upperInclusive: false,
      rangeText: `> ${c} ${u}`,
    },
  ];
  return bands
    .filter(
      (band) => band.status !== 'insufficient' || cutoffs.deficientBelow < cutoffs.sufficientFrom,
    )
    .map((band) => {
      const note = ruleSet.bandNotes[band.status];
      return note === undefined ? band : { ...band, note };
    });
}

/**
 * The FHIR v3-ObservationInterpretation code for a status.
 * @param status - the status
 * @param critical - which critical limit the value is beyond, if any
 * @returns LL, L, N, H, HH or IND
 */
export function toFhirInterpretation(
  status: Status,
  critical: 'low' | 'high' | null,
): FhirInterpretationCode {
  switch (status) {
    // Stryker disable next-line ConditionalExpression: falling through to 'insufficient' returns the same code
    case 'deficient':
      return critical === 'low' ? 'LL' : 'L';
    case 'insufficient':
      return critical === 'low' ? 'LL' : 'L';
    case 'sufficient':
      return 'N';
    case 'high':
      return critical === 'high' ? 'HH' : 'H';
    case 'indeterminate':
      return critical === 'low' ? 'LL' : critical === 'high' ? 'HH' : 'IND';
  }
}
