/** Patient rules of a vitamin B12 result (section 8.3): context notes by the direction of the result. */
import type { RuleFacts, SafetyRule } from '../rule';
import { foodsId, has, high, is, low, lowDeficient, unclear } from './facts';
import type { PatientPlace } from './facts';

export const VITAMIN_B12_PATIENT_RULES = [
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
] as const satisfies ReadonlyArray<SafetyRule<PatientPlace>>;
