/** Patient rules of a vitamin D result (sections 8.2, 8.3). */
import type { RuleFacts, SafetyRule } from '../rule';
import { foodsId, habitId, has, high, is, low, lowDeficient, unclear } from './facts';
import type { PatientPlace } from './facts';

export const VITAMIN_D_PATIENT_RULES = [
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
] as const satisfies ReadonlyArray<SafetyRule<PatientPlace>>;
