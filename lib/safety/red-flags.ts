/**
 * Back-pain red flags for the clinician screen (clinical reference, section 8.1): one block per
 * screen, not per card. The patient wording lives with the handout (lib/safety/patient*.ts).
 */
import type { ContextFlag } from '../types';

/** How soon a red flag needs assessment. */
export type RedFlagUrgency = 'emergency' | 'same-day' | 'soon';

/** One red flag, with what it suggests and how soon to act. */
export interface ClinicianRedFlag {
  readonly id: string;
  readonly urgency: RedFlagUrgency;
  readonly text: string;
  /** Shown only when this context flag is ticked. */
  readonly context?: ContextFlag;
  readonly citationIds: readonly string[];
}

/** Heading and urgency wording of the block. */
export const RED_FLAG_LABELS = {
  heading: 'Back-pain red flags: ask before attributing symptoms to a lab result',
  urgency: {
    emergency: 'Emergency now',
    'same-day': 'Same day',
    soon: 'Soon',
  },
} as const satisfies {
  heading: string;
  urgency: Readonly<Record<RedFlagUrgency, string>>;
};

/** The clinician red flags, most urgent first. */
export const CLINICIAN_RED_FLAGS: readonly ClinicianRedFlag[] = [
  {
    id: 'cauda-equina',
    urgency: 'emergency',
    text: 'New urinary retention or incontinence, faecal incontinence, saddle anaesthesia, or progressive or bilateral leg weakness: possible cauda equina syndrome; emergency assessment and MRI.',
    citationIds: ['nice-ng59', 'girft-ces-2023'],
  },
  {
    id: 'infection',
    urgency: 'same-day',
    text: 'Fever or systemic illness with back pain: consider spinal infection.',
    citationIds: ['nice-ng59', 'qaseem-2017'],
  },
  {
    id: 'fracture',
    urgency: 'same-day',
    text: 'Trauma, especially over 50, with osteoporosis or with steroid use: consider a vertebral fracture.',
    citationIds: ['nice-ng59', 'qaseem-2017'],
  },
  {
    id: 'malignancy',
    urgency: 'soon',
    text: 'Unexplained weight loss, a history of cancer, or night pain not eased by rest: consider malignancy.',
    citationIds: ['nice-ng59', 'qaseem-2017'],
  },
  {
    id: 'pregnancy',
    urgency: 'emergency',
    context: 'pregnancy',
    text: 'Pregnancy: back pain with bleeding, leaking fluid, regular cramping, fever or dysuria needs the maternity unit now (possible preterm labour or infection).',
    citationIds: ['acog-preterm-labor'],
  },
];

/**
 * The red flags for a panel: the general ones, plus those of the ticked context.
 * @param context - the panel's ticked context flags
 * @returns the red flags to show, most urgent first within the general list
 */
export function clinicianRedFlags(context: readonly ContextFlag[]): readonly ClinicianRedFlag[] {
  return CLINICIAN_RED_FLAGS.filter(
    (flag) => flag.context === undefined || context.includes(flag.context),
  );
}
