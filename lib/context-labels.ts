import type { ContextFlag } from './types';

/**
 * Clinician-facing labels of the context checkboxes on the entry form, one per
 * {@link ContextFlag}. The notes each flag adds live with the analyte data; these are only the
 * short labels of the boxes the clinician ticks.
 */
export const CONTEXT_LABELS: Readonly<Record<ContextFlag, string>> = {
  metformin: 'Takes metformin',
  ppi: 'Proton-pump inhibitor for more than 1 year',
  ckd: 'Chronic kidney disease',
  pregnancy: 'Pregnant',
  'age-65-plus': 'Aged 65 or older',
  biotin: 'Takes biotin supplements',
  'recent-b12-injection': 'Vitamin B12 injection in the last 2 weeks',
};
