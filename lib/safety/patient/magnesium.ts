/** Patient rules of a magnesium result (sections 8.2, 8.3). */
import type { RuleFacts, SafetyRule } from '../rule';
import { foodsId, has, high, is, lowDeficient, unclear } from './facts';
import type { PatientPlace } from './facts';

export const MAGNESIUM_PATIENT_RULES = [
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
] as const satisfies ReadonlyArray<SafetyRule<PatientPlace>>;
