/** Clinician-facing labels of statuses and evidence strengths, shared by results and references. */
import type { EvidenceStrength, Status } from '../types';

/** Clinician-facing labels of the evidence strengths. */
export const EVIDENCE_STRENGTH_LABELS: Readonly<Record<EvidenceStrength, string>> = {
  'established-mechanism': 'Established mechanism',
  'established-physiology': 'Established physiology',
  observational: 'Observational studies',
  'weak-correlation': 'Small study, weak correlation',
  'single-small-rct': 'One small trial',
  'small-rcts': 'Two small trials',
  'systematic-review-null': 'Systematic review: no benefit shown',
  'observational-null': 'Observational cohort: no association',
  'no-evidence': 'No evidence of benefit',
};

/** Clinician-facing status labels (analytes may refine them, e.g. B12 "borderline"). */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  deficient: 'Deficient',
  insufficient: 'Insufficient',
  sufficient: 'Sufficient',
  high: 'High',
  indeterminate: 'Indeterminate',
};
