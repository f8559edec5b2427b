/**
 * What the patient rules are written in: where a sentence goes, the predicates over a result's
 * facts, and the ids of the lists a rule can leave out.
 */
import type { AnalyteId, ContextFlag } from '../../types';
import { allIn, anyIn } from '../rule';
import type { RuleFacts } from '../rule';

/**
 * Where a rule's sentence goes: a block of the test's section (`doNow`, `suggest`, `foods`,
 * `goodToKnow`), the notes about the whole handout (`panel`, shown once), a note under the groups
 * of the red-flag box (`redFlags`), or the lead of a "call 911" group of that box whose symptoms
 * are named in `EMERGENCY_SYMPTOMS` of lib/safety/patient-rules.ts (`emergency`).
 */
export type PatientPlace =
  'doNow' | 'suggest' | 'foods' | 'goodToKnow' | 'panel' | 'redFlags' | 'emergency';

/** The result is of this test. */
export const is = (facts: RuleFacts, analyte: AnalyteId): boolean => facts.analyte === analyte;
/** This context flag is ticked. */
export const has = (facts: RuleFacts, flag: ContextFlag): boolean => facts.context.includes(flag);
/** Low whichever band it is in (a censored "<25 ng/mL" too). */
export const low = (facts: RuleFacts): boolean => allIn(facts, ['deficient', 'insufficient']);
/** Low, and possibly deficient: the treatment content applies. */
export const lowDeficient = (facts: RuleFacts): boolean =>
  low(facts) && anyIn(facts, ['deficient']);
/** Higher than needed, or critically high. */
export const high = (facts: RuleFacts): boolean =>
  facts.status === 'high' || facts.critical === 'high';
/** Indeterminate and not certainly low: only a new test can say. */
export const unclear = (facts: RuleFacts): boolean =>
  facts.status === 'indeterminate' && !low(facts);

/** Suppression id of a test's food list. */
export const foodsId = (analyte: AnalyteId): string => `foods:${analyte}`;
/** Suppression id of a general habit. */
export const habitId = (habit: string): string => `habit:${habit}`;

/** The food lists of all three tests. */
export const ALL_FOODS = [foodsId('vitamin-d'), foodsId('vitamin-b12'), foodsId('magnesium')];
