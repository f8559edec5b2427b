import type { HandoutText } from './handout-text';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * English wording of the patient handout. Written for a 6th-grade reader: short sentences,
 * common words, terms defined where they first appear. Honest about the evidence for back pain
 * (clinical reference, section 5): a low level may add to aches; no promise of relief.
 */
export const HANDOUT_TEXT_EN: HandoutText = {
  lang: 'en',
  pdfLanguage: 'en-US',
  title: 'Your blood test results',
  subject: 'Vitamin D, vitamin B12 and magnesium: what your results mean for your back',
  intro: [
    'This sheet explains your blood tests in plain words. Your clinician is the doctor, nurse or other health worker who ordered them.',
  ],
  facts: {
    patient: 'For',
    collectedOn: 'Blood taken on',
    clinician: 'Your clinician',
    clinic: 'Clinic',
    phone: 'Phone',
  },
  formatDate: (year, month, day) => `${MONTHS[month - 1] ?? ''} ${day}, ${year}`,
  summaryHeading: 'In short',
  summaryLine: (test, meaning) => `${test}: ${meaning.toLowerCase()}.`,
  summaryClosing: 'Your clinician will go over these results with you.',
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
  statusWords: {
    deficient: 'Low',
    insufficient: 'A bit low',
    sufficient: 'In a healthy range',
    high: 'Higher than needed',
    indeterminate: "We can't tell from this result",
  },
  bandWords: {
    deficient: 'Low',
    insufficient: 'A bit low',
    sufficient: 'Healthy range',
    high: 'Higher than needed',
  },
  youAreHere: 'You are here',
  somewhereHere: 'You are somewhere in here',
  criticalAction: 'Your clinician needs to talk with you about this result soon.',
  analytes: {
    'vitamin-d': {
      name: 'Vitamin D',
      heading: 'Vitamin D: a vitamin that keeps bones strong',
      why: [
        'Your body needs vitamin D to use calcium, the mineral in bones.',
        'A very low level can make bones soft and sore. This can add to back aches.',
        'Pills have not been shown to ease back pain. Still, fixing a real lack is good for your bones.',
      ],
      yourLevel: {
        deficient: 'Your level is low. It may add to your aches.',
        insufficient: 'Your level is a bit low.',
        sufficient: 'Your level is in a healthy range.',
        high: 'Your level is higher than you need. Too much can harm you.',
        indeterminate: 'The lab did not give an exact number, so we cannot tell where you are.',
      },
      action: {
        deficient: 'Your clinician may suggest vitamin D pills and a few more blood tests.',
        insufficient: 'Your clinician may suggest foods with vitamin D or a pill.',
        sufficient: 'Keep doing what you do now.',
        high: 'Do not take extra vitamin D until you talk with your clinician.',
        indeterminate: 'Your clinician may ask for a new test that gives a number.',
      },
      suggest: {
        deficient: [
          'Blood tests that show how your bones are doing.',
          'Vitamin D pills, taken the way your clinician says.',
        ],
        insufficient: ['More foods with vitamin D, some time in the sun, or a pill.'],
        sufficient: ['No change is needed for vitamin D.'],
        high: [
          'A blood test for calcium. Too much vitamin D can raise calcium.',
          'A talk about the pills you take.',
        ],
        indeterminate: ['A new test that gives a number.'],
      },
      foods: [
        'Fish with a lot of oil, like salmon.',
        'Milk with vitamin D added.',
        'Eggs.',
        'Some sun on your skin.',
      ],
      foodsWhenHigh: 'You do not need more vitamin D now. Food alone will not make it too high.',
    },
    'vitamin-b12': {
      name: 'Vitamin B12',
      heading: 'Vitamin B12: a vitamin that keeps nerves healthy',
      why: [
        'Nerves carry signals from your body to your brain.',
        'A low level can cause numb feet, tingling or weak legs. This can feel like back pain or make it worse.',
        'Fixing a real lack is good for your nerves. Your clinician will decide if you need it.',
      ],
      yourLevel: {
        deficient: 'Your level is low. It may add to nerve pain.',
        insufficient: 'Your level is a bit low. One more test can tell if you need more B12.',
        sufficient: 'Your level is in a healthy range.',
        high: 'Your level is higher than needed. This is most often from pills or shots.',
        indeterminate: 'The lab did not give an exact number, so we cannot tell where you are.',
      },
      action: {
        deficient: 'Your clinician may suggest B12 shots or pills and a blood count test.',
        insufficient: 'Your clinician may suggest one more blood test to be sure.',
        sufficient: 'Keep eating foods with B12.',
        high: 'Your clinician may repeat the test. Tell them about any pills you take.',
        indeterminate: 'Your clinician may ask for a new test that gives a number.',
      },
      suggest: {
        deficient: [
          'B12 shots or pills.',
          'A blood count test, which looks at your red blood cells.',
        ],
        insufficient: ['One more blood test that shows if your body has enough B12.'],
        sufficient: ['No change is needed for B12.'],
        high: ['A new B12 test, and tests of your blood and liver.'],
        indeterminate: ['A new test that gives a number.'],
      },
      foods: ['Meat, fish and chicken.', 'Eggs and milk.', 'Cereal with B12 added.'],
      foodsWhenHigh:
        'You do not need more B12 now. Do not take B12 pills unless your clinician says so.',
    },
    magnesium: {
      name: 'Magnesium',
      heading: 'Magnesium: a mineral that helps muscles relax',
      why: [
        'Your muscles need magnesium to relax after they work.',
        'A low level can cause cramps and tight muscles. This can add to back aches.',
        'Pills do not stop most cramps. Still, fixing a real lack is good for your muscles.',
      ],
      yourLevel: {
        deficient: 'Your level is low. It may add to cramps and aches.',
        insufficient: 'Your level is a bit low. Some labs still call this normal.',
        sufficient:
          'Your level is in a healthy range. A blood test does not show all the magnesium in your body.',
        high: 'Your level is higher than needed. This is often linked to the kidneys.',
        indeterminate: 'The lab did not give an exact number, so we cannot tell where you are.',
      },
      action: {
        deficient: 'Your clinician may suggest magnesium and tests for potassium and calcium.',
        insufficient: 'Your clinician may suggest more foods with magnesium.',
        sufficient: 'Keep eating foods with magnesium.',
        high: 'Your clinician may check your kidneys and the medicines you take.',
        indeterminate: 'Your clinician may ask for a new test that gives a number.',
      },
      suggest: {
        deficient: [
          'Magnesium pills or a drip in a vein.',
          'Blood tests for potassium and calcium. These are often low too.',
        ],
        insufficient: ['More foods with magnesium, and a new test later.'],
        sufficient: ['No change is needed for magnesium.'],
        high: [
          'A blood test to see how your kidneys work.',
          'A talk about antacids and laxatives. These are stomach and bowel medicines that can have magnesium.',
        ],
        indeterminate: ['A new test that gives a number.'],
      },
      foods: [
        'Leafy greens, like spinach.',
        'Nuts and seeds.',
        'Whole grains, like oats and brown rice.',
        'Avocados.',
      ],
      foodsWhenHigh:
        'Do not take magnesium pills or antacids with magnesium unless your clinician says so.',
    },
  },
  contextNotes: {
    metformin: {
      'vitamin-b12': 'You take metformin, a medicine for blood sugar. Over time it can lower B12.',
    },
    ppi: {
      'vitamin-b12': 'You take a medicine for stomach acid. Over a long time it can lower B12.',
      magnesium: 'You take a medicine for stomach acid. Over a long time it can lower magnesium.',
    },
    ckd: {
      magnesium: 'You have kidney disease. This can make magnesium go up.',
      'vitamin-d':
        'You have kidney disease. Your clinician will read this result with that in mind.',
    },
    pregnancy: {
      'vitamin-b12':
        'B12 often looks lower when you are pregnant. Your clinician will keep this in mind.',
    },
    biotin: {
      'vitamin-b12': 'You take biotin. It can make this test read too high. Tell your clinician.',
    },
    'recent-b12-injection': {
      'vitamin-b12': 'You had a B12 shot in the last two weeks. This makes the result read high.',
    },
  },
  sectionHeadings: {
    why: 'Why it matters for your back',
    foods: 'Foods that help',
    suggest: 'What your clinician may suggest',
    goodToKnow: 'Good to know',
  },
  habitsHeading: 'Habits that help your back and your health',
  habits: [
    'Walk each day, or try yoga or pilates.',
    'Drink water all through the day.',
    'Eat fish, fruit, vegetables and nuts.',
    'Cut back on fast food and sweet drinks.',
    'For calcium: milk, yogurt, cheese, greens.',
    'For good fats: oily fish, walnuts, chia.',
  ],
  notesHeading: 'Notes from your clinician',
  footer: {
    rules: 'Rules used: {names}.',
    version: 'Rules version {version}.',
    generated: 'Made on {date}.',
    page: 'Page {page} of {pages}',
  },
  disclaimer: 'This sheet does not replace advice from your clinician.',
};
