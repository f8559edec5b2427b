import type { Analyte, AnalyteId, RuleSet, RuleSetId } from '../types';
import { MAGNESIUM } from './magnesium';
import { VITAMIN_B12 } from './vitamin-b12';
import { VITAMIN_D } from './vitamin-d';

/** Every analyte the library knows, keyed by id. */
export const ANALYTES = {
  'vitamin-d': VITAMIN_D,
  'vitamin-b12': VITAMIN_B12,
  magnesium: MAGNESIUM,
} as const satisfies Record<AnalyteId, Analyte>;

/** Version of the interpretation rules; bump whenever a cut-off, factor or text changes. */
export const RULES_VERSION = '2026.11.1';

const RULE_SETS_BY_ID: ReadonlyMap<RuleSetId, RuleSet> = new Map(
  Object.values(ANALYTES).flatMap((analyte: Analyte) =>
    analyte.ruleSets.map((ruleSet) => [ruleSet.id, ruleSet] as const),
  ),
);

/**
 * Looks up an analyte by id.
 * @param id - the analyte id
 * @returns the analyte's data
 */
export function getAnalyte(id: AnalyteId): Analyte {
  return ANALYTES[id];
}

/**
 * Looks up a rule set by id.
 * @param id - the rule-set id
 * @returns the rule set
 * @throws Error when the id is not in the registry (a programmer error: ids are a closed union)
 */
export function getRuleSet(id: RuleSetId): RuleSet {
  const ruleSet = RULE_SETS_BY_ID.get(id);
  if (ruleSet === undefined) throw new Error(`rule set ${id} is not registered`);
  return ruleSet;
}

/**
 * The default rule set of an analyte.
 * @param analyte - the analyte id
 * @returns its rule set marked `isDefault`
 * @throws Error when the data has no default (caught by the invariant tests)
 */
export function getDefaultRuleSet(analyte: AnalyteId): RuleSet {
  const found = getAnalyte(analyte).ruleSets.find((ruleSet) => ruleSet.isDefault);
  if (found === undefined) throw new Error(`analyte ${analyte} has no default rule set`);
  return found;
}

/**
 * Every rule set, in registry order.
 * @returns all rule sets of all analytes
 */
export function listRuleSets(): readonly RuleSet[] {
  return [...RULE_SETS_BY_ID.values()];
}
