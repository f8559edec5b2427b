import type { Analyte } from '../types';

/**
 * What the three B12 rule sets share: they differ only in the upper edge of the borderline band
 * (B), which laboratories set at 300, 350 or 400 pg/mL.
 */
const B12_SHARED = {
  analyte: 'vitamin-b12',
  deficientBelow: { 'pg/mL': 200, 'pmol/L': 148 },
  upperLimit: { 'pg/mL': 1000, 'pmol/L': 738 },
  criticalNeedsLocalCheck: false,
  upperLimitMeaning:
    'Above the upper limit: elevated cobalamin, worth explaining if not supplemented.',
  caveats: [
    'No single serum B12 cut-off is definitive: confirm borderline or discordant results with methylmalonic acid.',
  ],
  bandNotes: { insufficient: 'Borderline: confirm with methylmalonic acid (MMA).' },
  citationIds: ['devalia-2014', 'us-lab-b12-reflex', 'ermens-2003'],
} as const;

/**
 * Serum vitamin B12 (cobalamin). Data only. The borderline ("insufficient") band's upper edge
 * differs between laboratories, so it comes in three rule sets: 300 (default), 350 and 400 pg/mL.
 */
export const VITAMIN_B12 = {
  id: 'vitamin-b12',
  name: 'Vitamin B12 (serum cobalamin)',
  shortName: 'Vitamin B12',
  baseUnit: 'pg/mL',
  defaultUnit: 'pg/mL',
  statusLabels: { insufficient: 'Insufficient (borderline)' },
  units: [
    {
      code: 'pg/mL',
      toBase: 1,
      displayDecimals: 0,
      basis: 'base unit',
      citationIds: ['devalia-2014'],
      loinc: '2132-9',
    },
    {
      code: 'ng/L',
      toBase: 1,
      displayDecimals: 0,
      basis: '1 ng/L = 1 pg/mL (same mass per volume)',
      citationIds: ['devalia-2014'],
      loinc: '2132-9',
    },
    {
      code: 'pmol/L',
      // pg/mL x 0.738 = pmol/L (cobalamin 1355.4 g/mol), so 1 pmol/L = 1/0.738 pg/mL.
      toBase: 1 / 0.738,
      displayDecimals: 0,
      basis: 'pg/mL x 0.738 = pmol/L (cobalamin molar mass 1355.4 g/mol)',
      citationIds: ['ucum-molar-mass-b12'],
      loinc: '14685-2',
    },
  ],
  loincCodes: [
    {
      code: '2132-9',
      display: 'Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma',
      unit: 'pg/mL',
    },
    {
      code: '14685-2',
      display: 'Cobalamin (Vitamin B12) [Moles/volume] in Serum or Plasma',
      unit: 'pmol/L',
    },
  ],
  ruleSets: [
    {
      ...B12_SHARED,
      id: 'b12-common',
      name: 'Common (borderline 200-300 pg/mL)',
      isDefault: true,
      sufficientFrom: { 'pg/mL': 300, 'pmol/L': 221 },
    },
    {
      ...B12_SHARED,
      id: 'b12-wide-350',
      name: 'Wide grey zone (borderline 200-350 pg/mL)',
      isDefault: false,
      sufficientFrom: { 'pg/mL': 350, 'pmol/L': 258 },
    },
    {
      ...B12_SHARED,
      id: 'b12-wide-400',
      name: 'Wide grey zone (borderline 200-400 pg/mL)',
      isDefault: false,
      sufficientFrom: { 'pg/mL': 400, 'pmol/L': 295 },
    },
  ],
  plausibility: {
    hardStopAbove: { value: 100000, unit: 'pg/mL' },
    assayRange: { low: 50, high: 2000, unit: 'pg/mL' },
    unitMixups: [
      { unit: 'pg/mL', below: 50, likelyUnits: ['pmol/L'] },
      { unit: 'ng/L', below: 50, likelyUnits: ['pmol/L'] },
      // The other direction (design rule): above 1500 pmol/L (2030 pg/mL, beyond usual assay
      // ranges) a pg/mL value was probably left in pmol/L.
      { unit: 'pmol/L', above: 1500, likelyUnits: ['pg/mL', 'ng/L'] },
    ],
  },
  backPain: {
    summaryByStatus: {
      deficient:
        'Deficiency causes neuropathy (numbness, tingling, weakness) that can mimic or worsen radicular symptoms, even without anaemia. Treat promptly if there are neurological signs.',
      insufficient:
        'Borderline: deficiency is possible and could add neuropathic symptoms; confirm with methylmalonic acid before attributing symptoms to B12.',
      sufficient:
        'B12 status is unlikely to explain the back pain, unless MMA is high despite a normal level.',
      high: 'A high B12 does not help back pain; if not supplemented, it deserves an explanation.',
      indeterminate:
        'The censored result does not decide the band; ask the lab for the exact value or check methylmalonic acid.',
    },
    statements: [
      {
        id: 'b12-neuropathy',
        claim:
          'Deficiency causes neuropathy (numbness, tingling, weakness) that can mimic or worsen radicular symptoms, even without anaemia.',
        strength: 'established-mechanism',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['stabler-2013'],
      },
      {
        id: 'b12-im-rct',
        claim:
          'Intramuscular B12 reduced low back pain versus placebo in 60 patients without deficiency; the trial has not been replicated.',
        strength: 'single-small-rct',
        relevantFor: [],
        citationIds: ['mauro-2000'],
      },
    ],
  },
  nextSteps: [
    {
      id: 'b12-deficient-workup',
      status: 'deficient',
      text: 'Check a CBC and intrinsic-factor antibodies; treat promptly if there are neurological symptoms.',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-borderline-mma',
      status: 'insufficient',
      text: 'Check methylmalonic acid (first choice) and a CBC; homocysteine is less specific.',
      citationIds: ['devalia-2014', 'langan-2017'],
    },
    {
      id: 'b12-sufficient-none',
      status: 'sufficient',
      text: 'No action for B12, unless symptoms point to deficiency despite a normal level (then check methylmalonic acid).',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-high-repeat',
      status: 'high',
      text: 'If not supplemented: repeat, and check a CBC with differential and liver tests.',
      citationIds: ['ermens-2003'],
    },
  ],
  contextNotes: [
    {
      id: 'b12-metformin',
      context: 'metformin',
      text: 'Metformin lowers B12: check it periodically, especially with neuropathy.',
      citationIds: ['ada-standards'],
    },
    {
      id: 'b12-ppi',
      context: 'ppi',
      text: 'Long-term proton-pump inhibitor use is linked with B12 deficiency.',
      citationIds: ['lam-2013'],
    },
    {
      id: 'b12-ckd',
      context: 'ckd',
      text: 'Chronic kidney disease raises methylmalonic acid, so a high MMA is less specific for B12 deficiency.',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-pregnancy',
      context: 'pregnancy',
      text: 'Serum B12 falls physiologically in pregnancy; non-pregnant cut-offs may not apply.',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-age-65',
      context: 'age-65-plus',
      text: 'Age 65 or older: the upper limit of methylmalonic acid is higher, so use age-adjusted MMA limits.',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-biotin',
      context: 'biotin',
      text: 'Biotin supplements can falsely raise B12 on some immunoassays: ask the lab whether its assay is affected.',
      citationIds: ['fda-biotin-2017'],
    },
    {
      id: 'b12-recent-injection',
      context: 'recent-b12-injection',
      text: 'A B12 injection in the last 2 weeks raises serum B12: the result does not reflect body stores.',
      citationIds: ['devalia-2014'],
    },
  ],
  notices: [],
  citationIds: ['devalia-2014', 'stabler-2013'],
} as const satisfies Analyte;
