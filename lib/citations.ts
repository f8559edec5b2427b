import type { Citation } from './types';

/**
 * Every source the library cites, once, keyed by id. Analytes, bands, unit factors, back-pain
 * statements, next steps, notes and safety rules refer to these ids; a unit test checks they
 * resolve and that each entry has a title, authors, a year and a DOI or URL. Each source is cited
 * only for what it says (see the clinical reference's citation hygiene section).
 */
export const CITATIONS = {
  'holick-2011': {
    id: 'holick-2011',
    short: 'Holick 2011 (Endocrine Society)',
    text: 'Holick MF, Binkley NC, Bischoff-Ferrari HA, et al.. Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2011;96(7):1911-1930.',
    title:
      'Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline',
    authors: 'Holick MF, Binkley NC, Bischoff-Ferrari HA, et al.',
    year: 2011,
    doi: '10.1210/jc.2011-0385',
  },
  'marcinowska-2018': {
    id: 'marcinowska-2018',
    short: 'Marcinowska-Suchowierska 2018',
    text: 'Marcinowska-Suchowierska E, Kupisz-Urbańska M, Łukaszkiewicz J, et al.. Vitamin D toxicity - a clinical perspective. Front Endocrinol (Lausanne). 2018;9:550.',
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
    text: 'Ross AC, Manson JE, Abrams SA, et al.. The 2011 report on dietary reference intakes for calcium and vitamin D from the Institute of Medicine: what clinicians need to know. J Clin Endocrinol Metab. 2011;96(1):53-58.',
    title:
      'The 2011 report on dietary reference intakes for calcium and vitamin D from the Institute of Medicine: what clinicians need to know',
    authors: 'Ross AC, Manson JE, Abrams SA, et al.',
    year: 2011,
    doi: '10.1210/jc.2010-2704',
  },
  'demay-2024': {
    id: 'demay-2024',
    short: 'Demay 2024 (Endocrine Society)',
    text: 'Demay MB, Pittas AG, Bikle DD, et al.. Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline. J Clin Endocrinol Metab. 2024;109(8):1907-1947.',
    title:
      'Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline',
    authors: 'Demay MB, Pittas AG, Bikle DD, et al.',
    year: 2024,
    doi: '10.1210/clinem/dgae290',
  },
  'devalia-2014': {
    id: 'devalia-2014',
    short: 'Devalia 2014 (BSH)',
    text: 'Devalia V, Hamilton MS, Molloy AM. Guidelines for the diagnosis and treatment of cobalamin and folate disorders. Br J Haematol. 2014;166(4):496-513.',
    title: 'Guidelines for the diagnosis and treatment of cobalamin and folate disorders',
    authors: 'Devalia V, Hamilton MS, Molloy AM',
    year: 2014,
    doi: '10.1111/bjh.12959',
  },
  'ermens-2003': {
    id: 'ermens-2003',
    short: 'Ermens 2003',
    text: 'Ermens AA, Vlasveld LT, Lindemans J. Significance of elevated cobalamin (vitamin B12) levels in blood. Clin Biochem. 2003;36(8):585-590.',
    title: 'Significance of elevated cobalamin (vitamin B12) levels in blood',
    authors: 'Ermens AA, Vlasveld LT, Lindemans J',
    year: 2003,
    doi: '10.1016/j.clinbiochem.2003.08.004',
  },
  'langan-2017': {
    id: 'langan-2017',
    short: 'Langan 2017',
    text: 'Langan RC, Goodbred AJ. Vitamin B12 deficiency: recognition and management. Am Fam Physician. 2017;96(6):384-389.',
    title: 'Vitamin B12 deficiency: recognition and management',
    authors: 'Langan RC, Goodbred AJ',
    year: 2017,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Langan+Goodbred+Vitamin+B12+deficiency%3A+recognition+and+management+2017',
  },
  'us-lab-b12-reflex': {
    id: 'us-lab-b12-reflex',
    short: 'US lab reflex practice',
    text: 'Labcorp. Vitamin B12 with reflex testing (test 141503). Laboratory test description, accessed 2026: methylmalonic acid is reflexed when B12 is between 200 and 400 pg/mL. Borderline bands with an upper edge of 300, 350 or 400 pg/mL are local laboratory practice, not a guideline: confirm with your laboratory.',
    title: 'Vitamin B12 with reflex testing (test 141503)',
    authors: 'Labcorp',
    year: 2026,
    url: 'https://labcorp.com/t/141503',
  },
  'rosanoff-2022': {
    id: 'rosanoff-2022',
    short: 'Rosanoff 2022',
    text: 'Rosanoff A, West C, Elin RJ, et al.. Recommendation on an updated standardization of serum magnesium reference ranges. Eur J Nutr. 2022;61(7):3697-3706.',
    title: 'Recommendation on an updated standardization of serum magnesium reference ranges',
    authors: 'Rosanoff A, West C, Elin RJ, et al.',
    year: 2022,
    doi: '10.1007/s00394-022-02916-w',
  },
  'costello-2016': {
    id: 'costello-2016',
    short: 'Costello 2016',
    text: 'Costello RB, Elin RJ, Rosanoff A, et al.. Perspective: the case for an evidence-based reference interval for serum magnesium: the time has come. Adv Nutr. 2016;7(6):977-993.',
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
  'ucum-molar-mass-vitd': {
    id: 'ucum-molar-mass-vitd',
    short: '25(OH)D3 molar mass',
    text: 'National Center for Biotechnology Information. PubChem compound summary: calcifediol. 25-hydroxyvitamin D3 (calcifediol), C27H44O2, molar mass 400.6 g/mol: 1 ng/mL = 2.496 nmol/L.',
    title: 'PubChem compound summary: calcifediol',
    authors: 'National Center for Biotechnology Information',
    year: 2026,
    url: 'https://pubchem.ncbi.nlm.nih.gov/compound/Calcifediol',
  },
  'ucum-molar-mass-b12': {
    id: 'ucum-molar-mass-b12',
    short: 'Cobalamin molar mass',
    text: 'National Center for Biotechnology Information. PubChem compound summary: cyanocobalamin. Cyanocobalamin, molar mass 1355.4 g/mol: 1 pg/mL = 0.738 pmol/L.',
    title: 'PubChem compound summary: cyanocobalamin',
    authors: 'National Center for Biotechnology Information',
    year: 2026,
    url: 'https://pubchem.ncbi.nlm.nih.gov/compound/Cyanocobalamin',
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
  'bordelon-2009': {
    id: 'bordelon-2009',
    short: 'Bordelon 2009',
    text: 'Bordelon P, Ghetu MV, Langan R. Recognition and management of vitamin D deficiency. Am Fam Physician. 2009;80(8):841-846.',
    title: 'Recognition and management of vitamin D deficiency',
    authors: 'Bordelon P, Ghetu MV, Langan R',
    year: 2009,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Bordelon+Ghetu+Langan+Recognition+and+management+of+vitamin+D+deficiency',
  },
  'al-faraj-2003': {
    id: 'al-faraj-2003',
    short: 'Al Faraj 2003',
    text: 'Al Faraj S, Al Mutairi K. Vitamin D deficiency and chronic low back pain in Saudi Arabia. Spine. 2003;28(2):177-179.',
    title: 'Vitamin D deficiency and chronic low back pain in Saudi Arabia',
    authors: 'Al Faraj S, Al Mutairi K',
    year: 2003,
    doi: '10.1097/00007632-200301150-00015',
  },
  'bansal-2018': {
    id: 'bansal-2018',
    short: 'Bansal 2018',
    text: 'Bansal D, Boya CS, Vatte R, Ghai B. High prevalence of hypovitaminosis D in patients with low back pain: evidence from meta-analysis. Pain Physician. 2018;21(4):E389-E399.',
    title:
      'High prevalence of hypovitaminosis D in patients with low back pain: evidence from meta-analysis',
    authors: 'Bansal D, Boya CS, Vatte R, Ghai B',
    year: 2018,
    url: 'https://pubmed.ncbi.nlm.nih.gov/30045605/',
  },
  'pishgahi-2019': {
    id: 'pishgahi-2019',
    short: 'Pishgahi 2019',
    text: 'Pishgahi A, Dolatkhah N, Shakouri SK, et al.. Lower serum 25-hydroxyvitamin D3 concentration is associated with higher pain and disability in subjects with low back pain: a case-control study. BMC Res Notes. 2019;12:738.',
    title:
      'Lower serum 25-hydroxyvitamin D3 concentration is associated with higher pain and disability in subjects with low back pain: a case-control study',
    authors: 'Pishgahi A, Dolatkhah N, Shakouri SK, et al.',
    year: 2019,
    doi: '10.1186/s13104-019-4768-0',
  },
  'zadro-2018': {
    id: 'zadro-2018',
    short: 'Zadro 2018',
    text: 'Zadro JR, Shirley D, Ferreira M, et al.. Is vitamin D supplementation effective for low back pain? A systematic review and meta-analysis. Pain Physician. 2018;21(2):121-145.',
    title:
      'Is vitamin D supplementation effective for low back pain? A systematic review and meta-analysis',
    authors: 'Zadro JR, Shirley D, Ferreira M, et al.',
    year: 2018,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Zadro+Is+vitamin+D+supplementation+effective+for+low+back+pain%3F+A+systematic+review+and+meta-analysis',
  },
  'uk-biobank-2024': {
    id: 'uk-biobank-2024',
    short: 'Sha 2024 (UK Biobank)',
    text: 'Sha S, Chen LJ, Brenner H, Schöttker B. Serum 25-hydroxyvitamin D status and vitamin D supplements use are not associated with low back pain in the large UK Biobank cohort. Nutrients. 2024;16(6):806. Observational cohort study (n = 135,934).',
    title:
      'Serum 25-hydroxyvitamin D status and vitamin D supplements use are not associated with low back pain in the large UK Biobank cohort',
    authors: 'Sha S, Chen LJ, Brenner H, Schöttker B',
    year: 2024,
    doi: '10.3390/nu16060806',
  },
  'stabler-2013': {
    id: 'stabler-2013',
    short: 'Stabler 2013',
    text: 'Stabler SP. Vitamin B12 deficiency. N Engl J Med. 2013;368(2):149-160.',
    title: 'Vitamin B12 deficiency',
    authors: 'Stabler SP',
    year: 2013,
    doi: '10.1056/NEJMcp1113996',
  },
  'mauro-2000': {
    id: 'mauro-2000',
    short: 'Mauro 2000',
    text: 'Mauro GL, Martorana U, Cataldo P, et al.. Vitamin B12 in low back pain: a randomised, double-blind, placebo-controlled study. Eur Rev Med Pharmacol Sci. 2000;4(3):53-58.',
    title: 'Vitamin B12 in low back pain: a randomised, double-blind, placebo-controlled study',
    authors: 'Mauro GL, Martorana U, Cataldo P, et al.',
    year: 2000,
    url: 'https://pubmed.ncbi.nlm.nih.gov/11558625/',
  },
  'chiu-2011': {
    id: 'chiu-2011',
    short: 'Chiu 2011',
    text: 'Chiu CK, Low TH, Tey YS, Singh VA, Shong HK. The efficacy and safety of intramuscular injections of methylcobalamin in patients with chronic nonspecific low back pain: a randomised controlled trial. Singapore Med J. 2011;52(12):868-873.',
    title:
      'The efficacy and safety of intramuscular injections of methylcobalamin in patients with chronic nonspecific low back pain: a randomised controlled trial',
    authors: 'Chiu CK, Low TH, Tey YS, Singh VA, Shong HK',
    year: 2011,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=The+efficacy+and+safety+of+intramuscular+injections+of+methylcobalamin+in+patients+with+chronic+nonspecific+low+back+pain',
  },
  'yousef-2013': {
    id: 'yousef-2013',
    short: 'Yousef 2013',
    text: 'Yousef AA, Al-deeb AE. A double-blinded randomised controlled study of the value of sequential intravenous and oral magnesium therapy in patients with chronic low back pain with a neuropathic component. Anaesthesia. 2013;68(3):260-266.',
    title:
      'A double-blinded randomised controlled study of the value of sequential intravenous and oral magnesium therapy in patients with chronic low back pain with a neuropathic component',
    authors: 'Yousef AA, Al-deeb AE',
    year: 2013,
    doi: '10.1111/anae.12107',
  },
  'garrison-2020': {
    id: 'garrison-2020',
    short: 'Garrison 2020 (Cochrane)',
    text: 'Garrison SR, Korownyk CS, Kolber MR, et al.. Magnesium for skeletal muscle cramps. Cochrane Database Syst Rev. 2020;9:CD009402.',
    title: 'Magnesium for skeletal muscle cramps',
    authors: 'Garrison SR, Korownyk CS, Kolber MR, et al.',
    year: 2020,
    doi: '10.1002/14651858.CD009402.pub3',
  },
  'ada-standards': {
    id: 'ada-standards',
    short: 'ADA Standards of Care',
    text: 'American Diabetes Association Professional Practice Committee. Standards of Care in Diabetes: pharmacologic approaches to glycemic treatment. Diabetes Care (annual supplement). Periodic measurement of vitamin B12 in people treated with metformin, especially with peripheral neuropathy.',
    title: 'Standards of Care in Diabetes: pharmacologic approaches to glycemic treatment',
    authors: 'American Diabetes Association Professional Practice Committee',
    year: 2024,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=Standards+of+Care+in+Diabetes+Pharmacologic+Approaches+to+Glycemic+Treatment+2024',
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
  'lam-2013': {
    id: 'lam-2013',
    short: 'Lam 2013',
    text: 'Lam JR, Schneider JL, Zhao W, Corley DA. Proton pump inhibitor and histamine 2 receptor antagonist use and vitamin B12 deficiency. JAMA. 2013;310(22):2435-2442.',
    title:
      'Proton pump inhibitor and histamine 2 receptor antagonist use and vitamin B12 deficiency',
    authors: 'Lam JR, Schneider JL, Zhao W, Corley DA',
    year: 2013,
    doi: '10.1001/jama.2013.280490',
  },
  'fda-biotin-2017': {
    id: 'fda-biotin-2017',
    short: 'FDA 2017/2019 (biotin interference)',
    text: 'US Food and Drug Administration. Biotin (Vitamin B7): Safety Communication - May Interfere with Lab Tests. 28 November 2017, updated 5 November 2019. High-dose biotin can make immunoassays that use biotin-streptavidin technology read falsely high or falsely low, depending on the assay design; the notice names troponin and hormone tests. Cited for immunoassay interference in general, not as a B12 finding.',
    title: 'Biotin (Vitamin B7): Safety Communication - May Interfere with Lab Tests',
    authors: 'US Food and Drug Administration',
    year: 2019,
    url: 'https://www.fda.gov/Safety/MedWatch/SafetyInformation/SafetyAlertsforHumanMedicalProducts/ucm586641.htm',
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
  'ods-vitamin-b12': {
    id: 'ods-vitamin-b12',
    short: 'NIH ODS: Vitamin B12',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin B12: Fact Sheet for Health Professionals.',
    title: 'Vitamin B12: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/',
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
  'ods-calcium': {
    id: 'ods-calcium',
    short: 'NIH ODS: Calcium',
    text: 'National Institutes of Health, Office of Dietary Supplements. Calcium: Fact Sheet for Health Professionals.',
    title: 'Calcium: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/',
  },
  'ods-omega-3': {
    id: 'ods-omega-3',
    short: 'NIH ODS: Omega-3 fatty acids',
    text: 'National Institutes of Health, Office of Dietary Supplements. Omega-3 Fatty Acids: Fact Sheet for Health Professionals.',
    title: 'Omega-3 Fatty Acids: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/Omega3FattyAcids-HealthProfessional/',
  },
  'ods-vitamin-c': {
    id: 'ods-vitamin-c',
    short: 'NIH ODS: Vitamin C',
    text: 'National Institutes of Health, Office of Dietary Supplements. Vitamin C: Fact Sheet for Health Professionals.',
    title: 'Vitamin C: Fact Sheet for Health Professionals',
    authors: 'National Institutes of Health, Office of Dietary Supplements',
    year: 2024,
    url: 'https://ods.od.nih.gov/factsheets/VitaminC-HealthProfessional/',
  },
  'nice-ng59': {
    id: 'nice-ng59',
    short: 'NICE NG59',
    text: 'National Institute for Health and Care Excellence. Low back pain and sciatica in over 16s: assessment and management (NG59). London: NICE; 2016, updated 2020.',
    title: 'Low back pain and sciatica in over 16s: assessment and management (NG59)',
    authors: 'National Institute for Health and Care Excellence',
    year: 2016,
    url: 'https://www.nice.org.uk/guidance/ng59',
  },
  'qaseem-2017': {
    id: 'qaseem-2017',
    short: 'Qaseem 2017 (ACP)',
    text: 'Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med. 2017;166(7):514-530.',
    title:
      'Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians',
    authors:
      'Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians',
    year: 2017,
    doi: '10.7326/M16-2367',
  },
  'girft-ces-2023': {
    id: 'girft-ces-2023',
    short: 'GIRFT 2023 (cauda equina)',
    text: 'NHS England, Getting It Right First Time (GIRFT). National suspected cauda equina syndrome pathway. 2023.',
    title: 'National suspected cauda equina syndrome pathway',
    authors: 'NHS England, Getting It Right First Time (GIRFT)',
    year: 2023,
    url: 'https://gettingitrightfirsttime.co.uk/pathway-supports-clinicians-to-diagnose-and-treat-cauda-equina-syndrome-without-delay/',
  },
  'kdigo-2017': {
    id: 'kdigo-2017',
    short: 'KDIGO 2017 (CKD-MBD)',
    text: 'Kidney Disease: Improving Global Outcomes (KDIGO) CKD-MBD Update Work Group. KDIGO 2017 clinical practice guideline update for the diagnosis, evaluation, prevention, and treatment of chronic kidney disease-mineral and bone disorder (CKD-MBD). Kidney Int Suppl. 2017;7(1):1-59.',
    title:
      'KDIGO 2017 clinical practice guideline update for the diagnosis, evaluation, prevention, and treatment of chronic kidney disease-mineral and bone disorder (CKD-MBD)',
    authors: 'Kidney Disease: Improving Global Outcomes (KDIGO) CKD-MBD Update Work Group',
    year: 2017,
    url: 'https://pubmed.ncbi.nlm.nih.gov/?term=KDIGO+2017+Clinical+Practice+Guideline+Update+for+the+Diagnosis%2C+Evaluation%2C+Prevention%2C+and+Treatment+of+Chronic+Kidney+Disease-Mineral+and+Bone+Disorder',
  },
  'fda-epa-fish-2021': {
    id: 'fda-epa-fish-2021',
    short: 'FDA/EPA fish advice 2021',
    text: 'US Food and Drug Administration; US Environmental Protection Agency. Advice about eating fish: for those who might become or are pregnant or breastfeeding and children ages 1-11 years. 2021. Choose fish lower in mercury, 2-3 servings a week in pregnancy.',
    title:
      'Advice about eating fish: for those who might become or are pregnant or breastfeeding and children ages 1-11 years',
    authors: 'US Food and Drug Administration; US Environmental Protection Agency',
    year: 2021,
    url: 'https://www.fda.gov/food/consumers/advice-about-eating-fish',
  },
  'acog-preterm-labor': {
    id: 'acog-preterm-labor',
    short: 'ACOG: preterm labor',
    text: 'American College of Obstetricians and Gynecologists. Preterm labor and birth (patient FAQ). Warning signs to call about now include a constant low, dull backache, regular contractions, cramps, bleeding and leaking fluid.',
    title: 'Preterm labor and birth (patient FAQ)',
    authors: 'American College of Obstetricians and Gynecologists',
    year: 2023,
    url: 'https://www.acog.org/womens-health/faqs/preterm-labor-and-birth',
  },
  'levothyroxine-pi': {
    id: 'levothyroxine-pi',
    short: 'Levothyroxine prescribing information',
    text: 'US National Library of Medicine, DailyMed. Levothyroxine sodium tablets: prescribing information. Drug interactions: take levothyroxine at least 4 hours apart from calcium carbonate, iron, antacids and other products that bind it (magnesium-containing antacids included).',
    title: 'Levothyroxine sodium tablets: prescribing information',
    authors: 'US National Library of Medicine, DailyMed',
    year: 2024,
    url: 'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=levothyroxine',
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
