/**
 * Suggested clinical context from the chart: metformin or a proton-pump inhibitor
 * (MedicationRequest / MedicationStatement, by RxNorm ingredient), chronic kidney disease and
 * pregnancy (Condition, ICD-10-CM or SNOMED CT), and age 65 or over (Patient.birthDate).
 * Suggestions only: the clinician ticks each box; nothing here changes an interpretation.
 */
import { ageInYears } from '../calendar-date';
import type { ContextFlag } from '../types';

/** One suggestion, with the chart entry that prompted it. */
export interface ContextSuggestion {
  readonly flag: ContextFlag;
  /** What the chart says, e.g. "MedicationRequest: metformin 500 MG Oral Tablet (active, since 2025-01-10)". */
  readonly evidence: string;
}

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ICD10 = ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'];
const SNOMED = 'http://snomed.info/sct';

/**
 * RxNorm ingredient RxCUIs (RxNav, ingredient term type IN). A product code (SCD/SBD) names its
 * ingredient in its display text, which is matched by the ingredient name as a whole word.
 */
const MEDICINES: ReadonlyArray<{
  readonly flag: 'metformin' | 'ppi';
  readonly name: string;
  readonly rxcui: string;
}> = [
  { flag: 'metformin', name: 'metformin', rxcui: '6809' },
  { flag: 'ppi', name: 'omeprazole', rxcui: '7646' },
  { flag: 'ppi', name: 'esomeprazole', rxcui: '283742' },
  { flag: 'ppi', name: 'lansoprazole', rxcui: '17128' },
  { flag: 'ppi', name: 'dexlansoprazole', rxcui: '816346' },
  { flag: 'ppi', name: 'pantoprazole', rxcui: '40790' },
  { flag: 'ppi', name: 'rabeprazole', rxcui: '114979' },
];

/** SNOMED CT chronic kidney disease (709044004) and its stage concepts, and ESRD. */
const CKD_SNOMED = new Set([
  '709044004',
  '431855005',
  '431856006',
  '433144002',
  '700378005',
  '700379002',
  '431857002',
  '433146000',
  '46177005',
]);
/** SNOMED CT pregnancy (77386006) and pregnant state (Finding, 249166003 "Pregnant"). */
const PREGNANCY_SNOMED = new Set(['77386006', '249166003']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function codings(concept: unknown): Json[] {
  return isObject(concept) ? list(concept.coding) : [];
}

function conceptText(concept: unknown): string {
  if (!isObject(concept)) return '';
  return [str(concept.text), ...codings(concept).map((c) => str(c.display))]
    .filter((part): part is string => part !== undefined)
    .join(' ');
}

function statusCode(concept: unknown): string | undefined {
  return str(codings(concept)[0]?.code);
}

const ACTIVE_MEDICATION_STATUSES = new Set(['active', 'on-hold', 'intended']);

/**
 * Matches a medication concept against the ingredient list.
 * @param concept - a CodeableConcept (medicationCodeableConcept)
 * @returns the matching medicine, if any
 */
function matchMedicine(concept: unknown): (typeof MEDICINES)[number] | undefined {
  const codes = codings(concept)
    .filter((c) => c.system === RXNORM)
    .map((c) => str(c.code));
  // Whole words of the drug's text: "metformin 500 mg" names metformin, "nometformin" does not.
  const words = new Set(
    conceptText(concept)
      .toLowerCase()
      .split(/[^a-z0-9]+/),
  );
  return MEDICINES.find((medicine) => codes.includes(medicine.rxcui) || words.has(medicine.name));
}

function medicationSuggestions(resources: readonly unknown[]): ContextSuggestion[] {
  const out: ContextSuggestion[] = [];
  for (const resource of resources.filter(isObject)) {
    const type = resource.resourceType;
    if (type !== 'MedicationRequest' && type !== 'MedicationStatement') continue;
    const status = str(resource.status) ?? 'unknown';
    if (!ACTIVE_MEDICATION_STATUSES.has(status)) continue;
    const concept = resource.medicationCodeableConcept;
    const medicine = matchMedicine(concept);
    if (medicine === undefined) continue;
    const since =
      str(resource.authoredOn) ??
      (isObject(resource.effectivePeriod) ? str(resource.effectivePeriod.start) : undefined) ??
      str(resource.effectiveDateTime);
    const what = conceptText(concept) || medicine.name;
    out.push({
      flag: medicine.flag,
      evidence: `${type}: ${what} (${status}${since === undefined ? '' : `, since ${since.slice(0, 10)}`})`,
    });
  }
  return out;
}

function conditionFlag(concept: unknown): 'ckd' | 'pregnancy' | undefined {
  for (const coding of codings(concept)) {
    const code = str(coding.code) ?? '';
    const system = str(coding.system) ?? '';
    if (ICD10.includes(system)) {
      if (/^N18(\.|$|\d)/.test(code)) return 'ckd';
      // O00-O9A pregnancy chapter, Z33.1 pregnant state, Z34 supervision of normal pregnancy.
      if (/^O/.test(code) || /^Z33\.1/.test(code) || /^Z34/.test(code)) return 'pregnancy';
    }
    if (system === SNOMED) {
      if (CKD_SNOMED.has(code)) return 'ckd';
      if (PREGNANCY_SNOMED.has(code)) return 'pregnancy';
    }
  }
  return undefined;
}

function conditionSuggestions(resources: readonly unknown[]): ContextSuggestion[] {
  const out: ContextSuggestion[] = [];
  for (const resource of resources.filter(isObject)) {
    if (resource.resourceType !== 'Condition') continue;
    const clinical = statusCode(resource.clinicalStatus);
    const verification = statusCode(resource.verificationStatus);
    // Absent clinical status is read as active (US Core requires it unless entered-in-error).
    if (clinical !== undefined && !['active', 'recurrence', 'relapse'].includes(clinical)) continue;
    if (verification === 'refuted' || verification === 'entered-in-error') continue;
    const flag = conditionFlag(resource.code);
    if (flag === undefined) continue;
    const onset = str(resource.onsetDateTime) ?? str(resource.recordedDate);
    const code = codings(resource.code)[0];
    const codeText = code === undefined ? '' : ` [${str(code.code) ?? ''}]`;
    out.push({
      flag,
      evidence: `Condition: ${conceptText(resource.code) || 'coded condition'}${codeText} (${clinical ?? 'status not given'}${onset === undefined ? '' : `, since ${onset.slice(0, 10)}`})`,
    });
  }
  return out;
}

/**
 * The patient's age from a FHIR birth date, which may give only the year (`1950`) or the year
 * and month (`1950-06`): then the least age that date allows, taking the last day it can mean,
 * so a suggestion never claims an age the chart does not show.
 * @param birthDate - the Patient's birthDate
 * @param asOf - today's date, YYYY-MM-DD
 * @returns whole years and whether the date was complete, or null (malformed, or after today)
 */
function leastAge(birthDate: string, asOf: string): { years: number; exact: boolean } | null {
  const partial = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(birthDate);
  let latest = birthDate;
  if (partial !== null) {
    // The last day of the year, or of the month, the date gives.
    const [, year = '', month = '12'] = partial;
    const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    latest = `${year}-${month}-${String(lastDay).padStart(2, '0')}`;
  }
  // A birth date after today is an error in the chart, not an age.
  if (latest > asOf) return null;
  const years = ageInYears(latest, asOf);
  return years === null ? null : { years, exact: partial === null };
}

/**
 * The suggested context ticks.
 * @param chart - the Patient (birthDate) and the medication and condition resources read
 * @param asOf - today's date, YYYY-MM-DD
 * @returns suggestions, grouped by flag in a fixed order, each with its evidence
 */
export function suggestContext(
  chart: {
    readonly birthDate?: string;
    readonly medications: readonly unknown[];
    readonly conditions: readonly unknown[];
  },
  asOf: string,
): ContextSuggestion[] {
  const suggestions = [
    ...medicationSuggestions(chart.medications),
    ...conditionSuggestions(chart.conditions),
  ];
  const age = chart.birthDate === undefined ? null : leastAge(chart.birthDate, asOf);
  if (age !== null && age.years >= 65) {
    suggestions.push({
      flag: 'age-65-plus',
      evidence: `Patient: born ${chart.birthDate}, ${age.exact ? '' : 'at least '}${age.years} years old`,
    });
  }
  const order: readonly ContextFlag[] = ['age-65-plus', 'metformin', 'ppi', 'ckd', 'pregnancy'];
  return suggestions.sort((a, b) => order.indexOf(a.flag) - order.indexOf(b.flag));
}
