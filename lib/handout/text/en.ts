import { RULE_SET_NAMES_FROM_CUTOFFS } from '../../rule-set-names';
import { monthName } from '../../month-names';
import type { HandoutText } from './handout-text';

const STATUS_WORDS = {
  deficient: 'Low',
  insufficient: 'A bit low',
  sufficient: 'In a healthy range',
  high: 'Higher than needed',
  indeterminate: "We can't tell from this result",
} as const;

const NEW_TEST_ACTION = 'Your clinician may ask for a new test that gives a number.';

/**
 * English wording of the patient handout. Written for a 6th-grade reader: short sentences,
 * common words, terms defined where they first appear. Honest about the evidence for back pain
 * (clinical reference, section 5): a low level may add to aches; no promise of relief.
 */
export const HANDOUT_TEXT_EN: HandoutText = {
  lang: 'en',
  pdfLanguage: 'en-US',
  title: 'Your blood test results',
  subject: 'Vitamin D, vitamin B12 and magnesium: what your results mean',
  intro: ['Your clinician is the doctor, nurse or other health worker who ordered these tests.'],
  facts: {
    patient: 'For',
    collectedOn: 'Blood taken on',
    clinician: 'Your clinician',
    clinic: 'Clinic',
    phone: 'Phone',
  },
  formatDate: (year, month, day) => `${monthName(month, 'en')} ${day}, ${year}`,
  summaryHeading: 'In short',
  summaryLine: (test, meaning) => `${test}: ${meaning.toLowerCase()}.`,
  resultNotices: {
    'preliminary-result': 'Early (preliminary) result: the lab may still change it.',
    'vitamin-d3-only-code': 'The lab tested vitamin D3 only. Your clinician will check it.',
    'lab-range-dropped': "The lab's own normal range could not be read.",
    'possible-unit-mixup': 'The unit may be wrong. Your clinician will check it.',
    'lab-range-discordant': "The lab's normal range is not the same as this guide.",
    'outside-assay-range': 'The lab test cannot measure this number exactly.',
  },
  preliminaryMark: '(preliminary)',
  critical: {
    callToday: 'Call your clinician at {phone} today.',
    blankPhone: '________________',
    call911: '{test}: call 911 or go to the emergency room if you have:',
    symptoms: {
      'vitamin-d-high': [
        'Vomiting, or you cannot keep fluids down.',
        'Great thirst, and you pass a lot of urine.',
        'Confusion, or you are much more sleepy than usual.',
        'A racing or uneven heartbeat.',
      ],
      'magnesium-high': [
        'Very weak or floppy muscles.',
        'You are very sleepy or confused.',
        'Slow or shallow breathing.',
        'A slow heartbeat, or you faint.',
      ],
      'magnesium-low': [
        'A racing, pounding or uneven heartbeat.',
        'You faint.',
        'Muscle spasms or twitching that do not stop.',
        'A seizure (fit).',
      ],
    },
    rowAction: 'Call your clinician today. See the red box at the top.',
  },
  actions: {
    heading: 'What to do now',
    book: 'Book a visit with your clinician in 1 to 2 weeks, or when they tell you.',
    bringPills: 'Bring all your pills and supplements when you go.',
    allNormal: [
      'These tests do not explain your back pain. Your clinician will look for other causes.',
      'Most back pain gets better within a few weeks. Keep moving as much as you can.',
    ],
  },
  redFlags: {
    heading: 'Get help right away if...',
    groups: [
      {
        lead: 'Go to the emergency room now if you have:',
        items: [
          'New trouble passing urine, or you cannot control your bladder or bowels.',
          'Numbness around your genitals, buttocks or inner thighs.',
          'Weak legs that are getting worse, or weakness in both legs.',
        ],
      },
      {
        lead: 'Call your clinician the same day if you have:',
        items: [
          'A fever, or you feel very sick, with your back pain.',
          'A fall or injury, especially if you are over 50, have thin bones or take steroids.',
        ],
      },
      {
        lead: 'See your clinician soon if you have:',
        items: [
          'Weight loss you cannot explain, cancer in the past, or pain at night that rest does not ease.',
        ],
      },
    ],
  },
  tableHeading: 'Your results',
  columns: {
    test: 'Test',
    result: 'Your result',
    meaning: 'What it means',
    action: 'What to do next',
  },
  tableNote: 'The letters after each number, like ng/mL, are the units the lab used.',
  comparatorWords: {
    '<': 'less than',
    '<=': 'at most',
    '>': 'more than',
    '>=': 'at least',
  },
  bandWords: {
    deficient: 'Low',
    insufficient: 'A bit low',
    sufficient: 'Healthy range',
    high: 'Higher than needed',
  },
  youAreHere: 'You are here',
  somewhereHere: 'You are somewhere in here',
  scaleAlt: {
    point: 'Your level, {value}, is in the {band} range; healthy is {healthy}.',
    range: 'Your level, {value}, could be in the {band} range; healthy is {healthy}.',
    healthyBetween: '{from} to {to} {unit}',
    healthyFrom: '{from} {unit} or more',
    or: ' or ',
    bands: { deficient: 'low', insufficient: 'a bit low', sufficient: 'healthy', high: 'high' },
  },
  analytes: {
    'vitamin-d': {
      name: 'Vitamin D',
      heading: 'Vitamin D: a vitamin that keeps bones strong',
      statusWords: STATUS_WORDS,
      lowCensored: 'Low (below {bound})',
      why: ['Your body needs vitamin D to use calcium, the mineral in bones.'],
      whyWhenLow: [
        'A very low level can make bones soft and sore. This can add to back aches.',
        'Pills have not been shown to ease back pain. But fixing a real lack helps your bones.',
      ],
      whyWhenNotLow: [
        'When your level is not low, extra vitamin D has not been shown to help back pain.',
      ],
      yourLevel: {
        deficient: 'Your vitamin D level is low.',
        insufficient: 'Your vitamin D level is a bit low.',
        sufficient: 'Your vitamin D level is in a healthy range.',
        high: 'Your vitamin D level is higher than you need. Too much can harm you.',
        indeterminate:
          'The lab did not give an exact vitamin D number, so we cannot tell where you are.',
      },
      action: {
        deficient: 'Your clinician may suggest vitamin D pills and a few more blood tests.',
        insufficient: 'Your clinician may suggest foods with vitamin D or a pill.',
        sufficient: 'Keep doing what you do now.',
        high: 'Your clinician will check your calcium and the pills you take.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Foods with vitamin D',
      foods: [
        'Fish with a lot of oil, like salmon.',
        'Milk with vitamin D added.',
        'Eggs.',
        'Some sun on your skin.',
      ],
    },
    'vitamin-b12': {
      name: 'Vitamin B12',
      heading: 'Vitamin B12: a vitamin that keeps nerves healthy',
      statusWords: STATUS_WORDS,
      lowCensored: 'Low (below {bound})',
      why: ['Nerves carry signals from your body to your brain. B12 helps keep them healthy.'],
      whyWhenLow: [
        'A low level can make your feet numb or tingle. It can add to aches.',
        'Fixing a real lack is good for your nerves.',
      ],
      whyWhenNotLow: [
        'When your level is not low, extra B12 has not been shown to help back pain.',
      ],
      yourLevel: {
        deficient: 'Your B12 level is low.',
        insufficient: 'Your B12 level is a bit low. One more test can tell if you need more B12.',
        sufficient: 'Your B12 level is in a healthy range.',
        high: 'Your B12 level is higher than needed. This is most often from pills or shots.',
        indeterminate: 'The lab did not give an exact B12 number, so we cannot tell where you are.',
      },
      action: {
        deficient: 'Your clinician may suggest B12 shots or pills and a blood count test.',
        insufficient: 'Your clinician may suggest one more blood test to be sure.',
        sufficient: 'Keep eating foods with B12.',
        high: 'Your clinician may repeat the test. Tell them about any pills you take.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Foods with vitamin B12',
      foods: ['Meat, fish and chicken.', 'Eggs and milk.', 'Cereal with B12 added.'],
    },
    magnesium: {
      name: 'Magnesium',
      heading: 'Magnesium: a mineral that helps muscles relax',
      statusWords: STATUS_WORDS,
      lowCensored: 'Low (below {bound})',
      why: ['Your muscles need magnesium to relax after they work.'],
      whyWhenLow: [
        'A low level can cause cramps and tight muscles. These can add to back aches.',
        'Pills may not help most cramps. But fixing a real lack helps your muscles.',
      ],
      whyWhenNotLow: [
        'When your level is not low, extra magnesium has not been shown to help back pain.',
      ],
      yourLevel: {
        deficient: 'Your magnesium level is low.',
        insufficient: 'Your magnesium level is a bit low. Some labs still call this normal.',
        sufficient:
          'Your magnesium level is in a healthy range. A blood test does not show all the magnesium in your body.',
        high: 'Your magnesium level is higher than needed. This is often linked to the kidneys.',
        indeterminate:
          'The lab did not give an exact magnesium number, so we cannot tell where you are.',
      },
      action: {
        deficient:
          'Your clinician will decide on treatment and may test your potassium and calcium.',
        insufficient: 'Your clinician may suggest more foods with magnesium.',
        sufficient: 'Keep eating foods with magnesium.',
        high: 'Your clinician may check your kidneys and the medicines you take.',
        indeterminate: NEW_TEST_ACTION,
      },
      foodsHeading: 'Foods with magnesium',
      foods: [
        'Leafy greens, like spinach.',
        'Nuts and seeds.',
        'Whole grains, like oats and brown rice.',
        'Avocados.',
      ],
    },
  },
  rules: {
    'vd-stop-pills': 'Stop vitamin D pills and calcium pills until your clinician says so.',
    'vd-high-symptoms':
      'Vitamin D is high. If you have these symptoms, call 911 or go to the emergency room:',
    'vd-no-extra': 'Do not take extra vitamin D.',
    'vd-bone-tests': 'Blood tests that show how your bones are doing.',
    'vd-pills': 'Vitamin D pills, taken the way your clinician says.',
    'vd-food-sun-or-pill': 'More foods with vitamin D, some time in the sun, or a pill.',
    'vd-ceiling':
      'Do not take more than 4,000 IU of vitamin D a day unless your clinician says so.',
    'vd-interactions':
      'Vitamin D can mix badly with water pills, calcium pills and digoxin (a heart pill).',
    'vd-no-change': 'No change is needed for vitamin D.',
    'vd-calcium-test': 'A blood test for calcium. Too much vitamin D can raise calcium.',
    'vd-new-test': 'A new vitamin D test that gives a number.',
    'vd-foods-high': 'You do not need more vitamin D now. Food alone will not make it too high.',
    'vd-ckd': 'With kidney disease, your clinician will also check your calcium and phosphate.',
    'vd-pregnancy': 'Vitamin D pills are advised in pregnancy. Ask how much to take.',
    'b12-shots-or-pills': 'B12 shots or pills.',
    'b12-blood-count': 'A blood count test, which looks at your red blood cells.',
    'b12-one-more-test': 'One more blood test that shows if your body has enough B12.',
    'b12-no-change': 'No change is needed for B12.',
    'b12-high-tests': 'A new B12 test, and tests of your blood and liver.',
    'b12-new-test': 'A new B12 test that gives a number.',
    'b12-foods-high':
      'You do not need more B12 now. Do not take B12 pills unless your clinician says so.',
    'b12-food-may-not-fix': 'With your medicine, food alone may not fix a low B12.',
    'b12-metformin': 'Metformin, a blood sugar medicine, can lower B12 over time.',
    'b12-ppi': 'Stomach acid medicine taken for a long time can lower B12.',
    'b12-pregnancy': 'In pregnancy, a B12 test often reads lower than usual.',
    'b12-injection-low':
      'You had a B12 shot in the last 2 weeks. A shot makes B12 go up, yet your level is still low.',
    'b12-injection-high':
      'You had a B12 shot in the last 2 weeks. The shot can make this result higher than your usual level.',
    'b12-injection-unclear':
      'You had a B12 shot in the last 2 weeks. A shot makes B12 go up for a while.',
    'mg-critical-low-decide': 'Your clinician will decide on treatment today.',
    'mg-ckd-no-pills':
      'Do not take magnesium pills, or antacids or laxatives with magnesium, unless your kidney team says so.',
    'mg-stop-high':
      'Do not take magnesium pills, or antacids or laxatives with magnesium, until your clinician says so.',
    'mg-pills': 'Magnesium pills, taken the way your clinician says.',
    'mg-interactions-antibiotics':
      'Take it 2 hours before or 4 to 6 hours after some antibiotics (tetracyclines, quinolones).',
    'mg-interactions-other':
      'Keep it at least 2 hours from bone pills (bisphosphonates) and 4 hours from thyroid pills (levothyroxine).',
    'mg-side-effect': 'Magnesium pills can cause loose stools.',
    'mg-potassium-calcium': 'Blood tests for potassium and calcium. These are often low too.',
    'mg-retest': 'A new magnesium test later.',
    'mg-no-change': 'No change is needed for magnesium.',
    'mg-kidney-test': 'A blood test to see how your kidneys work.',
    'mg-medicine-check':
      'A look at the medicines you take. Some antacids and laxatives have magnesium in them.',
    'mg-new-test': 'A new magnesium test that gives a number.',
    'mg-foods-high': 'You do not need more magnesium now.',
    'mg-ckd-high': 'Kidney disease can make magnesium go up.',
    'mg-ppi': 'Stomach acid medicine taken for a long time can lower magnesium.',
    'mg-pregnancy-high':
      'When you are pregnant, a high level is most often from magnesium medicine given in the hospital.',
    'metformin-do-not-stop': 'Do not stop metformin on your own.',
    'ppi-do-not-stop': 'Do not stop your stomach acid medicine on your own.',
    biotin:
      'You take biotin. A lot of biotin can make some blood tests read too high or too low. Tell your clinician how much you take.',
    'ckd-diet':
      'You have kidney disease. Ask your kidney team before you change what you eat or drink.',
    'pregnancy-fish':
      'If you eat fish, choose fish low in mercury, like salmon, 2 or 3 times a week.',
    'pregnancy-warning':
      'Pregnancy: call your maternity unit now if back pain comes with bleeding, leaking fluid, cramps that come and go, fever, or burning when you pass urine.',
  },
  sectionHeadings: {
    why: 'Why it matters',
    doNow: 'What to do',
    suggest: 'What your clinician may suggest',
    goodToKnow: 'Good to know',
  },
  panelNotesHeading: 'Also good to know',
  habitsHeading: 'Healthy habits',
  habits: {
    move: 'Walk each day, or try yoga or pilates.',
    'cut-processed': 'Cut back on fast food and sweet drinks.',
    calcium: 'For calcium: milk, yogurt, cheese, greens.',
    'omega-3': 'For good fats: oily fish, walnuts, chia.',
  },
  notesHeading: 'Notes from your clinician',
  footer: {
    rules: 'Rules used: {names}.',
    version: 'Rules version {version}.',
    generated: 'Made on {date}.',
    page: 'Page {page} of {pages}',
  },
  // The analyte data's names, written in the unit the lab reported, as the results table shows
  // the value (the screen and the references name them in the published unit).
  ruleSetNames: RULE_SET_NAMES_FROM_CUTOFFS,
  disclaimer: 'This sheet does not replace advice from your clinician.',
};
