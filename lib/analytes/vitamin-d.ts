import { formatCutoff, formatCutoffQuantity } from '../cutoff-text';
import type { Analyte } from '../types';

/** ng/mL x this = nmol/L (as published; from the molar mass below). */
const NG_ML_TO_NMOL_L = 2.496;
/** Molar mass of 25-hydroxyvitamin D3, g/mol. */
const MOLAR_MASS_25OHD3 = 400.65;
/** Above this the 25(OH)D level is in the toxicity range (both rule sets flag it as critical). */
const TOXIC_ABOVE = { 'ng/mL': 150, 'nmol/L': 375 } as const;
/** The Institute of Medicine's cut-offs, named because its caveat states them in words. */
const IOM_DEFICIENT_BELOW = { 'ng/mL': 12, 'nmol/L': 30 } as const;
const IOM_SUFFICIENT_FROM = { 'ng/mL': 20, 'nmol/L': 50 } as const;

/**
 * Serum 25-hydroxyvitamin D, total (D2 + D3). Data only: units, rule sets, plausibility,
 * back-pain evidence, next steps and context notes, each with its citation ids.
 */
export const VITAMIN_D = {
  id: 'vitamin-d',
  name: 'Vitamin D (25-hydroxyvitamin D, total)',
  shortName: 'Vitamin D',
  baseUnit: 'ng/mL',
  defaultUnit: 'ng/mL',
  statusLabels: {},
  units: [
    {
      code: 'ng/mL',
      toBase: 1,
      displayDecimals: 1,
      basis: 'base unit',
      citationIds: ['holick-2011'],
      loinc: '62292-8',
    },
    {
      code: 'ug/L',
      toBase: 1,
      displayDecimals: 1,
      basis: '1 ug/L = 1 ng/mL (same mass per volume)',
      citationIds: ['holick-2011'],
      loinc: '62292-8',
    },
    {
      code: 'nmol/L',
      toBase: 1 / NG_ML_TO_NMOL_L,
      displayDecimals: 0,
      basis: `ng/mL x ${NG_ML_TO_NMOL_L} = nmol/L (25(OH)D3 molar mass ${MOLAR_MASS_25OHD3} g/mol)`,
      citationIds: ['ucum-molar-mass-vitd'],
      loinc: '14635-7',
    },
  ],
  loincCodes: [
    {
      code: '62292-8',
      display: '25-hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma',
      unit: 'ng/mL',
    },
    {
      code: '14635-7',
      display: '25-hydroxyvitamin D3 [Moles/volume] in Serum or Plasma',
      unit: 'nmol/L',
      warn: 'vitamin-d3-only-code',
    },
    {
      code: '1989-3',
      display: '25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma',
      unit: 'ng/mL',
      warn: 'vitamin-d3-only-code',
    },
  ],
  ruleSets: [
    {
      id: 'endocrine-society-2011',
      analyte: 'vitamin-d',
      name: 'Endocrine Society 2011',
      isDefault: true,
      deficientBelow: { 'ng/mL': 20, 'nmol/L': 50 },
      sufficientFrom: { 'ng/mL': 30, 'nmol/L': 75 },
      upperLimit: { 'ng/mL': 100, 'nmol/L': 250 },
      criticalAbove: TOXIC_ABOVE,
      criticalNeedsLocalCheck: false,
      upperLimitMeaning: 'Above the upper limit: possible toxicity (many US labs flag it).',
      caveats: [
        'The 2011 cut-offs target people at risk of deficiency; they are not a screening threshold.',
      ],
      bandNotes: {
        high: `Above ${TOXIC_ABOVE['ng/mL']} ng/mL (${TOXIC_ABOVE['nmol/L']} nmol/L) is the toxicity range.`,
      },
      citationIds: ['holick-2011', 'marcinowska-2018'],
    },
    {
      id: 'iom-2011',
      analyte: 'vitamin-d',
      name: 'Institute of Medicine 2011',
      isDefault: false,
      deficientBelow: IOM_DEFICIENT_BELOW,
      sufficientFrom: IOM_SUFFICIENT_FROM,
      upperLimit: { 'ng/mL': 50, 'nmol/L': 125 },
      criticalAbove: TOXIC_ABOVE,
      criticalNeedsLocalCheck: false,
      upperLimitMeaning: 'Above the upper limit "may be reason for concern" (IOM).',
      caveats: [
        `IOM: below ${formatCutoffQuantity(IOM_DEFICIENT_BELOW['ng/mL'], 'ng/mL')} is at risk of deficiency; ${formatCutoff(IOM_DEFICIENT_BELOW['ng/mL'])} to ${formatCutoffQuantity(IOM_SUFFICIENT_FROM['ng/mL'], 'ng/mL')} is at risk of inadequacy for some people.`,
      ],
      bandNotes: {},
      citationIds: ['iom-2011', 'ross-2011', 'marcinowska-2018'],
    },
  ],
  plausibility: {
    hardStopAbove: { value: 1000, unit: 'ng/mL' },
    assayRange: { low: 4, high: 150, unit: 'ng/mL' },
    unitMixups: [
      { unit: 'ng/mL', above: 200, likelyUnits: ['nmol/L'] },
      { unit: 'ug/L', above: 200, likelyUnits: ['nmol/L'] },
      // The other direction (design rule): below 10 nmol/L (4 ng/mL, under usual assay ranges) an
      // ng/mL value was probably left in nmol/L.
      { unit: 'nmol/L', below: 10, likelyUnits: ['ng/mL', 'ug/L'] },
    ],
  },
  backPain: {
    summaryByStatus: {
      deficient:
        'Deficient: correcting it is worthwhile for bone health, but supplements have not been shown to relieve back pain itself.',
      insufficient: 'Mildly low: unlikely to explain the back pain on its own.',
      sufficient: 'Vitamin D status is unlikely to explain the back pain.',
      high: 'A high level does not help back pain; check for toxicity (hypercalcaemia) and review supplement doses.',
      indeterminate: 'A censored result: the findings below cover every band it could be in.',
    },
    statements: [
      {
        id: 'vd-osteomalacia',
        claim:
          'Severe deficiency causes osteomalacia: symmetric low back pain, bone tenderness and proximal weakness, mostly below about 10-12 ng/mL.',
        strength: 'established-mechanism',
        relevantFor: ['deficient'],
        citationIds: ['bordelon-2009'],
      },
      {
        id: 'vd-prevalence',
        claim:
          'Low levels are common in chronic low back pain (83% of 360 patients in one series; pooled prevalence 0.72).',
        strength: 'observational',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['al-faraj-2003', 'bansal-2018'],
      },
      {
        id: 'vd-pain-correlation',
        claim:
          'Lower levels go with slightly worse pain (r = -0.27 with VAS) in a small case-control study.',
        strength: 'weak-correlation',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['pishgahi-2019'],
      },
      {
        id: 'vd-supplement-null',
        claim: 'Supplementing does not reliably reduce back pain (8 trials of very low quality).',
        strength: 'systematic-review-null',
        relevantFor: [],
        citationIds: ['zadro-2018'],
      },
      {
        id: 'vd-uk-biobank-null',
        claim:
          'Neither the 25(OH)D level nor vitamin D supplement use was associated with low back pain in 135,934 UK Biobank participants.',
        strength: 'observational-null',
        relevantFor: [],
        citationIds: ['uk-biobank-2024'],
      },
    ],
  },
  nextSteps: [
    {
      id: 'vd-deficient-bone-workup',
      status: 'deficient',
      text: 'Check calcium, phosphate, alkaline phosphatase and PTH, especially below 12 ng/mL or with bone pain (osteomalacia, secondary hyperparathyroidism).',
      citationIds: ['bordelon-2009', 'al-faraj-2003'],
    },
    {
      id: 'vd-insufficient-no-routine-retest',
      status: 'insufficient',
      text: 'No further tests needed for this result; the 2024 Endocrine Society guideline advises against routine retesting in healthy adults.',
      reassuring: true,
      citationIds: ['demay-2024'],
    },
    {
      id: 'vd-sufficient-none',
      status: 'sufficient',
      text: 'No action for vitamin D; look for other causes of the back pain.',
      reassuring: true,
      citationIds: ['holick-2011'],
    },
    {
      id: 'vd-high-calcium',
      status: 'high',
      text: 'Check serum calcium (toxicity shows as hypercalcaemia) and review supplement doses.',
      citationIds: ['marcinowska-2018'],
    },
  ],
  contextNotes: [
    {
      id: 'vd-ckd',
      context: 'ckd',
      text: 'Chronic kidney disease: 25(OH)D is often low; correct deficiency as in the general population and watch calcium and phosphate.',
      citationIds: ['kdigo-2017'],
    },
    {
      id: 'vd-pregnancy',
      context: 'pregnancy',
      direction: 'normal',
      text: 'Pregnancy: supplementing vitamin D is advised (Endocrine Society 2024), at the usual dose.',
      citationIds: ['demay-2024'],
    },
    {
      id: 'vd-pregnancy-low',
      context: 'pregnancy',
      direction: 'low',
      text: 'Pregnancy: supplementing vitamin D is advised (Endocrine Society 2024); a low level adds to the reason.',
      citationIds: ['demay-2024'],
    },
  ],
  notices: [
    {
      id: 'vd-endocrine-society-2024',
      text: 'The Endocrine Society 2024 guideline no longer endorses any 25(OH)D cut-off for sufficiency and advises against routine testing in healthy adults.',
      citationIds: ['demay-2024'],
    },
  ],
  citationIds: ['holick-2011', 'iom-2011', 'demay-2024'],
} as const satisfies Analyte;
