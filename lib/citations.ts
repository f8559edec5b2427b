import type { Citation } from './types';

/**
 * Every source the library cites, once, keyed by id. Analytes, bands, unit factors, back-pain
 * statements, next steps and notes refer to these ids; an invariant test checks they resolve.
 */
export const CITATIONS = {
  'holick-2011': {
    id: 'holick-2011',
    short: 'Holick 2011 (Endocrine Society)',
    text: 'Holick MF, Binkley NC, Bischoff-Ferrari HA, et al. Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2011;96(7):1911-1930.',
    doi: '10.1210/jc.2011-0385',
  },
  'marcinowska-2018': {
    id: 'marcinowska-2018',
    short: 'Marcinowska-Suchowierska 2018',
    text: 'Marcinowska-Suchowierska E, Kupisz-Urbańska M, Łukaszkiewicz J, Płudowski P, Jones G. Vitamin D toxicity - a clinical perspective. Front Endocrinol. 2018;9:550.',
    doi: '10.3389/fendo.2018.00550',
  },
  'iom-2011': {
    id: 'iom-2011',
    short: 'IOM 2011',
    text: 'Institute of Medicine. Dietary Reference Intakes for Calcium and Vitamin D. Washington, DC: National Academies Press; 2011 (pp. 13-14).',
    doi: '10.17226/13050',
  },
  'ross-2011': {
    id: 'ross-2011',
    short: 'Ross 2011',
    text: 'Ross AC, Manson JE, Abrams SA, et al. The 2011 report on dietary reference intakes for calcium and vitamin D from the Institute of Medicine: what clinicians need to know. J Clin Endocrinol Metab. 2011;96(1):53-58.',
    doi: '10.1210/jc.2010-2704',
  },
  'demay-2024': {
    id: 'demay-2024',
    short: 'Demay 2024 (Endocrine Society)',
    text: 'Demay MB, Pittas AG, Bikle DD, et al. Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2024;109(8):1907-1947.',
    doi: '10.1210/clinem/dgae290',
  },
  'devalia-2014': {
    id: 'devalia-2014',
    short: 'Devalia 2014 (BSH)',
    text: 'Devalia V, Hamilton MS, Molloy AM. Guidelines for the diagnosis and treatment of cobalamin and folate disorders. Br J Haematol. 2014;166(4):496-513.',
    doi: '10.1111/bjh.12959',
  },
  'ermens-2003': {
    id: 'ermens-2003',
    short: 'Ermens 2003',
    text: 'Ermens AA, Vlasveld LT, Lindemans J. Significance of elevated cobalamin (vitamin B12) levels in blood. Clin Biochem. 2003;36(8):585-590.',
    doi: '10.1016/j.clinbiochem.2003.08.004',
  },
  'langan-2017': {
    id: 'langan-2017',
    short: 'Langan 2017',
    text: 'Langan RC, Goodbred AJ. Vitamin B12 deficiency: recognition and management. Am Fam Physician. 2017;96(6):384-389.',
  },
  'us-lab-b12-reflex': {
    id: 'us-lab-b12-reflex',
    short: 'US lab reflex practice',
    text: 'Borderline serum B12 200-300 pg/mL with reflex methylmalonic acid, as used by common US laboratory reflex schemes; some laboratories use an upper edge of 350 or 400 pg/mL. Local practice, not a guideline: confirm with your laboratory.',
  },
  'rosanoff-2022': {
    id: 'rosanoff-2022',
    short: 'Rosanoff 2022',
    text: 'Rosanoff A, West C, Elin RJ, et al. Recommendation on an updated standardization of serum magnesium reference ranges. Eur J Nutr. 2022;61(7):3697-3706.',
    doi: '10.1007/s00394-022-02916-w',
  },
  'costello-2016': {
    id: 'costello-2016',
    short: 'Costello 2016',
    text: 'Costello RB, Elin RJ, Rosanoff A, et al. Perspective: the case for an evidence-based reference interval for serum magnesium: the time has come. Adv Nutr. 2016;7(6):977-993.',
    doi: '10.3945/an.116.012765',
  },
  'msd-hypermagnesemia': {
    id: 'msd-hypermagnesemia',
    short: 'MSD Manual: Hypermagnesemia',
    text: 'MSD Manual Professional Version. Hypermagnesemia. Normal serum magnesium 1.8-2.6 mg/dL (0.74-1.07 mmol/L); hypermagnesemia > 2.6 mg/dL.',
    url: 'https://www.msdmanuals.com/professional/endocrine-and-metabolic-disorders/electrolyte-disorders/hypermagnesemia',
  },
  'msd-hypomagnesemia': {
    id: 'msd-hypomagnesemia',
    short: 'MSD Manual: Hypomagnesemia',
    text: 'MSD Manual Professional Version. Hypomagnesemia. Serum magnesium < 1.8 mg/dL (< 0.70 mmol/L); serum holds about 1% of body magnesium; hypokalemia and hypocalcemia often accompany it.',
    url: 'https://www.msdmanuals.com/professional/endocrine-and-metabolic-disorders/electrolyte-disorders/hypomagnesemia',
  },
  'rcpa-aacb-harmonised': {
    id: 'rcpa-aacb-harmonised',
    short: 'RCPA/AACB harmonised intervals',
    text: 'Royal College of Pathologists of Australasia / Australasian Association of Clinical Biochemists. Harmonised adult reference interval for serum magnesium, 0.70-1.10 mmol/L.',
  },
  'ucum-molar-mass-vitd': {
    id: 'ucum-molar-mass-vitd',
    short: '25(OH)D3 molar mass',
    text: '25-hydroxyvitamin D3 (calcifediol), C27H44O2, molar mass 400.65 g/mol: 1 ng/mL = 2.496 nmol/L.',
  },
  'ucum-molar-mass-b12': {
    id: 'ucum-molar-mass-b12',
    short: 'Cobalamin molar mass',
    text: 'Cyanocobalamin, molar mass 1355.4 g/mol: 1 pg/mL = 0.738 pmol/L.',
  },
  'ucum-molar-mass-mg': {
    id: 'ucum-molar-mass-mg',
    short: 'Magnesium atomic mass and valence',
    text: 'Magnesium, 24.305 g/mol, valence 2: 1 mg/dL = 0.4114 mmol/L; 1 mmol/L = 2 meq/L.',
  },
  'bordelon-2009': {
    id: 'bordelon-2009',
    short: 'Bordelon 2009',
    text: 'Bordelon P, Ghetu MV, Langan R. Recognition and management of vitamin D deficiency. Am Fam Physician. 2009;80(8):841-846.',
  },
  'al-faraj-2003': {
    id: 'al-faraj-2003',
    short: 'Al Faraj 2003',
    text: 'Al Faraj S, Al Mutairi K. Vitamin D deficiency and chronic low back pain in Saudi Arabia. Spine. 2003;28(2):177-179.',
    doi: '10.1097/00007632-200301150-00015',
  },
  'bansal-2018': {
    id: 'bansal-2018',
    short: 'Bansal 2018',
    text: 'Bansal D, Boya CS, Vatte R, Ghai B. High prevalence of hypovitaminosis D in patients with chronic pain conditions: a systematic review and meta-analysis. Pain Physician. 2018;21(4):E389-E399.',
  },
  'pishgahi-2019': {
    id: 'pishgahi-2019',
    short: 'Pishgahi 2019',
    text: 'Pishgahi A, Abolhasan R, Shakouri SK, et al. Effect of vitamin D on chronic low back pain: a case-control study. BMC Res Notes. 2019.',
    doi: '10.1186/s13104-019-4768-0',
  },
  'zadro-2018': {
    id: 'zadro-2018',
    short: 'Zadro 2018',
    text: 'Zadro JR, Shirley D, Ferreira M, et al. Is vitamin D supplementation effective for low back pain? A systematic review and meta-analysis. Pain Physician. 2018;21(2):121-145.',
  },
  'uk-biobank-2024': {
    id: 'uk-biobank-2024',
    short: 'UK Biobank 2024',
    text: 'Serum 25-hydroxyvitamin D and low back pain in the UK Biobank (n = 135,934). Nutrients. 2024;16(6):806.',
    doi: '10.3390/nu16060806',
  },
  'stabler-2013': {
    id: 'stabler-2013',
    short: 'Stabler 2013',
    text: 'Stabler SP. Vitamin B12 deficiency. N Engl J Med. 2013;368(2):149-160.',
    doi: '10.1056/NEJMcp1113996',
  },
  'mauro-2000': {
    id: 'mauro-2000',
    short: 'Mauro 2000',
    text: 'Mauro GL, Martorana U, Cataldo P, Brancato G, Letizia G. Vitamin B12 in low back pain: a randomised, double-blind, placebo-controlled study. Eur Rev Med Pharmacol Sci. 2000;4(3):53-58.',
  },
  'yousef-2013': {
    id: 'yousef-2013',
    short: 'Yousef 2013',
    text: 'Yousef AA, Al-deeb AE. A double-blinded randomised controlled study of the value of sequential intravenous and oral magnesium therapy in patients with chronic low back pain with a neuropathic component. Anaesthesia. 2013;68(3):260-266.',
    doi: '10.1111/anae.12107',
  },
  'garrison-2020': {
    id: 'garrison-2020',
    short: 'Garrison 2020 (Cochrane)',
    text: 'Garrison SR, Korownyk CS, Kolber MR, et al. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020;9:CD009402.',
    doi: '10.1002/14651858.CD009402.pub3',
  },
  'ada-standards': {
    id: 'ada-standards',
    short: 'ADA Standards of Care',
    text: 'American Diabetes Association. Standards of Care in Diabetes: periodic measurement of vitamin B12 in people treated with metformin, especially with peripheral neuropathy.',
  },
  'fda-ppi-2011': {
    id: 'fda-ppi-2011',
    short: 'FDA 2011 (PPI and magnesium)',
    text: 'US Food and Drug Administration. Drug Safety Communication: low magnesium levels can be associated with long-term use of proton pump inhibitor drugs (PPIs). 2 March 2011.',
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-low-magnesium-levels-can-be-associated-long-term-use-proton-pump',
  },
  'lam-2013': {
    id: 'lam-2013',
    short: 'Lam 2013',
    text: 'Lam JR, Schneider JL, Zhao W, Corley DA. Proton pump inhibitor and histamine 2 receptor antagonist use and vitamin B12 deficiency. JAMA. 2013;310(22):2435-2442.',
    doi: '10.1001/jama.2013.280490',
  },
  'fda-biotin-2017': {
    id: 'fda-biotin-2017',
    short: 'FDA 2017 (biotin interference)',
    text: 'US Food and Drug Administration. Safety Communication: biotin (vitamin B7) may interfere with laboratory tests that use biotin-streptavidin technology. 28 November 2017.',
    url: 'https://www.fda.gov/medical-devices/safety-communications',
  },
  'ods-vitamin-d': {
    id: 'ods-vitamin-d',
    short: 'NIH ODS: Vitamin D',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin D: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/',
  },
  'ods-vitamin-b12': {
    id: 'ods-vitamin-b12',
    short: 'NIH ODS: Vitamin B12',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin B12: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/',
  },
  'ods-magnesium': {
    id: 'ods-magnesium',
    short: 'NIH ODS: Magnesium',
    text: 'National Institutes of Health, Office of Dietary Supplements. Magnesium: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
  },
  'ods-calcium': {
    id: 'ods-calcium',
    short: 'NIH ODS: Calcium',
    text: 'National Institutes of Health, Office of Dietary Supplements. Calcium: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/',
  },
  'ods-omega-3': {
    id: 'ods-omega-3',
    short: 'NIH ODS: Omega-3 fatty acids',
    text: 'National Institutes of Health, Office of Dietary Supplements. Omega-3 Fatty Acids: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/Omega3FattyAcids-HealthProfessional/',
  },
  'ods-vitamin-c': {
    id: 'ods-vitamin-c',
    short: 'NIH ODS: Vitamin C',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin C: Fact Sheet for Health Professionals.',
    url: 'https://ods.od.nih.gov/factsheets/VitaminC-HealthProfessional/',
  },
} as const satisfies Record<string, Citation>;

/** Id of a citation in {@link CITATIONS}. */
export type CitationId = keyof typeof CITATIONS;

/**
 * Looks up a citation by id.
 * @param id - a citation id
 * @returns the citation, or undefined when the id is unknown
 */
export function findCitation(id: string): Citation | undefined {
  return Object.hasOwn(CITATIONS, id) ? CITATIONS[id as CitationId] : undefined;
}

/**
 * The link for a citation: its DOI resolver address, else its URL, else undefined.
 * @param citation - the citation
 * @returns an absolute https address or undefined
 */
export function citationHref(citation: Citation): string | undefined {
  if (citation.doi !== undefined) return `https://doi.org/${citation.doi}`;
  return citation.url;
}
