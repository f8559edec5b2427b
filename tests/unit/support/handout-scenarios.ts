/**
 * The safety scenarios of issue 8 (clinical reference, section 8): panels with what the patient
 * handout must say and must never say, in English and Spanish. Shared by the scenario test and
 * the script that renders them to PNG for a look.
 */

import type { HandoutScenario } from './handout-scenario-phrases';

export { NEVER, RED_FLAGS } from './handout-scenario-phrases';
export type { HandoutScenario } from './handout-scenario-phrases';

const CLINICIAN = {
  name: 'Dr. Ana Whitfield',
  clinic: 'Riverside Spine Clinic',
  phone: '555-0142',
};
const result = (analyte: string, value: number | string, unit: string) => ({
  analyte,
  value,
  unit,
});

const WORST_CONTEXT = ['ckd', 'pregnancy', 'metformin'] as const;

/**
 * The longest realistic handout: every result abnormal, kidney disease, pregnancy and metformin,
 * long patient, clinician and clinic names and a phone extension. It must still fit the page
 * budget (2 pages at 12 pt, 3 in large print) with the red-flag box whole on page 1.
 */
const WORST_CASE: HandoutScenario = {
  id: 'worst-case-all-low-ckd-pregnancy-metformin',
  panel: {
    patient: {
      name: 'María Guadalupe Fernández-Villaseñor de la Cruz',
      birthDate: '1988-02-03',
    },
    clinician: {
      name: 'Dr. Alexandra Konstantinopoulou-Whitfield, MD, PhD',
      clinic: 'Riverside Community Spine and Musculoskeletal Health Center, Northeast Campus',
      phone: '555-0142 ext. 2231',
    },
    context: WORST_CONTEXT,
    results: [
      result('vitamin-d', 12, 'ng/mL'),
      result('vitamin-b12', 150, 'pg/mL'),
      result('magnesium', 0.6, 'mmol/L'),
    ],
  },
  mustAppear: {
    en: [
      'Do not take magnesium pills, or antacids or laxatives with magnesium, unless your kidney team says so.',
      'Ask your kidney team before you change what you eat or drink.',
      'Pregnancy: call your maternity unit now if back pain comes with bleeding',
      'Do not stop metformin on your own.',
      'Riverside Community Spine',
    ],
    es: [
      'a menos que su equipo de los riñones le diga',
      'Embarazo: llame ya a su unidad de maternidad',
      'No deje de tomar la metformina por su cuenta.',
    ],
  },
  mustNotAppear: {
    en: ['Magnesium pills, taken the way', 'Leafy greens', 'For calcium'],
    es: ['Pastillas de magnesio, tomadas', 'Verduras de hoja verde', 'Para el calcio'],
  },
};

export const SCENARIOS: readonly HandoutScenario[] = [
  {
    id: 'critical-vitamin-d-180',
    panel: { clinician: CLINICIAN, results: [result('vitamin-d', 180, 'ng/mL')] },
    mustAppear: {
      en: [
        'Call your clinician at 555-0142 today.',
        'Vitamin D: call 911 or go to the emergency room if you have:',
        'Vomiting, or you cannot keep fluids down.',
        'A racing or uneven heartbeat.',
        'Call your clinician today. See the red box at the top.',
        'Stop vitamin D pills and calcium pills until your clinician says so.',
        'Do not take extra vitamin D.',
      ],
      es: [
        'Llame hoy a su proveedor de salud al 555-0142.',
        'Vitamina D: llame al 911 o vaya a la sala de emergencias si tiene:',
        'Deje de tomar pastillas de vitamina D y de calcio hasta que su proveedor de salud le diga.',
        'No tome vitamina D de más.',
        'Vitamina D: más alta de lo necesario.',
      ],
    },
    mustNotAppear: {
      en: ['For calcium', 'milk, yogurt', 'Milk with vitamin D added', 'Book a visit'],
      es: ['Para el calcio', 'Leche con vitamina D', 'Pida una cita'],
    },
  },
  {
    id: 'critical-low-magnesium-0.45',
    panel: { clinician: CLINICIAN, results: [result('magnesium', 0.45, 'mmol/L')] },
    mustAppear: {
      en: [
        'Call your clinician at 555-0142 today.',
        'Magnesium: call 911 or go to the emergency room if you have:',
        'A racing, pounding or uneven heartbeat.',
        'Muscle spasms or twitching that do not stop.',
        'A seizure (fit).',
        'Your clinician will decide on treatment today.',
      ],
      es: [
        'Magnesio: llame al 911 o vaya a la sala de emergencias si tiene:',
        'Una convulsión (ataque).',
        'Su proveedor de salud decidirá hoy el tratamiento.',
        'Magnesio: bajo.',
      ],
    },
    mustNotAppear: {
      en: ['drip', 'Magnesium pills, taken the way', 'loose stools'],
      es: ['vena', 'Pastillas de magnesio, tomadas', 'diarrea'],
    },
  },
  {
    id: 'critical-high-magnesium-2.3',
    panel: { clinician: CLINICIAN, results: [result('magnesium', 2.3, 'mmol/L')] },
    mustAppear: {
      en: [
        'Call your clinician at 555-0142 today.',
        'Very weak or floppy muscles.',
        'Slow or shallow breathing.',
        'A slow heartbeat, or you faint.',
        'Do not take magnesium pills, or antacids or laxatives with magnesium, until your clinician says so.',
      ],
      es: ['Respiración lenta o débil.', 'Músculos muy débiles o flojos.'],
    },
    mustNotAppear: {
      en: ['Leafy greens', 'Magnesium pills, taken the way'],
      es: ['Verduras de hoja verde'],
    },
  },
  {
    id: 'ckd-low-magnesium',
    panel: {
      clinician: CLINICIAN,
      context: ['ckd'],
      results: [result('magnesium', 0.6, 'mmol/L')],
    },
    mustAppear: {
      en: [
        'Do not take magnesium pills, or antacids or laxatives with magnesium, unless your kidney team says so.',
        'Ask your kidney team before you change what you eat or drink.',
      ],
      es: ['a menos que su equipo de los riñones le diga', 'antes de cambiar lo que come o bebe'],
    },
    mustNotAppear: {
      en: [
        'Magnesium pills, taken the way',
        'Leafy greens',
        'Avocados',
        'fruit, vegetables',
        'Kidney disease can make magnesium go up',
      ],
      es: ['Pastillas de magnesio, tomadas', 'Aguacate', 'fruta, verduras'],
    },
  },
  {
    id: 'pregnancy-low-vitamin-d',
    panel: {
      clinician: CLINICIAN,
      context: ['pregnancy'],
      results: [result('vitamin-d', 15, 'ng/mL')],
    },
    mustAppear: {
      en: [
        'Vitamin D pills are advised in pregnancy.',
        'choose fish low in mercury',
        'Pregnancy: call your maternity unit now if back pain comes with bleeding',
        'Do not take more than 4,000 IU of vitamin D a day unless your clinician says so.',
        'digoxin',
        'Foods with vitamin D',
      ],
      es: [
        'En el embarazo se recomiendan pastillas de vitamina D.',
        'con poco mercurio, como salmón',
        'Embarazo: llame ya a su unidad de maternidad',
        'No tome más de 4,000 UI de vitamina D al día',
        'Vitamina D: baja.',
      ],
    },
    mustNotAppear: {
      // Low vitamin D: no stop lines, and no 911 list.
      en: ['Do not take extra vitamin D', 'Stop vitamin D pills', '911'],
      es: ['Vitamina D: bajo.', 'No tome vitamina D de más', 'Deje de tomar pastillas', '911'],
    },
  },
  {
    id: 'low-b12-metformin-biotin',
    panel: {
      clinician: CLINICIAN,
      context: ['metformin', 'biotin'],
      results: [result('vitamin-b12', 150, 'pg/mL')],
    },
    mustAppear: {
      en: [
        'Do not stop metformin on your own.',
        'food alone may not fix a low B12',
        'Metformin, a blood sugar medicine, can lower B12 over time.',
        'read too high or too low',
        'Foods with vitamin B12',
      ],
      es: [
        'No deje de tomar la metformina por su cuenta.',
        'puede que la comida sola no corrija una B12 baja',
        'muy altos o muy bajos',
        'Vitamina B12: baja.',
      ],
    },
    mustNotAppear: {
      en: ['read too high. Tell', 'weak legs'],
      es: ['salga alto. Dígaselo'],
    },
  },
  {
    id: 'b12-low-after-injection',
    panel: {
      clinician: CLINICIAN,
      context: ['recent-b12-injection'],
      results: [result('vitamin-b12', 150, 'pg/mL')],
    },
    mustAppear: {
      en: ['yet your level is still low'],
      es: ['y aun así su nivel está bajo'],
    },
    mustNotAppear: {
      en: ['read high', 'higher than your usual level'],
      es: ['sale alto', 'más alto de lo que es normal'],
    },
  },
  {
    id: 'all-normal',
    panel: {
      clinician: CLINICIAN,
      results: [
        result('vitamin-d', 40, 'ng/mL'),
        result('vitamin-b12', 500, 'pg/mL'),
        result('magnesium', 0.9, 'mmol/L'),
      ],
    },
    mustAppear: {
      en: [
        'These tests do not explain your back pain. Your clinician will look for other causes.',
        'Most back pain gets better within a few weeks. Keep moving as much as you can.',
        'Book a visit with your clinician in 1 to 2 weeks',
        'Bring all your pills and supplements',
      ],
      es: [
        'Estos análisis no explican su dolor de espalda.',
        'Siga moviéndose todo lo que pueda.',
        'Lleve a la cita todas sus pastillas y suplementos.',
      ],
    },
    mustNotAppear: { en: ['911', 'today'], es: ['911', 'hoy'] },
  },
  {
    id: 'no-clinician',
    panel: { results: [result('vitamin-d', 180, 'ng/mL')] },
    mustAppear: {
      en: ['Call your clinician at ________________ today.'],
      es: ['Llame hoy a su proveedor de salud al ________________.'],
    },
    mustNotAppear: { en: ['undefined', '{phone}'], es: ['undefined', '{phone}'] },
  },
  {
    id: 'age-70-by-birth-date',
    panel: {
      patient: { name: 'Rosa Díaz', birthDate: '1956-05-01' },
      clinician: CLINICIAN,
      results: [
        result('vitamin-d', 12, 'ng/mL'),
        result('vitamin-b12', 180, 'pg/mL'),
        result('magnesium', 1.5, 'mg/dL'),
      ],
    },
    largePrint: true,
    mustAppear: { en: ['In short', 'Get help right away if...'], es: ['En pocas palabras'] },
    // Three low results, none critical: no 911 list and no "call today".
    mustNotAppear: { en: ['911', 'today.'], es: ['911', 'Llame hoy'] },
  },
  {
    id: 'high-vitamin-d-105',
    panel: { clinician: CLINICIAN, results: [result('vitamin-d', 105, 'ng/mL')] },
    mustAppear: {
      en: [
        'Vitamin D is high. If you have these symptoms, call 911 or go to the emergency room:',
        'Vomiting, or you cannot keep fluids down.',
        'Great thirst, and you pass a lot of urine.',
        'Confusion, or you are much more sleepy than usual.',
        'A racing or uneven heartbeat.',
        'Stop vitamin D pills and calcium pills until your clinician says so.',
        'Do not take extra vitamin D.',
        'Book a visit with your clinician',
      ],
      es: [
        'La vitamina D está alta. Si tiene estos síntomas, llame al 911 o vaya a la sala de emergencias:',
        'Vómitos, o no puede retener líquidos.',
        'Mucha sed, y orina mucho.',
        'Deje de tomar pastillas de vitamina D y de calcio hasta que su proveedor de salud le diga.',
        'Vitamina D: más alta de lo necesario.',
      ],
    },
    mustNotAppear: {
      // Not critical: no "call today" box, and never calcium foods or a vitamin D food list.
      en: ['today.', 'For calcium', 'Milk with vitamin D added', 'Fish with a lot of oil'],
      es: ['Llame hoy', 'Para el calcio', 'Leche con vitamina D', 'Pescado graso'],
    },
  },
  {
    id: 'ppi-low-b12-low-magnesium',
    panel: {
      clinician: CLINICIAN,
      context: ['ppi'],
      results: [result('vitamin-b12', 150, 'pg/mL'), result('magnesium', 0.6, 'mmol/L')],
    },
    mustAppear: {
      en: [
        'Do not stop your stomach acid medicine on your own.',
        'can lower B12',
        'can lower magnesium',
        'food alone may not fix a low B12',
        'Take it 2 hours before or 4 to 6 hours after some antibiotics',
        'Keep it at least 2 hours from bone pills (bisphosphonates)',
      ],
      es: [
        'No deje de tomar su medicina para la acidez por su cuenta.',
        'puede bajar la B12',
        'puede bajar el magnesio',
        'Sepárelo al menos 2 horas de las pastillas para los huesos',
      ],
    },
    mustNotAppear: {
      // Each medicine note says its own sentence: the old shared opening is gone.
      en: ['You take a medicine for stomach acid'],
      es: ['Usted toma una medicina para la acidez'],
    },
  },
  WORST_CASE,
  {
    ...WORST_CASE,
    id: 'worst-case-large-print',
    panel: { ...WORST_CASE.panel, context: [...WORST_CONTEXT, 'age-65-plus'] },
    largePrint: true,
  },
  {
    id: 'censored-below-25',
    panel: { clinician: CLINICIAN, results: [result('vitamin-d', '<25', 'ng/mL')] },
    mustAppear: {
      en: ['Low (below 25)', 'Vitamin D: low (below 25).'],
      es: ['Baja (menos de 25)'],
    },
    mustNotAppear: { en: ["We can't tell", 'we cannot tell'], es: ['No se puede saber'] },
  },
];
