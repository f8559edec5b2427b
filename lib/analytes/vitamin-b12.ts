import { RULE_SET_NAMES_FROM_CUTOFFS } from '../rule-set-names';
import type { Analyte } from '../types';

/** pg/mL x this = pmol/L (as published; from the molar mass below). */
const PG_ML_TO_PMOL_L = 0.738;
/** Molar mass of cobalamin, g/mol. */
const MOLAR_MASS_COBALAMIN = 1355.4;

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

/** The upper edge of the borderline band (B) of each rule set. */
const SUFFICIENT_FROM_300 = { 'pg/mL': 300, 'pmol/L': 221 } as const;
const SUFFICIENT_FROM_350 = { 'pg/mL': 350, 'pmol/L': 258 } as const;
const SUFFICIENT_FROM_400 = { 'pg/mL': 400, 'pmol/L': 295 } as const;

/**
 * "Common (borderline 200-300 pg/mL)": the name states the rule set's own borderline band, in the
 * published unit (lib/rule-set-names.ts: the English handout writes it in the lab's unit).
 */
function publishedName(
  id: keyof typeof RULE_SET_NAMES_FROM_CUTOFFS,
  sufficientFrom: { readonly 'pg/mL': number },
): string {
  return RULE_SET_NAMES_FROM_CUTOFFS[id]({
    deficientBelow: B12_SHARED.deficientBelow['pg/mL'],
    sufficientFrom: sufficientFrom['pg/mL'],
    unit: 'pg/mL',
  });
}

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
      toBase: 1 / PG_ML_TO_PMOL_L,
      displayDecimals: 0,
      basis: `pg/mL x ${PG_ML_TO_PMOL_L} = pmol/L (cobalamin molar mass ${MOLAR_MASS_COBALAMIN} g/mol)`,
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
      name: publishedName('b12-common', SUFFICIENT_FROM_300),
      isDefault: true,
      sufficientFrom: SUFFICIENT_FROM_300,
    },
    {
      ...B12_SHARED,
      id: 'b12-wide-350',
      name: publishedName('b12-wide-350', SUFFICIENT_FROM_350),
      isDefault: false,
      sufficientFrom: SUFFICIENT_FROM_350,
    },
    {
      ...B12_SHARED,
      id: 'b12-wide-400',
      name: publishedName('b12-wide-400', SUFFICIENT_FROM_400),
      isDefault: false,
      sufficientFrom: SUFFICIENT_FROM_400,
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
        'Deficient: worth treating for nerve and blood health; attribute back or leg symptoms to it only after other causes are excluded.',
      insufficient:
        'Borderline: deficiency is possible; confirm it before attributing any symptoms to B12.',
      sufficient:
        'B12 status is unlikely to explain the back pain, unless MMA is high despite a normal level.',
      high: 'A high B12 does not help back pain; if not supplemented, it deserves an explanation.',
      indeterminate: 'A censored result: the findings below cover every band it could be in.',
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
          'Intramuscular B12 reduced chronic low back pain versus placebo in two small trials of 60 patients each.',
        strength: 'small-rcts',
        relevantFor: ['deficient', 'insufficient'],
        citationIds: ['mauro-2000', 'chiu-2011'],
      },
      {
        id: 'b12-normal-no-evidence',
        claim:
          'There is no evidence that an extra B12 supplement helps back pain when the level is normal.',
        strength: 'no-evidence',
        relevantFor: ['sufficient', 'high'],
        citationIds: ['devalia-2014'],
      },
    ],
  },
  nextSteps: [
    {
      id: 'b12-deficient-workup',
      status: 'deficient',
      text: 'Check a CBC and intrinsic-factor antibodies. Start treatment promptly when there are neurological symptoms, once root or cauda equina compression has been excluded.',
      citationIds: ['devalia-2014', 'nice-ng59'],
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
      reassuring: true,
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
      text: 'High-dose biotin can make immunoassay results wrong in either direction, depending on the assay design: ask the lab whether its B12 assay is affected, or repeat after biotin is stopped.',
      citationIds: ['fda-biotin-2017'],
    },
    {
      id: 'b12-recent-injection',
      context: 'recent-b12-injection',
      direction: 'not-low',
      text: 'A B12 injection in the last 2 weeks raises serum B12: this result may overstate body stores.',
      citationIds: ['devalia-2014'],
    },
    {
      id: 'b12-recent-injection-low',
      context: 'recent-b12-injection',
      direction: 'low',
      text: 'Low even after a B12 injection in the last 2 weeks, which raises serum B12: treat the result as low; stores may be lower still.',
      citationIds: ['devalia-2014'],
    },
  ],
  notices: [],
  citationIds: ['devalia-2014', 'stabler-2013'],
} as const satisfies Analyte;
