/**
 * The patient handout's safety rules (clinical reference, section 8): which sentences a handout
 * shows, and which lists it leaves out, as a function of one result and the panel's context.
 * Each rule's sentence lives in the language files (lib/handout/text/en.ts, es.ts) under the
 * rule's id, so the wording is data and the conditions are in lib/safety/patient/ (one file per
 * test, and one for the whole handout), once, with their citations.
 */
import { MAGNESIUM_PATIENT_RULES } from './patient/magnesium';
import { PANEL_PATIENT_RULES } from './patient/panel';
import { VITAMIN_B12_PATIENT_RULES } from './patient/vitamin-b12';
import { VITAMIN_D_PATIENT_RULES } from './patient/vitamin-d';

export { foodsId, habitId } from './patient/facts';
export type { PatientPlace } from './patient/facts';

/** Every patient rule, in reading order within each place. */
export const PATIENT_RULES = [
  ...VITAMIN_D_PATIENT_RULES,
  ...VITAMIN_B12_PATIENT_RULES,
  ...MAGNESIUM_PATIENT_RULES,
  ...PANEL_PATIENT_RULES,
] as const;

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

/** Age from which the handout is set in large print (clinical reference, section 7). */
export const LARGE_PRINT_AGE_YEARS = 65;
