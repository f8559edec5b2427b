/**
 * Clinician-card safety rules (clinical reference, section 8): what to do today for a critical
 * result, the anchoring warning beside B12 neuropathy, typical regimens and interactions. Data
 * only; the card renders the `safety` field of each result and nothing else.
 */
import type { SafetyKind } from '../types';
import { allIn, anyIn, applyRules } from './rule';
import type { RuleFacts, SafetyRule } from './rule';

/** What a clinician rule shows: one sentence (or two) of one kind. */
export interface ClinicianItem {
  readonly kind: SafetyKind;
  readonly text: string;
}

/** Headings of the safety kinds on the card. */
export const SAFETY_KIND_LABELS: Readonly<Record<SafetyKind, string>> = {
  today: 'What to do today',
  anchoring: 'Before attributing symptoms to this result',
  caution: 'Caution',
  regimen: 'Typical regimen per guideline; you decide',
  interaction: 'Interactions and limits',
};

const LOW = ['deficient', 'insufficient'] as const;

/** Every possible band is low, and deficient is one of them ("<25 ng/mL" under the default). */
function deficientForTreatment(facts: RuleFacts): boolean {
  return allIn(facts, LOW) && anyIn(facts, ['deficient']);
}

/** The clinician rules, in display order within each kind. */
export const CLINICIAN_RULES: ReadonlyArray<SafetyRule<ClinicianItem>> = [
  // 8.2 Critical results: what to do today.
  {
    id: 'vd-critical-today',
    when: (f) => f.analyte === 'vitamin-d' && f.critical === 'high',
    shows: {
      kind: 'today',
      text: 'Check serum calcium, phosphate and creatinine today. Stop vitamin D and calcium supplements.',
    },
    // The routine "check calcium, review doses" step says less than this: not shown as well.
    suppresses: ['vd-high-calcium'],
    citationIds: ['holick-2011', 'ods-vitamin-d', 'marcinowska-2018'],
  },
  {
    id: 'mg-critical-high-today',
    when: (f) => f.analyte === 'magnesium' && f.critical === 'high',
    shows: {
      kind: 'today',
      text: 'Stop magnesium-containing antacids, laxatives and supplements today. Check creatinine and calcium, and record an ECG.',
    },
    suppresses: ['mg-high-kidney'],
    citationIds: ['msd-hypermagnesemia'],
  },
  {
    id: 'mg-critical-low-today',
    when: (f) => f.analyte === 'magnesium' && f.critical === 'low',
    shows: {
      kind: 'today',
      text: 'Check potassium and calcium today and record an ECG. Replacement is usually intravenous below 0.5 mmol/L or with symptoms.',
    },
    suppresses: ['mg-deficient-k-ca'],
    citationIds: ['msd-hypomagnesemia'],
  },
  // 8.1 Anchoring: beside the B12 neuropathy text.
  {
    id: 'b12-anchoring',
    when: (f) => f.analyte === 'vitamin-b12' && anyIn(f, LOW),
    shows: {
      kind: 'anchoring',
      text: 'B12 neuropathy is usually symmetric and starts in the feet. A one-sided root deficit, saddle numbness or a bladder or bowel change is not explained by B12 and needs urgent assessment and imaging.',
    },
    citationIds: ['nice-ng59', 'stabler-2013'],
  },
  // 8.3 Cautions that change treatment.
  {
    id: 'mg-ckd-caution',
    when: (f) => f.analyte === 'magnesium' && f.context.includes('ckd') && anyIn(f, LOW),
    shows: {
      kind: 'caution',
      text: 'Chronic kidney disease: give oral magnesium only with caution and monitoring when eGFR is below 30, and never as self-started supplements.',
    },
    citationIds: ['msd-hypomagnesemia', 'ods-magnesium'],
  },
  // 8.4 Typical regimens (card only).
  {
    id: 'vd-regimen',
    when: (f) => f.analyte === 'vitamin-d' && deficientForTreatment(f),
    shows: {
      kind: 'regimen',
      text: 'Adults: 50,000 IU once a week for 8 weeks, or 6,000 IU a day, to reach a level above 30 ng/mL; then 1,500-2,000 IU a day. Obesity, malabsorption and some drugs need 2-3 times more.',
    },
    citationIds: ['holick-2011'],
  },
  {
    id: 'b12-regimen',
    when: (f) => f.analyte === 'vitamin-b12' && deficientForTreatment(f),
    shows: {
      kind: 'regimen',
      text: 'Oral 1,000-2,000 micrograms a day, or intramuscular 1,000 micrograms; use injections when there are neurological signs. Do not give folic acid alone before B12 is corrected.',
    },
    citationIds: ['langan-2017', 'devalia-2014'],
  },
  {
    id: 'mg-regimen',
    when: (f) => f.analyte === 'magnesium' && deficientForTreatment(f) && f.critical !== 'low',
    shows: {
      kind: 'regimen',
      text: 'Mild deficiency: oral magnesium salts in divided doses; intravenous below 0.5 mmol/L or with symptoms. Correct potassium and calcium too.',
    },
    citationIds: ['msd-hypomagnesemia'],
  },
  // 8.3 Interactions, wherever a supplement may be started or reviewed.
  {
    id: 'vd-interactions',
    when: (f) => f.analyte === 'vitamin-d' && !allIn(f, ['sufficient']),
    shows: {
      kind: 'interaction',
      text: 'Vitamin D with a thiazide diuretic or with calcium supplements can raise serum calcium; high calcium raises the risk of digoxin toxicity.',
    },
    citationIds: ['ods-vitamin-d'],
  },
  {
    id: 'vd-ceiling',
    when: (f) => f.analyte === 'vitamin-d' && anyIn(f, LOW),
    shows: {
      kind: 'interaction',
      text: 'Self-dosing above 4,000 IU (100 micrograms) a day exceeds the adult tolerable upper intake level: tell the patient not to unless you prescribe it.',
    },
    citationIds: ['iom-2011'],
  },
  {
    id: 'mg-interactions',
    when: (f) => f.analyte === 'magnesium' && anyIn(f, LOW) && f.critical !== 'high',
    shows: {
      kind: 'interaction',
      text: 'Take magnesium 2 hours before or 4-6 hours after tetracycline or quinolone antibiotics, at least 2 hours apart from bisphosphonates and 4 hours apart from levothyroxine. Diarrhoea is its common side effect.',
    },
    citationIds: ['ods-magnesium', 'levothyroxine-pi'],
  },
  {
    id: 'mg-digoxin',
    when: (f) => f.analyte === 'magnesium' && anyIn(f, LOW),
    shows: {
      kind: 'interaction',
      text: 'Low magnesium raises the risk of digoxin toxicity.',
    },
    citationIds: ['msd-hypomagnesemia'],
  },
];

/**
 * The clinician safety items of one result, in card order (by kind, then rule order), and the
 * ids of next steps they replace (a critical result's "today" block supersedes the band's
 * routine step, so the card does not say the same thing twice).
 * @param facts - the result's facts
 * @returns the items with their ids and citations, and the suppressed content ids
 */
export function clinicianSafety(facts: RuleFacts): {
  readonly items: ReadonlyArray<{
    readonly id: string;
    readonly kind: SafetyKind;
    readonly text: string;
    readonly citationIds: readonly string[];
  }>;
  readonly suppressed: ReadonlySet<string>;
} {
  const outcome = applyRules(CLINICIAN_RULES, facts);
  const order = Object.keys(SAFETY_KIND_LABELS);
  const citations = new Map(CLINICIAN_RULES.map((rule) => [rule.id, rule.citationIds]));
  // The rules are listed in kind order (a unit test checks it), so the sort below is a guard for
  // a rule added out of place and changes nothing today: its mutants are equivalent.
  // Stryker disable next-line ArrowFunction: the sort is a guard, see above
  const byKind = (a: ClinicianItem, b: ClinicianItem) =>
    // Stryker disable next-line ArithmeticOperator: the sort is a guard, see above
    order.indexOf(a.kind) - order.indexOf(b.kind);
  // Stryker disable next-line MethodExpression: the sort is a guard, see above
  const items = outcome.shown
    .map(({ id, content }) => ({
      id,
      kind: content.kind,
      text: content.text,
      // Stryker disable next-line ArrayDeclaration: every shown id is a rule's own id
      citationIds: citations.get(id) ?? [],
    }))
    .sort(byKind);
  return { items, suppressed: outcome.suppressed };
}
