import type { Citation } from '../types';

/** General sources: other nutrients of the nutrient table, pregnancy, and lab-test interference. */
export const GENERAL_CITATIONS = {
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
  'fda-biotin-2017': {
    id: 'fda-biotin-2017',
    short: 'FDA 2017/2019 (biotin interference)',
    text: 'US Food and Drug Administration. Biotin (Vitamin B7): Safety Communication - May Interfere with Lab Tests. 28 November 2017, updated 5 November 2019. High-dose biotin can make immunoassays that use biotin-streptavidin technology read falsely high or falsely low, depending on the assay design; the notice names troponin and hormone tests. Cited for immunoassay interference in general, not as a B12 finding.',
    title: 'Biotin (Vitamin B7): Safety Communication - May Interfere with Lab Tests',
    authors: 'US Food and Drug Administration',
    year: 2019,
    url: 'https://www.fda.gov/Safety/MedWatch/SafetyInformation/SafetyAlertsforHumanMedicalProducts/ucm586641.htm',
  },
} as const satisfies Record<string, Citation>;
