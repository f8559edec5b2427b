/**
 * The patient handout's safety rules (clinical reference, section 8): which sentences a handout
 * shows, and which lists it leaves out, as a function of one result and the panel's context.
 * Each rule's sentence lives in the language files (lib/handout/text/en.ts, es.ts) under the
 * rule's id, so the wording is data and the conditions are here, once, with their citations.
 */
import type { AnalyteId, ContextFlag } from '../types';
import { allIn, anyIn } from './rule';
import type { RuleFacts, SafetyRule } from './rule';

/**
 * Where a rule's sentence goes: a block of the test's section (`doNow`, `suggest`, `foods`,
 * `goodToKnow`), the notes about the whole handout (`panel`, shown once), a note under the groups
 * of the red-flag box (`redFlags`), or the lead of a "call 911" group of that box whose symptoms
 * are named in {@link EMERGENCY_SYMPTOMS} (`emergency`).
 */
export type PatientPlace =
  'doNow' | 'suggest' | 'foods' | 'goodToKnow' | 'panel' | 'redFlags' | 'emergency';

const is = (facts: RuleFacts, analyte: AnalyteId): boolean => facts.analyte === analyte;
const has = (facts: RuleFacts, flag: ContextFlag): boolean => facts.context.includes(flag);
/** Low whichever band it is in (a censored "<25 ng/mL" too). */
const low = (facts: RuleFacts): boolean => allIn(facts, ['deficient', 'insufficient']);
/** Low, and possibly deficient: the treatment content applies. */
const lowDeficient = (facts: RuleFacts): boolean => low(facts) && anyIn(facts, ['deficient']);
/** Higher than needed, or critically high. */
const high = (facts: RuleFacts): boolean => facts.status === 'high' || facts.critical === 'high';
/** Indeterminate and not certainly low: only a new test can say. */
const unclear = (facts: RuleFacts): boolean => facts.status === 'indeterminate' && !low(facts);

/** Suppression id of a test's food list. */
export const foodsId = (analyte: AnalyteId): string => `foods:${analyte}`;
/** Suppression id of a general habit. */
export const habitId = (habit: string): string => `habit:${habit}`;

const ALL_FOODS = [foodsId('vitamin-d'), foodsId('vitamin-b12'), foodsId('magnesium')];

/**
 * The rules, in reading order within each place. `shows` is the place of the rule's sentence.
 * Suppression ids: another rule's id, `foods:<analyte>` or `habit:<habit id>`.
 */
export const PATIENT_RULES = [
  // Vitamin D (8.2, 8.3): high or critical keeps both stop lines and drops calcium advice.
  {
    id: 'vd-stop-pills',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && high(f),
    shows: 'doNow',
    suppresses: [foodsId('vitamin-d'), habitId('calcium')],
    citationIds: ['holick-2011', 'ods-vitamin-d'],
  },
  {
    // High but not critical (8.2: "vitamin D critical, or high with symptoms"): the signs of high
    // calcium that mean 911, in the red-flag box; a critical result has them in its own box.
    id: 'vd-high-symptoms',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && high(f) && f.critical !== 'high',
    shows: 'emergency',
    citationIds: ['ods-vitamin-d', 'marcinowska-2018'],
  },
  {
    id: 'vd-no-extra',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && high(f),
    shows: 'doNow',
    citationIds: ['marcinowska-2018'],
  },
  {
    id: 'vd-bone-tests',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['bordelon-2009'],
  },
  {
    id: 'vd-pills',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['holick-2011'],
  },
  {
    id: 'vd-food-sun-or-pill',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && f.status === 'insufficient',
    shows: 'suggest',
    citationIds: ['holick-2011'],
  },
  {
    id: 'vd-ceiling',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && low(f),
    shows: 'suggest',
    citationIds: ['iom-2011'],
  },
  {
    id: 'vd-interactions',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && low(f),
    shows: 'suggest',
    citationIds: ['ods-vitamin-d', 'msd-hypomagnesemia'],
  },
  {
    id: 'vd-no-change',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && f.status === 'sufficient',
    shows: 'suggest',
    citationIds: ['holick-2011'],
  },
  {
    id: 'vd-calcium-test',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && high(f),
    shows: 'suggest',
    citationIds: ['marcinowska-2018'],
  },
  {
    id: 'vd-new-test',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && unclear(f),
    shows: 'suggest',
    citationIds: [],
  },
  {
    id: 'vd-foods-high',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && high(f),
    shows: 'foods',
    citationIds: ['ods-vitamin-d'],
  },
  {
    id: 'vd-ckd',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && has(f, 'ckd') && low(f),
    shows: 'goodToKnow',
    citationIds: ['kdigo-2017'],
  },
  {
    id: 'vd-pregnancy',
    when: (f: RuleFacts) => is(f, 'vitamin-d') && has(f, 'pregnancy') && !high(f),
    shows: 'goodToKnow',
    citationIds: ['demay-2024'],
  },
  // Vitamin B12.
  {
    id: 'b12-shots-or-pills',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['langan-2017', 'devalia-2014'],
  },
  {
    id: 'b12-blood-count',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['devalia-2014'],
  },
  {
    id: 'b12-one-more-test',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && f.status === 'insufficient',
    shows: 'suggest',
    citationIds: ['devalia-2014', 'langan-2017'],
  },
  {
    id: 'b12-no-change',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && f.status === 'sufficient',
    shows: 'suggest',
    citationIds: [],
  },
  {
    id: 'b12-high-tests',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && high(f),
    shows: 'suggest',
    citationIds: ['ermens-2003'],
  },
  {
    id: 'b12-new-test',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && unclear(f),
    shows: 'suggest',
    citationIds: [],
  },
  {
    id: 'b12-foods-high',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && high(f),
    shows: 'foods',
    suppresses: [foodsId('vitamin-b12')],
    citationIds: ['ermens-2003'],
  },
  {
    id: 'b12-food-may-not-fix',
    when: (f: RuleFacts) =>
      is(f, 'vitamin-b12') && low(f) && (has(f, 'metformin') || has(f, 'ppi')),
    shows: 'foods',
    citationIds: ['ada-standards', 'lam-2013'],
  },
  {
    id: 'b12-metformin',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && has(f, 'metformin') && !high(f),
    shows: 'goodToKnow',
    citationIds: ['ada-standards'],
  },
  {
    id: 'b12-ppi',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && has(f, 'ppi') && !high(f),
    shows: 'goodToKnow',
    citationIds: ['lam-2013'],
  },
  {
    id: 'b12-pregnancy',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && has(f, 'pregnancy') && !high(f),
    shows: 'goodToKnow',
    citationIds: ['devalia-2014'],
  },
  {
    // A shot raises serum B12: on a low result the level is low even so (8.3).
    id: 'b12-injection-low',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && has(f, 'recent-b12-injection') && low(f),
    shows: 'goodToKnow',
    citationIds: ['devalia-2014'],
  },
  {
    id: 'b12-injection-high',
    when: (f: RuleFacts) =>
      is(f, 'vitamin-b12') &&
      has(f, 'recent-b12-injection') &&
      (f.status === 'sufficient' || high(f)),
    shows: 'goodToKnow',
    citationIds: ['devalia-2014'],
  },
  {
    id: 'b12-injection-unclear',
    when: (f: RuleFacts) => is(f, 'vitamin-b12') && has(f, 'recent-b12-injection') && unclear(f),
    shows: 'goodToKnow',
    citationIds: ['devalia-2014'],
  },
  // Magnesium (8.2, 8.3): a critical low is for the clinician to treat today; kidney disease
  // never gets a magnesium pill, a food push or fluid advice.
  {
    id: 'mg-critical-low-decide',
    when: (f: RuleFacts) => is(f, 'magnesium') && f.critical === 'low',
    shows: 'doNow',
    // Treatment is the clinician's, today: no pill and no food list as the patient's next step.
    suppresses: [
      'mg-pills',
      'mg-side-effect',
      'mg-interactions-antibiotics',
      'mg-interactions-other',
      foodsId('magnesium'),
    ],
    citationIds: ['msd-hypomagnesemia'],
  },
  {
    id: 'mg-ckd-no-pills',
    when: (f: RuleFacts) => is(f, 'magnesium') && has(f, 'ckd'),
    shows: 'doNow',
    suppresses: [
      'mg-stop-high',
      'mg-pills',
      'mg-side-effect',
      'mg-interactions-antibiotics',
      'mg-interactions-other',
    ],
    citationIds: ['ods-magnesium', 'msd-hypomagnesemia'],
  },
  {
    id: 'mg-stop-high',
    when: (f: RuleFacts) => is(f, 'magnesium') && high(f),
    shows: 'doNow',
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-pills',
    when: (f: RuleFacts) => is(f, 'magnesium') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['msd-hypomagnesemia'],
  },
  {
    id: 'mg-interactions-antibiotics',
    when: (f: RuleFacts) => is(f, 'magnesium') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['ods-magnesium'],
  },
  {
    id: 'mg-interactions-other',
    when: (f: RuleFacts) => is(f, 'magnesium') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['ods-magnesium', 'levothyroxine-pi'],
  },
  {
    id: 'mg-side-effect',
    when: (f: RuleFacts) => is(f, 'magnesium') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['ods-magnesium'],
  },
  {
    id: 'mg-potassium-calcium',
    when: (f: RuleFacts) => is(f, 'magnesium') && lowDeficient(f),
    shows: 'suggest',
    citationIds: ['msd-hypomagnesemia'],
  },
  {
    id: 'mg-retest',
    when: (f: RuleFacts) => is(f, 'magnesium') && f.status === 'insufficient',
    shows: 'suggest',
    citationIds: ['rosanoff-2022'],
  },
  {
    id: 'mg-no-change',
    when: (f: RuleFacts) => is(f, 'magnesium') && f.status === 'sufficient',
    shows: 'suggest',
    citationIds: [],
  },
  {
    id: 'mg-kidney-test',
    when: (f: RuleFacts) => is(f, 'magnesium') && high(f),
    shows: 'suggest',
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-medicine-check',
    when: (f: RuleFacts) => is(f, 'magnesium') && high(f),
    shows: 'suggest',
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-new-test',
    when: (f: RuleFacts) => is(f, 'magnesium') && unclear(f),
    shows: 'suggest',
    citationIds: [],
  },
  {
    id: 'mg-foods-high',
    when: (f: RuleFacts) => is(f, 'magnesium') && high(f),
    shows: 'foods',
    suppresses: [foodsId('magnesium')],
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-ckd-high',
    when: (f: RuleFacts) =>
      is(f, 'magnesium') && has(f, 'ckd') && (high(f) || f.status === 'sufficient'),
    shows: 'goodToKnow',
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-ppi',
    when: (f: RuleFacts) => is(f, 'magnesium') && has(f, 'ppi') && !high(f),
    shows: 'goodToKnow',
    citationIds: ['fda-ppi-2011'],
  },
  {
    id: 'mg-pregnancy-high',
    when: (f: RuleFacts) => is(f, 'magnesium') && has(f, 'pregnancy') && high(f),
    shows: 'goodToKnow',
    citationIds: ['msd-hypermagnesemia'],
  },
  // Once per handout, whatever the test.
  {
    id: 'metformin-do-not-stop',
    when: (f: RuleFacts) => has(f, 'metformin'),
    shows: 'panel',
    citationIds: ['ada-standards'],
  },
  {
    id: 'ppi-do-not-stop',
    when: (f: RuleFacts) => has(f, 'ppi'),
    shows: 'panel',
    citationIds: ['fda-ppi-2011', 'lam-2013'],
  },
  {
    id: 'biotin',
    when: (f: RuleFacts) => has(f, 'biotin') && f.analyte !== 'magnesium',
    shows: 'panel',
    citationIds: ['fda-biotin-2017'],
  },
  {
    id: 'ckd-diet',
    when: (f: RuleFacts) => has(f, 'ckd'),
    shows: 'panel',
    // Cutting back on fast food is a change of diet too: that is the kidney team's call.
    suppresses: [...ALL_FOODS, habitId('calcium'), habitId('omega-3'), habitId('cut-processed')],
    citationIds: ['ods-magnesium', 'kdigo-2017'],
  },
  {
    id: 'pregnancy-fish',
    when: (f: RuleFacts) => has(f, 'pregnancy'),
    shows: 'panel',
    citationIds: ['fda-epa-fish-2021'],
  },
  {
    id: 'pregnancy-warning',
    when: (f: RuleFacts) => has(f, 'pregnancy'),
    shows: 'redFlags',
    citationIds: ['acog-preterm-labor'],
  },
] as const satisfies ReadonlyArray<SafetyRule<PatientPlace>>;

/** The id of one of {@link PATIENT_RULES}: the key of its sentence in each language file. */
export type PatientRuleId = (typeof PATIENT_RULES)[number]['id'];

/**
 * The symptom list under each `emergency` rule's lead: the same list a critical result of that
 * kind shows (the language files hold the symptoms once, by kind).
 */
export const EMERGENCY_SYMPTOMS = {
  'vd-high-symptoms': 'vitamin-d-high',
} as const satisfies Partial<Record<PatientRuleId, string>>;

/** The red-flag box is on every handout; these are its sources (section 8.1). */
export const RED_FLAG_CITATION_IDS = ['nice-ng59', 'qaseem-2017', 'girft-ces-2023'];

/** The "call 911" symptom lists of critical results (section 8.2), and their sources. */
export const CRITICAL_CITATION_IDS = [
  'ods-vitamin-d',
  'marcinowska-2018',
  'msd-hypermagnesemia',
  'msd-hypomagnesemia',
];

/**
 * Whole years from a birth date to a date, both YYYY-MM-DD (no clock: the caller passes the date).
 * @param birthDate - the birth date
 * @param onDate - the date the age is wanted at (the interpretation's asOf)
 * @returns the age in whole years, or null when either date is missing or malformed
 */
export function ageInYears(
  birthDate: string | undefined | null,
  onDate: string | undefined | null,
): number | null {
  const parse = (date: string | undefined | null) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const born = parse(birthDate);
  const on = parse(onDate);
  if (!born || !on) return null;
  const years = Number(on[1]) - Number(born[1]);
  const beforeBirthday = `${on[2]}-${on[3]}` < `${born[2]}-${born[3]}`;
  return Math.max(0, beforeBirthday ? years - 1 : years);
}

/** Age from which the handout is set in large print (clinical reference, section 7). */
export const LARGE_PRINT_AGE_YEARS = 65;
