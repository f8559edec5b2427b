/**
 * The test EHR's chart: two patients, dated results for every analyte (one critical, one in SI
 * units, one censored, one unreadable, one entered in error), other lab codes the app must not
 * ask for, a metformin order and a chronic kidney disease condition. Invented people and values,
 * chosen to be easy to find in logs (the privacy tests look for them).
 */
import type { Resource } from '@medplum/fhirtypes';

/** Patients, by id. */
export const PATIENTS = {
  main: {
    id: 'p-main',
    given: 'Rosalind',
    family: 'Quillfeather',
    birthDate: '1956-04-12',
  },
  empty: { id: 'p-empty', given: 'Bartholomew', family: 'Nochart', birthDate: '1990-08-30' },
} as const;

/** The signed-in clinician (the `fhirUser` of every token). */
export const PRACTITIONER_ID = 'dr-okafor';

/** The lab named on every result. */
export const LAB_NAME = 'Riverbend Regional Laboratory';

/** The values a privacy test can look for (none may reach our own server). */
export const SENTINEL_VALUES = ['31.7', '251.9', '0.43', '24.6', '12.4'] as const;

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';

function observation(
  id: string,
  patientId: string,
  loinc: string,
  display: string,
  date: string,
  value: { value: number; unit: string; comparator?: '<' | '>' | '<=' | '>=' } | null,
  extra: Partial<Record<string, unknown>> = {},
): Resource {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'laboratory',
          },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code: loinc, display }], text: display },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: `${date}T08:30:00Z`,
    performer: [{ display: LAB_NAME }],
    ...(value === null
      ? {}
      : {
          valueQuantity: {
            value: value.value,
            ...(value.comparator === undefined ? {} : { comparator: value.comparator }),
            unit: value.unit,
            system: UCUM,
            code: value.unit,
          },
        }),
    ...extra,
  } as Resource;
}

const VITD = '25-hydroxyvitamin D2+D3 [Mass/volume] in Serum or Plasma';
const B12 = 'Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma';
const B12_SI = 'Cobalamin (Vitamin B12) [Moles/volume] in Serum or Plasma';
const MG = 'Magnesium [Mass/volume] in Serum or Plasma';
const MG_SI = 'Magnesium [Moles/volume] in Serum or Plasma';

/**
 * Every resource of the test chart.
 * @returns the resources, with ids
 */
export function buildSeed(): Resource[] {
  const p = PATIENTS.main.id;
  return [
    ...Object.values(PATIENTS).map((patient): Resource => ({
      resourceType: 'Patient',
      id: patient.id,
      name: [{ given: [patient.given], family: patient.family }],
      birthDate: patient.birthDate,
      gender: 'unknown',
    })),
    {
      resourceType: 'Practitioner',
      id: PRACTITIONER_ID,
      name: [{ given: ['Chidi'], family: 'Okafor', prefix: ['Dr'] }],
    },
    // Vitamin D: five dated results, one censored, newest 31.7 ng/mL.
    observation('vd-1', p, '62292-8', VITD, '2025-05-06', { value: 8.2, unit: 'ng/mL' }),
    observation('vd-2', p, '62292-8', VITD, '2025-09-02', {
      value: 5,
      unit: 'ng/mL',
      comparator: '<',
    }),
    observation('vd-3', p, '62292-8', VITD, '2026-03-10', { value: 12.4, unit: 'ng/mL' }),
    observation('vd-4', p, '62292-8', VITD, '2026-06-15', { value: 24.6, unit: 'ng/mL' }),
    observation('vd-5', p, '62292-8', VITD, '2026-11-02', { value: 31.7, unit: 'ng/mL' }),
    // Unreadable: no unit at all (never guessed), and one entered in error.
    observation('vd-nounit', p, '62292-8', VITD, '2026-07-01', null, {
      valueQuantity: { value: 40 },
    }),
    observation(
      'vd-error',
      p,
      '62292-8',
      VITD,
      '2026-10-30',
      { value: 99.9, unit: 'ng/mL' },
      { status: 'entered-in-error' },
    ),
    // B12: three in pg/mL, the newest in SI units (pmol/L).
    observation('b12-1', p, '2132-9', B12, '2026-01-12', { value: 182.6, unit: 'pg/mL' }),
    observation('b12-2', p, '2132-9', B12, '2026-05-20', { value: 240.3, unit: 'pg/mL' }),
    observation('b12-3', p, '2132-9', B12, '2026-09-20', { value: 301.8, unit: 'pg/mL' }),
    observation('b12-4', p, '14685-2', B12_SI, '2026-11-02', { value: 251.9, unit: 'pmol/L' }),
    // Magnesium: two in mg/dL, the newest critical low in mmol/L.
    observation('mg-1', p, '19123-9', MG, '2026-04-08', { value: 1.9, unit: 'mg/dL' }),
    observation('mg-2', p, '19123-9', MG, '2026-08-19', { value: 2.1, unit: 'mg/dL' }),
    observation('mg-3', p, '2601-3', MG_SI, '2026-11-02', { value: 0.43, unit: 'mmol/L' }),
    // Other lab codes the app must not ask for.
    observation('glu-1', p, '2345-7', 'Glucose [Mass/volume] in Serum or Plasma', '2026-11-02', {
      value: 97,
      unit: 'mg/dL',
    }),
    observation('cre-1', p, '2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', '2026-11-02', {
      value: 1.6,
      unit: 'mg/dL',
    }),
    {
      resourceType: 'MedicationRequest',
      id: 'med-metformin',
      status: 'active',
      intent: 'order',
      subject: { reference: `Patient/${p}` },
      authoredOn: '2024-02-01',
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '860975',
            display: '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet',
          },
        ],
      },
    },
    {
      resourceType: 'Condition',
      id: 'cond-ckd',
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: 'active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            code: 'confirmed',
          },
        ],
      },
      subject: { reference: `Patient/${p}` },
      onsetDateTime: '2023-06-01',
      code: {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'N18.31',
            display: 'Chronic kidney disease, stage 3a',
          },
        ],
      },
    },
  ];
}
