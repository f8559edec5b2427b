/** Patient rules shown once per handout, whatever the test: medicines, kidneys, pregnancy. */
import type { RuleFacts, SafetyRule } from '../rule';
import { ALL_FOODS, habitId, has } from './facts';
import type { PatientPlace } from './facts';

export const PANEL_PATIENT_RULES = [
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
