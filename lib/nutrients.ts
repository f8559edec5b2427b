import type { CitationId } from './citations';

/** The nutrients of the reference review's nutrient table (three analytes plus three others). */
export const NUTRIENT_IDS = [
  'vitamin-d',
  'vitamin-b12',
  'magnesium',
  'calcium',
  'omega-3',
  'vitamin-c',
] as const;
/** One of {@link NUTRIENT_IDS}. */
export type NutrientId = (typeof NUTRIENT_IDS)[number];

/** What a nutrient does for the back, what its lack looks like, and where food supplies it. */
export interface Nutrient {
  readonly id: NutrientId;
  readonly name: string;
  /** Its role for bone, nerve, muscle or connective tissue, worded no stronger than the sources. */
  readonly roleForBack: string;
  readonly deficiencySigns: readonly string[];
  readonly foodSources: readonly string[];
  /** Whether the interpreter measures it (the other three are context only). */
  readonly measuredHere: boolean;
  readonly citationIds: readonly CitationId[];
}

/**
 * The nutrient table of the reference review. General nutrition facts from the NIH Office of
 * Dietary Supplements fact sheets (and the clinical sources the analytes already cite); none of
 * it claims that a food or supplement relieves back pain.
 */
export const NUTRIENTS: readonly Nutrient[] = [
  {
    id: 'vitamin-d',
    name: 'Vitamin D',
    roleForBack:
      'Needed to absorb calcium and mineralise bone. Severe, long-standing deficiency causes osteomalacia, with bone pain (including symmetric low back pain) and muscle weakness.',
    deficiencySigns: [
      'Often no symptoms',
      'Bone pain and tenderness (osteomalacia)',
      'Proximal muscle weakness',
    ],
    foodSources: [
      'Sunlight on the skin',
      'Fatty fish (salmon, trout, sardines)',
      'Fortified milk and cereals',
      'Egg yolks',
    ],
    measuredHere: true,
    citationIds: ['ods-vitamin-d', 'bordelon-2009'],
  },
  {
    id: 'vitamin-b12',
    name: 'Vitamin B12',
    roleForBack:
      'Needed for healthy nerves and red blood cells. Deficiency can cause a neuropathy that mimics or adds to radicular symptoms, even without anaemia.',
    deficiencySigns: [
      'Numbness or tingling in hands and feet',
      'Poor balance',
      'Tiredness and megaloblastic anaemia',
      'Sore, smooth tongue; memory problems',
    ],
    foodSources: ['Meat, fish and poultry', 'Eggs and dairy', 'Fortified breakfast cereals'],
    measuredHere: true,
    citationIds: ['ods-vitamin-b12', 'stabler-2013'],
  },
  {
    id: 'magnesium',
    name: 'Magnesium',
    roleForBack:
      'Needed for muscle and nerve function; about half of body magnesium is in bone. Low magnesium raises muscle excitability (cramps, spasm).',
    deficiencySigns: [
      'Early: poor appetite, nausea, tiredness, weakness',
      'Later: muscle cramps, tremor, tingling',
      'Low potassium and calcium; abnormal heart rhythm',
    ],
    foodSources: [
      'Leafy green vegetables',
      'Nuts and seeds',
      'Whole grains and legumes',
      'Avocados',
    ],
    measuredHere: true,
    citationIds: ['ods-magnesium', 'msd-hypomagnesemia'],
  },
  {
    id: 'calcium',
    name: 'Calcium',
    roleForBack:
      'The main mineral of bone (almost all body calcium is in bones and teeth). Low intake over years contributes to low bone mass and osteoporosis.',
    deficiencySigns: [
      'Usually none in the short term (blood calcium is tightly controlled)',
      'Over years: low bone mass, fractures',
      'Low blood calcium: tingling fingers, muscle cramps',
    ],
    foodSources: [
      'Milk, yogurt and cheese',
      'Leafy greens (kale, broccoli)',
      'Fortified plant drinks and juices',
      'Canned fish with soft bones',
    ],
    measuredHere: false,
    citationIds: ['ods-calcium'],
  },
  {
    id: 'omega-3',
    name: 'Omega-3 fatty acids',
    roleForBack:
      'Part of every cell membrane and a source of signalling molecules involved in inflammation. Evidence that they relieve back pain is limited.',
    deficiencySigns: ['Rare', 'Rough, scaly skin and an itchy rash'],
    foodSources: ['Fatty fish (salmon, mackerel, sardines)', 'Flaxseed and chia seeds', 'Walnuts'],
    measuredHere: false,
    citationIds: ['ods-omega-3'],
  },
  {
    id: 'vitamin-c',
    name: 'Vitamin C',
    roleForBack:
      'Needed to make collagen, the protein of bone, ligaments, tendons and discs. Severe deficiency (scurvy) weakens connective tissue.',
    deficiencySigns: [
      'Rare outside very poor diets',
      'Scurvy: tiredness, bleeding gums, easy bruising',
      'Joint pain and poor wound healing',
    ],
    foodSources: [
      'Citrus fruits and kiwi',
      'Red and green peppers',
      'Broccoli and Brussels sprouts',
      'Strawberries and tomatoes',
    ],
    measuredHere: false,
    citationIds: ['ods-vitamin-c'],
  },
];
