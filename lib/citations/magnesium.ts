import type { Citation } from '../types';

/** Magnesium: reference ranges, low and high magnesium, medicines, interactions, molar mass. */
export const MAGNESIUM_CITATIONS = {
  'rosanoff-2022': {
    id: 'rosanoff-2022',
    short: 'Rosanoff 2022',
    text: 'Rosanoff A, West C, Elin RJ, et al. Recommendation on an updated standardization of serum magnesium reference ranges. Eur J Nutr. 2022;61(7):3697-3706.',
    title: 'Recommendation on an updated standardization of serum magnesium reference ranges',
    authors: 'Rosanoff A, West C, Elin RJ, et al.',
    year: 2022,
    doi: '10.1007/s00394-022-02916-w',
  },
  'costello-2016': {
    id: 'costello-2016',
    short: 'Costello 2016',
    text: 'Costello RB, Elin RJ, Rosanoff A, et al. Perspective: the case for an evidence-based reference interval for serum magnesium: the time has come. Adv Nutr. 2016;7(6):977-993.',
    title:
      'Perspective: the case for an evidence-based reference interval for serum magnesium: the time has come',
    authors: 'Costello RB, Elin RJ, Rosanoff A, et al.',
    year: 2016,
    doi: '10.3945/an.116.012765',
  },
  'msd-hypermagnesemia': {
    id: 'msd-hypermagnesemia',
    short: 'MSD Manual: Hypermagnesemia',
    text: 'MSD Manual Professional Version. Hypermagnesemia. Gives the normal serum magnesium as 1.8-2.6 mg/dL (0.74-1.07 mmol/L); hypermagnesemia above 2.6 mg/dL; kidney failure is the main cause; treatment includes stopping magnesium and an ECG when severe.',
    title: 'Hypermagnesemia',
    authors: 'MSD Manual Professional Version',
    year: 2024,
    url: 'https://www.msdmanuals.com/professional/endocrine-and-metabolic-disorders/electrolyte-disorders/hypermagnesemia',
  },
  'msd-hypomagnesemia': {
    id: 'msd-hypomagnesemia',
    short: 'MSD Manual: Hypomagnesemia',
    text: 'MSD Manual Professional Version. Hypomagnesemia. Defines hypomagnesemia as serum magnesium below 1.8 mg/dL (0.74 mmol/L) (its own figure, not the 0.70 mmol/L cut-off used here); serum holds about 1% of body magnesium; hypokalemia and hypocalcemia often accompany it; IV replacement for severe or symptomatic cases.',
    title: 'Hypomagnesemia',
    authors: 'MSD Manual Professional Version',
    year: 2024,
    url: 'https://www.msdmanuals.com/professional/endocrine-and-metabolic-disorders/electrolyte-disorders/hypomagnesemia',
  },
  'rcpa-aacb-harmonised': {
    id: 'rcpa-aacb-harmonised',
    short: 'RCPA/AACB harmonised intervals',
    text: 'Royal College of Pathologists of Australasia; Australasian Association of Clinical Biochemists. Australian Pathology Units and Terminology (APUTS): harmonised reference intervals, chemical pathology. Adult serum magnesium 0.70-1.10 mmol/L (in use from 13 July 2015), as applied in the Alfred Pathology handbook.',
    title:
      'Australian Pathology Units and Terminology (APUTS): harmonised reference intervals, chemical pathology',
    authors:
      'Royal College of Pathologists of Australasia; Australasian Association of Clinical Biochemists',
    year: 2015,
    url: 'https://pathology.alfred.org.au/handbook/?testid=447',
  },
  'ucum-molar-mass-mg': {
    id: 'ucum-molar-mass-mg',
    short: 'Magnesium atomic mass and valence',
    text: 'National Center for Biotechnology Information. PubChem element summary: magnesium. Magnesium, 24.305 g/mol, valence 2: 1 mg/dL = 0.4114 mmol/L; 1 mmol/L = 2 meq/L.',
    title: 'PubChem element summary: magnesium',
    authors: 'National Center for Biotechnology Information',
    year: 2026,
    url: 'https://pubchem.ncbi.nlm.nih.gov/element/Magnesium',
  },
  'garrison-2020': {
    id: 'garrison-2020',
    short: 'Garrison 2020 (Cochrane)',
    text: 'Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020;9:CD009402.',
    title: 'Magnesium for skeletal muscle cramps',
    authors: 'Garrison SR, Korownyk CS, Kolber MR, et al.',
    year: 2020,
    doi: '10.1002/14651858.CD009402.pub3',
  },
  'fda-ppi-2011': {
    id: 'fda-ppi-2011',
    short: 'FDA 2011 (PPI and magnesium)',
    text: 'US Food and Drug Administration. FDA Drug Safety Communication: low magnesium levels can be associated with long-term use of proton pump inhibitor drugs (PPIs). 2 March 2011.',
    title:
      'FDA Drug Safety Communication: low magnesium levels can be associated with long-term use of proton pump inhibitor drugs (PPIs)',
    authors: 'US Food and Drug Administration',
    year: 2011,
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-low-magnesium-levels-can-be-associated-long-term-use-proton-pump',
  },
  'ods-magnesium': {
    id: 'ods-magnesium',
    short: 'NIH ODS: Magnesium',
    text: 'National Institutes of Health, Office of Dietary Supplements. Magnesium: Fact Sheet for Health Professionals. Impaired kidney function raises the risk of magnesium toxicity; separate magnesium from tetracycline and quinolone antibiotics and from bisphosphonates; diarrhoea is a common effect of supplements.',
    title: 'Magnesium: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
  },
  'levothyroxine-pi': {
    id: 'levothyroxine-pi',
    short: 'Levothyroxine (Synthroid) prescribing information',
    text: 'US Food and Drug Administration, Drugs@FDA. Synthroid (levothyroxine sodium) tablets, NDA 021402: prescribing information (current label, accessed 2026). Drug interactions: take levothyroxine at least 4 hours apart from calcium carbonate, iron, antacids and other products that bind it (magnesium-containing antacids included).',
    title: 'Synthroid (levothyroxine sodium) tablets, NDA 021402: prescribing information',
    authors: 'US Food and Drug Administration, Drugs@FDA',
    year: 2026,
    url: 'https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=021402',
  },
} as const satisfies Record<string, Citation>;
