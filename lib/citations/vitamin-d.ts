import type { Citation } from '../types';

/** Vitamin D: bands, dosing, toxicity, molar mass and the kidney guideline. */
export const VITAMIN_D_CITATIONS = {
  'holick-2011': {
    id: 'holick-2011',
    short: 'Holick 2011 (Endocrine Society)',
    text: 'Holick MF, Binkley NC, Bischoff-Ferrari HA, et al. Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2011;96(7):1911-1930.',
    title:
      'Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline',
    authors: 'Holick MF, Binkley NC, Bischoff-Ferrari HA, et al.',
    year: 2011,
    doi: '10.1210/jc.2011-0385',
  },
  'marcinowska-2018': {
    id: 'marcinowska-2018',
    short: 'Marcinowska-Suchowierska 2018',
    text: 'Marcinowska-Suchowierska E, Kupisz-Urbańska M, Łukaszkiewicz J, et al. Vitamin D toxicity - a clinical perspective. Front Endocrinol (Lausanne). 2018;9:550.',
    title: 'Vitamin D toxicity - a clinical perspective',
    authors: 'Marcinowska-Suchowierska E, Kupisz-Urbańska M, Łukaszkiewicz J, et al.',
    year: 2018,
    doi: '10.3389/fendo.2018.00550',
  },
  'iom-2011': {
    id: 'iom-2011',
    short: 'IOM 2011',
    text: 'Institute of Medicine, Committee to Review Dietary Reference Intakes for Vitamin D and Calcium. Dietary Reference Intakes for Calcium and Vitamin D. Washington, DC: National Academies Press; 2011. Bands: pp. 13-14; tolerable upper intake level for adults: 4,000 IU (100 micrograms) of vitamin D a day.',
    title: 'Dietary Reference Intakes for Calcium and Vitamin D',
    authors:
      'Institute of Medicine, Committee to Review Dietary Reference Intakes for Vitamin D and Calcium',
    year: 2011,
    doi: '10.17226/13050',
  },
  'ross-2011': {
    id: 'ross-2011',
    short: 'Ross 2011',
    text: 'Ross AC, Manson JE, Abrams SA, et al. The 2011 report on dietary reference intakes for calcium and vitamin D from the Institute of Medicine: what clinicians need to know. J Clin Endocrinol Metab. 2011;96(1):53-58.',
    title:
      'The 2011 report on dietary reference intakes for calcium and vitamin D from the Institute of Medicine: what clinicians need to know',
    authors: 'Ross AC, Manson JE, Abrams SA, et al.',
    year: 2011,
    doi: '10.1210/jc.2010-2704',
  },
  'demay-2024': {
    id: 'demay-2024',
    short: 'Demay 2024 (Endocrine Society)',
    text: 'Demay MB, Pittas AG, Bikle DD, et al. Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2024;109(8):1907-1947.',
    title:
      'Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline',
    authors: 'Demay MB, Pittas AG, Bikle DD, et al.',
    year: 2024,
    doi: '10.1210/clinem/dgae290',
  },
  'bordelon-2009': {
    id: 'bordelon-2009',
    short: 'Bordelon 2009',
    text: 'Bordelon P, Ghetu MV, Langan R. Recognition and management of vitamin D deficiency. Am Fam Physician. 2009;80(8):841-846.',
    title: 'Recognition and management of vitamin D deficiency',
    authors: 'Bordelon P, Ghetu MV, Langan R',
    year: 2009,
    url: 'https://www.aafp.org/pubs/afp/issues/2009/1015/p841.html',
  },
  'ods-vitamin-d': {
    id: 'ods-vitamin-d',
    short: 'NIH ODS: Vitamin D',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin D: Fact Sheet for Health Professionals. Toxicity (hypercalcaemia: vomiting, polyuria and polydipsia, confusion, arrhythmia); interactions with thiazide diuretics and other medicines.',
    title: 'Vitamin D: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/',
  },
  'kdigo-2017': {
    id: 'kdigo-2017',
    short: 'KDIGO 2017 (CKD-MBD)',
    text: 'Kidney Disease: Improving Global Outcomes (KDIGO) CKD-MBD Update Work Group. KDIGO 2017 clinical practice guideline update for the diagnosis, evaluation, prevention, and treatment of chronic kidney disease-mineral and bone disorder (CKD-MBD). Kidney Int Suppl. 2017;7(1):1-59. In CKD, 25(OH)D is often low: correct deficiency as in the general population and watch calcium and phosphate.',
    title:
      'KDIGO 2017 clinical practice guideline update for the diagnosis, evaluation, prevention, and treatment of chronic kidney disease-mineral and bone disorder (CKD-MBD)',
    authors: 'Kidney Disease: Improving Global Outcomes (KDIGO) CKD-MBD Update Work Group',
    year: 2017,
    doi: '10.1016/j.kisu.2017.04.001',
  },
  'ucum-molar-mass-vitd': {
    id: 'ucum-molar-mass-vitd',
    short: '25(OH)D3 molar mass',
    text: 'National Center for Biotechnology Information. PubChem compound summary: calcifediol. 25-hydroxyvitamin D3 (calcifediol), C27H44O2, molar mass 400.6 g/mol: 1 ng/mL = 2.496 nmol/L.',
    title: 'PubChem compound summary: calcifediol',
    authors: 'National Center for Biotechnology Information',
    year: 2026,
    url: 'https://pubchem.ncbi.nlm.nih.gov/compound/Calcifediol',
  },
} as const satisfies Record<string, Citation>;
