import type { Citation } from '../types';

/** Back pain: the studies of each nutrient in back pain, and the red-flag guidelines. */
export const BACK_PAIN_CITATIONS = {
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
    text: 'Pishgahi A, Dolatkhah N, Shakouri SK, et al. Lower serum 25-hydroxyvitamin D3 concentration is associated with higher pain and disability in subjects with low back pain: a case-control study. BMC Res Notes. 2019;12:738.',
    title:
      'Lower serum 25-hydroxyvitamin D3 concentration is associated with higher pain and disability in subjects with low back pain: a case-control study',
    authors: 'Pishgahi A, Dolatkhah N, Shakouri SK, et al.',
    year: 2019,
    doi: '10.1186/s13104-019-4768-0',
  },
  'zadro-2018': {
    id: 'zadro-2018',
    short: 'Zadro 2018',
    text: 'Zadro JR, Shirley D, Ferreira M, et al. Is vitamin D supplementation effective for low back pain? A systematic review and meta-analysis. Pain Physician. 2018;21(2):121-145.',
    title:
      'Is vitamin D supplementation effective for low back pain? A systematic review and meta-analysis',
    authors: 'Zadro JR, Shirley D, Ferreira M, et al.',
    year: 2018,
    url: 'https://pubmed.ncbi.nlm.nih.gov/29565945/',
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
  'mauro-2000': {
    id: 'mauro-2000',
    short: 'Mauro 2000',
    text: 'Mauro GL, Martorana U, Cataldo P, et al. Vitamin B12 in low back pain: a randomised, double-blind, placebo-controlled study. Eur Rev Med Pharmacol Sci. 2000;4(3):53-58.',
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
    url: 'https://pubmed.ncbi.nlm.nih.gov/22173259/',
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
} as const satisfies Record<string, Citation>;
