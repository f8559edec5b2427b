import { formatCutoffRange } from '../cutoff-text';
import { RULE_SET_NAMES_FROM_CUTOFFS } from '../rule-set-names';
import type { Analyte } from '../types';

/**
 * Serum magnesium. Data only.
 *
 * Upper limit: the clinical reference pairs 1.05 mmol/L with 2.6 mg/dL, but 2.6 mg/dL is
 * 1.07 mmol/L (2.6 x 0.4114); the two differ by 1.9%. The MSD Manual gives the normal range as
 * 1.8-2.6 mg/dL (0.74-1.07 mmol/L), so we use 2.6 mg/dL = 1.07 mmol/L as the consistent pair.
 * Critical limits are published in mmol/L only and converted: they are lab-specific.
 */
/** mg/dL x this = mmol/L: 10 dL/L over the molar mass below, as published. */
const MG_DL_TO_MMOL_L = 0.4114;
/** Molar mass of magnesium, g/mol. */
const MOLAR_MASS_MG = 24.305;
/** Charge of Mg2+: 1 mmol/L = this many meq/L. (UCUM's generic eq = mol ignores valence.) */
const MG_VALENCE = 2;
/** Rosanoff 2022's proposed lower limit of "sufficient". */
const ROSANOFF_SUFFICIENT_FROM = { 'mmol/L': 0.85, 'mg/dL': 2.07 } as const;

/** What both magnesium rule sets share: they differ only in the lower edge of "sufficient". */
const MG_SHARED = {
  analyte: 'magnesium',
  deficientBelow: { 'mmol/L': 0.7, 'mg/dL': 1.7 },
  upperLimit: { 'mmol/L': 1.07, 'mg/dL': 2.6 },
  criticalBelow: { 'mmol/L': 0.5 },
  criticalAbove: { 'mmol/L': 2.0 },
  criticalNeedsLocalCheck: true,
  upperLimitMeaning: 'Above the upper limit: hypermagnesaemia.',
  // The 1%-of-body-magnesium caveat is the analyte's notice, shown with every result; the
  // critical limits' lab-specific caveat is part of the critical-limits sentence (cutoffs).
  caveats: [],
} as const;

/** "0.70-0.85 mmol/L": the proposed band, two decimals as the clinical reference labels it. */
const ROSANOFF_BAND_TEXT = formatCutoffRange(
  MG_SHARED.deficientBelow['mmol/L'],
  ROSANOFF_SUFFICIENT_FROM['mmol/L'],
  'mmol/L',
  2,
);

export const MAGNESIUM = {
  id: 'magnesium',
  name: 'Magnesium (serum)',
  shortName: 'Magnesium',
  baseUnit: 'mmol/L',
  defaultUnit: 'mg/dL',
  statusLabels: { insufficient: 'Insufficient (proposed band)' },
  units: [
    {
      code: 'mmol/L',
      toBase: 1,
      displayDecimals: 2,
      basis: 'base unit',
      citationIds: ['ucum-molar-mass-mg'],
      loinc: '2601-3',
    },
    {
      code: 'mg/dL',
      toBase: MG_DL_TO_MMOL_L,
      displayDecimals: 2,
      basis: `mg/dL x ${MG_DL_TO_MMOL_L} = mmol/L (Mg ${MOLAR_MASS_MG} g/mol)`,
      citationIds: ['ucum-molar-mass-mg'],
      loinc: '19123-9',
    },
    {
      code: 'meq/L',
      toBase: 1 / MG_VALENCE,
      displayDecimals: 2,
      basis: `mmol/L x ${MG_VALENCE} = meq/L (valence ${MG_VALENCE})`,
      citationIds: ['ucum-molar-mass-mg'],
      loinc: '2601-3',
    },
  ],
  loincCodes: [
    { code: '19123-9', display: 'Magnesium [Mass/volume] in Serum or Plasma', unit: 'mg/dL' },
    { code: '2601-3', display: 'Magnesium [Moles/volume] in Serum or Plasma', unit: 'mmol/L' },
  ],
  ruleSets: [
    {
      ...MG_SHARED,
      id: 'mg-rosanoff-2022',
      // "Rosanoff 2022 (proposed lower limit 0.85 mmol/L)", in the published unit.
      name: RULE_SET_NAMES_FROM_CUTOFFS['mg-rosanoff-2022']({
        deficientBelow: MG_SHARED.deficientBelow['mmol/L'],
        sufficientFrom: ROSANOFF_SUFFICIENT_FROM['mmol/L'],
        unit: 'mmol/L',
      }),
      isDefault: true,
      sufficientFrom: ROSANOFF_SUFFICIENT_FROM,
      bandNotes: {
        insufficient: `Proposed, not yet standard practice (${ROSANOFF_BAND_TEXT}).`,
      },
      citationIds: ['rosanoff-2022', 'costello-2016', 'msd-hypermagnesemia'],
    },
    {
      ...MG_SHARED,
      id: 'mg-conventional',
      name: 'Conventional reference interval',
      isDefault: false,
      // Same as the lower limit: this rule set has no insufficient band.
      sufficientFrom: { 'mmol/L': 0.7, 'mg/dL': 1.7 },
      bandNotes: {},
      citationIds: ['msd-hypomagnesemia', 'msd-hypermagnesemia', 'rcpa-aacb-harmonised'],
    },
  ],
  plausibility: {
    hardStopAbove: { value: 10, unit: 'mmol/L' },
    // The reference gives no usual lower limit of the assay; above about 5 mg/dL needs dilution.
    assayRange: { high: 5, unit: 'mg/dL' },
    unitMixups: [
      { unit: 'mmol/L', above: 5, likelyUnits: ['mg/dL', 'meq/L'] },
      { unit: 'mmol/L', within: { low: 1.4, high: 3 }, likelyUnits: ['mg/dL', 'meq/L'] },
      // The other direction (design rule, not a guideline fact): an mmol/L value (usually
      // 0.5-1.0) left in mg/dL or meq/L reads as a critical low. The window stops below 1.0 so a
      // lab's own censored "<1.0 mg/dL" is not taken for a mix-up.
      { unit: 'mg/dL', within: { low: 0.3, high: 0.99 }, likelyUnits: ['mmol/L'] },
      { unit: 'meq/L', within: { low: 0.3, high: 0.99 }, likelyUnits: ['mmol/L'] },
    ],
  },
  backPain: {
    summaryByStatus: {
      deficient:
        'Deficient: worth replacing for muscle and heart health, though evidence that it relieves back pain is limited.',
      insufficient:
        'Proposed low-normal band: depletion is possible but unlikely to explain the pain on its own.',
      sufficient:
        'Serum magnesium is normal; this does not rule out total-body depletion, but magnesium is unlikely to explain the pain.',
      high: 'A high magnesium does not help back pain; look for kidney disease or magnesium-containing medicines.',
      indeterminate: 'A censored result: the findings below cover every band it could be in.',
    },
    statements: [
      {
        id: 'mg-excitability',
        claim:
          'Low magnesium raises muscle excitability (cramps, spasm); low magnesium often comes with low potassium and calcium.',
        strength: 'established-physiology',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['msd-hypomagnesemia'],
      },
      {
        id: 'mg-iv-rct',
        claim:
          'IV then oral magnesium reduced chronic low back pain with a neuropathic component in one trial of 80 patients (IV dosing).',
        strength: 'single-small-rct',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['yousef-2013'],
      },
      {
        id: 'mg-normal-no-evidence',
        claim:
          'There is no evidence that an extra magnesium supplement helps back pain when the level is normal.',
        strength: 'no-evidence',
        relevantFor: ['sufficient', 'high'],
        citationIds: ['ods-magnesium'],
      },
      {
        id: 'mg-cramps-null',
        claim:
          'Magnesium is unlikely to prevent idiopathic muscle cramps in older adults; evidence for cramps in pregnancy conflicts.',
        strength: 'systematic-review-null',
        relevantFor: [],
        citationIds: ['garrison-2020'],
      },
    ],
  },
  nextSteps: [
    {
      id: 'mg-deficient-k-ca',
      status: 'deficient',
      text: 'Check potassium and calcium (both often low and refractory until magnesium is replaced); ECG if severe.',
      citationIds: ['msd-hypomagnesemia'],
    },
    {
      id: 'mg-insufficient-diet',
      status: 'insufficient',
      text: 'Consider dietary magnesium and a repeat level; look for causes such as diuretics, PPIs or alcohol if symptoms fit.',
      citationIds: ['rosanoff-2022', 'msd-hypomagnesemia'],
    },
    {
      id: 'mg-sufficient-none',
      status: 'sufficient',
      text: 'No action for magnesium unless symptoms strongly suggest depletion.',
      reassuring: true,
      citationIds: ['msd-hypomagnesemia'],
    },
    {
      id: 'mg-high-kidney',
      status: 'high',
      text: 'Check kidney function (renal failure is the main cause) and review magnesium-containing antacids, laxatives and supplements. An ECG is not routine for a mildly high level.',
      citationIds: ['msd-hypermagnesemia'],
    },
  ],
  contextNotes: [
    {
      id: 'mg-ppi',
      context: 'ppi',
      text: 'Proton-pump inhibitor use for over a year can cause low magnesium.',
      citationIds: ['fda-ppi-2011'],
    },
    {
      id: 'mg-ckd',
      context: 'ckd',
      direction: 'not-low',
      text: 'Chronic kidney disease raises serum magnesium: high values are common and need kidney-aware interpretation.',
      citationIds: ['msd-hypermagnesemia'],
    },
    {
      id: 'mg-ckd-low',
      context: 'ckd',
      direction: 'low',
      text: 'Chronic kidney disease lowers magnesium excretion: replacement can overshoot, so recheck the level after any dose.',
      citationIds: ['ods-magnesium'],
    },
    {
      id: 'mg-pregnancy-high',
      context: 'pregnancy',
      direction: 'high',
      text: 'In pregnancy a high magnesium is most often from magnesium sulfate treatment.',
      citationIds: ['msd-hypermagnesemia'],
    },
  ],
  notices: [
    {
      id: 'mg-serum-fraction',
      text: 'Serum holds about 1% of body magnesium: a normal value does not rule out depletion.',
      citationIds: ['msd-hypomagnesemia'],
    },
  ],
  citationIds: ['rosanoff-2022', 'costello-2016', 'msd-hypomagnesemia', 'msd-hypermagnesemia'],
} as const satisfies Analyte;
