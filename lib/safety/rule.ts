/**
 * The shape of a safety rule, shared by the clinician rules (lib/safety/clinician-rules.ts, H1a)
 * and the patient rules (lib/safety/patient-rules.ts, H1b).
 *
 * Contract:
 * - A rule is data: an `id`, a pure `when` over {@link RuleFacts}, what it `shows` (content of the
 *   caller's choosing, e.g. a clinician sentence or a handout line) and/or what it `suppresses`
 *   (ids of other content, e.g. 'calcium-foods'), and the `citationIds` behind it.
 * - `when` must be pure: no clock, no I/O, no mutation. It sees only the facts below.
 * - Build facts with {@link factsOf}; evaluate with {@link applyRules}. Suppression wins over
 *   showing: a content id suppressed by any matching rule is dropped even if another shows it.
 * - Citation ids must resolve in lib/citations.ts (a unit test checks every rule).
 */
import type { AnalyteId, BandStatus, ContextFlag, ResultInterpretation, Status } from '../types';

/** What a rule may look at: the result's band(s), criticality, the panel context and age. */
export interface RuleFacts {
  readonly analyte: AnalyteId;
  readonly status: Status;
  /**
   * The bands the value can be in: one band when classified, several for a censored value
   * ("<25 ng/mL" -> deficient or insufficient). Rules about "low" should test every band here.
   */
  readonly possible: readonly BandStatus[];
  /** Which critical limit the value is certainly beyond, if any. */
  readonly critical: 'low' | 'high' | null;
  readonly context: readonly ContextFlag[];
  /** Age in whole years at the interpretation date, when a birth date and asOf were given. */
  readonly ageYears: number | null;
}

/** A safety rule: when the facts hold, show `shows` and drop the content ids in `suppresses`. */
export interface SafetyRule<Content> {
  readonly id: string;
  readonly when: (facts: RuleFacts) => boolean;
  readonly shows?: Content;
  /** Ids of content (from any rule or list) that must not appear when this rule matches. */
  readonly suppresses?: readonly string[];
  readonly citationIds: readonly string[];
}

const BANDS: readonly BandStatus[] = ['deficient', 'insufficient', 'sufficient', 'high'];

/**
 * The facts of one interpreted result.
 * @param result - the interpreted result
 * @param context - the panel's ticked context
 * @param ageYears - the patient's age in whole years, or null
 * @returns the facts rules are evaluated on
 */
export function factsOf(
  result: Pick<ResultInterpretation, 'analyte' | 'status' | 'fhirInterpretation'> & {
    readonly possibleStatuses?: readonly BandStatus[];
  },
  context: readonly ContextFlag[],
  ageYears: number | null,
): RuleFacts {
  const possible =
    result.possibleStatuses ??
    (result.status === 'indeterminate' ? BANDS : [result.status as BandStatus]);
  const code = result.fhirInterpretation;
  return {
    analyte: result.analyte,
    status: result.status,
    possible,
    critical: code === 'LL' ? 'low' : code === 'HH' ? 'high' : null,
    context,
    ageYears,
  };
}

/** True when every band the value can be in is one of `bands` (a censored "<25" is low). */
export function allIn(facts: RuleFacts, bands: readonly BandStatus[]): boolean {
  return facts.possible.length > 0 && facts.possible.every((band) => bands.includes(band));
}

/** True when the value can be in any of `bands`. */
export function anyIn(facts: RuleFacts, bands: readonly BandStatus[]): boolean {
  return facts.possible.some((band) => bands.includes(band));
}

/** The outcome of a rule list: matched content in rule order, the suppressed ids, citations. */
export interface RuleOutcome<Content> {
  readonly shown: ReadonlyArray<{ readonly id: string; readonly content: Content }>;
  readonly suppressed: ReadonlySet<string>;
  readonly citationIds: readonly string[];
}

/**
 * Evaluates rules on facts. Content of a matching rule whose id is suppressed is dropped.
 * @param rules - the rules, in display order
 * @param facts - the facts
 * @returns what to show, what is suppressed and the citations of the shown rules
 */
export function applyRules<Content>(
  rules: ReadonlyArray<SafetyRule<Content>>,
  facts: RuleFacts,
): RuleOutcome<Content> {
  const matched = rules.filter((rule) => rule.when(facts));
  const suppressed = new Set(matched.flatMap((rule) => rule.suppresses ?? []));
  const shown: Array<{ id: string; content: Content }> = [];
  const citationIds = new Set<string>();
  for (const rule of matched) {
    if (rule.shows === undefined || suppressed.has(rule.id)) continue;
    shown.push({ id: rule.id, content: rule.shows });
    for (const id of rule.citationIds) citationIds.add(id);
  }
  return { shown, suppressed, citationIds: [...citationIds] };
}
