/**
 * What a result shares with every other result of its rule set and unit: the cut-offs and bands
 * in that unit, the critical messages, the unit checks behind the warnings and the other units to
 * convert to. Built once, when the module loads, for every rule set in every unit of its analyte,
 * and frozen: results point to these objects instead of copying them.
 */
import { getAnalyte, listRuleSets } from '../analytes/registry';
import { criticalMessageFor, cutoffsInUnit, listBands } from '../classify';
import { requireUnit } from '../units';
import type {
  Analyte,
  Band,
  CutoffsInUnit,
  ResultInterpretation,
  RuleSet,
  RuleSetId,
  UnitCode,
  UnitDefinition,
} from '../types';

type Mixup = Analyte['plausibility']['unitMixups'][number];

/** Another unit of the analyte that a value is also shown in. */
export interface Conversion {
  readonly target: UnitDefinition;
  /** 10 ** the unit's display decimals (see roundToDecimals). */
  readonly scale: number;
}

/** Everything of a result that depends only on its rule set and reported unit. */
export interface RuleSetUnitView {
  /** Its position among all views (0, 1, ...): the result parts built from it are kept by it. */
  readonly index: number;
  readonly analyte: Analyte;
  readonly ruleSet: RuleSet;
  /** The reported unit's definition. */
  readonly unit: UnitDefinition;
  readonly cutoffs: CutoffsInUnit;
  /** The rule set's bands in the reported unit, ascending. */
  readonly bands: readonly Band[];
  /** The message of a value beyond the low or high critical limit, when the rule set has one. */
  readonly criticalLow: string | undefined;
  readonly criticalHigh: string | undefined;
  /** The rule set as a result shows it. */
  readonly ruleSetSummary: ResultInterpretation['ruleSet'];
  /** The analyte's unit-mixup patterns for this unit. */
  readonly mixups: readonly Mixup[];
  readonly assayRange: Analyte['plausibility']['assayRange'];
  readonly assayUnit: UnitDefinition;
  /** The outside-assay-range warning (it depends only on the analyte). */
  readonly assayMessage: string;
  /** The analyte's other units, in data order. */
  readonly conversions: readonly Conversion[];
}

function assayMessageOf(analyte: Analyte): string {
  const assay = analyte.plausibility.assayRange;
  const range =
    assay.low === undefined ? `up to about ${assay.high}` : `about ${assay.low}-${assay.high}`;
  return `Outside the usual assay range (${range} ${assay.unit}): check the lab's method and any dilution.`;
}

let viewCount = 0;

function createView(ruleSet: RuleSet, unit: UnitDefinition): RuleSetUnitView {
  const analyte = getAnalyte(ruleSet.analyte);
  const cutoffs = cutoffsInUnit(ruleSet, unit.code);
  const bands = listBands(ruleSet, cutoffs);
  for (const band of bands) Object.freeze(band);
  return Object.freeze({
    index: viewCount++,
    analyte,
    ruleSet,
    unit,
    cutoffs: Object.freeze(cutoffs),
    bands: Object.freeze(bands),
    criticalLow: criticalMessageFor(ruleSet, unit.code, 'low'),
    criticalHigh: criticalMessageFor(ruleSet, unit.code, 'high'),
    ruleSetSummary: Object.freeze({
      id: ruleSet.id,
      name: ruleSet.name,
      isDefault: ruleSet.isDefault,
      upperLimitMeaning: ruleSet.upperLimitMeaning,
      caveats: ruleSet.caveats,
      citationIds: ruleSet.citationIds,
    }),
    // The two lists every result iterates are not frozen (their type is read-only): V8 iterates a
    // frozen array on a slower path, which cost about 5% of interpret() in bench:interpret.
    mixups: analyte.plausibility.unitMixups.filter((mixup) => mixup.unit === unit.code),
    assayRange: analyte.plausibility.assayRange,
    assayUnit: requireUnit(analyte.id, analyte.plausibility.assayRange.unit),
    assayMessage: assayMessageOf(analyte),
    conversions: analyte.units
      .filter((other) => other.code !== unit.code)
      .map((target) => Object.freeze({ target, scale: 10 ** target.displayDecimals })),
  });
}

const VIEWS: ReadonlyMap<RuleSetId, ReadonlyMap<UnitCode, RuleSetUnitView>> = new Map(
  listRuleSets().map((ruleSet) => [
    ruleSet.id,
    new Map(
      getAnalyte(ruleSet.analyte).units.map((unit) => [unit.code, createView(ruleSet, unit)]),
    ),
  ]),
);

/**
 * One memo per view, indexed by the view's `index`: the memos of the result parts built from a
 * view (made whole at once, so V8 never sees the array change shape while results are built).
 * @returns an empty map for each view
 */
export function createViewMemos<T>(): ReadonlyArray<Map<number, T>> {
  return Array.from({ length: viewCount }, () => new Map<number, T>());
}

/**
 * The shared view of a rule set in one unit of its analyte.
 * @param ruleSetId - the rule set
 * @param unit - a unit of the rule set's analyte
 * @returns the view (the same frozen object on every call)
 * @throws Error when the unit is not one of the analyte's (normaliseResult lets none through)
 */
export function viewRuleSetInUnit(ruleSetId: RuleSetId, unit: UnitCode): RuleSetUnitView {
  const view = VIEWS.get(ruleSetId)?.get(unit);
  if (view === undefined) throw new Error(`no view of ${ruleSetId} in ${unit}`);
  return view;
}
