/**
 * The US Core DocumentReference that files the patient handout back to the chart.
 *
 * Type: LOINC 34895-3 "Education note". US Core binds DocumentReference.type to LOINC document
 * codes (SCALE_TYP = DOC, the Document Ontology); the handout is written for the patient to
 * explain the results and what to do, which is education. The other candidate, 69730-0
 * "Instructions", is a section code of the C-CDA Patient Instructions section, not a document
 * type, so it does not fit the binding. Category: US Core "clinical-note".
 */

import type { DocumentReference } from '@medplum/fhirtypes';

/** LOINC code of the handout's document type. */
export const HANDOUT_DOCUMENT_TYPE = {
  system: 'http://loinc.org',
  code: '34895-3',
  display: 'Education note',
} as const;

/** What the DocumentReference needs. */
export interface HandoutDocumentInput {
  /** The patient's id on the FHIR server. */
  readonly patientId: string;
  /** `fhirUser` of the signed-in clinician: "Practitioner/123" or an absolute URL. */
  readonly fhirUser?: string;
  /** The PDF, base64. */
  readonly pdfBase64: string;
  /** When the handout was made (ISO date-time with offset). */
  readonly createdAt: string;
  readonly lang: 'en' | 'es';
  /** The file name offered with the attachment. */
  readonly title: string;
}

/** A FHIR R4 DocumentReference as we create it: these elements are always set. */
export type HandoutDocumentReference = DocumentReference &
  Required<
    Pick<DocumentReference, 'status' | 'docStatus' | 'type' | 'category' | 'subject' | 'date'>
  >;

/**
 * Turns `fhirUser` into a relative reference when it names a resource type US Core allows as
 * author (Practitioner, PractitionerRole, Patient, RelatedPerson); absolute URLs keep their last
 * two segments, which is how servers resolve them.
 * @param fhirUser - the `fhirUser` claim
 * @returns the reference, or undefined when it does not name an allowed author
 */
export function authorReference(fhirUser: string | undefined): string | undefined {
  if (fhirUser === undefined) return undefined;
  const match =
    /(?:^|\/)(Practitioner|PractitionerRole|Patient|RelatedPerson)\/([A-Za-z0-9\-.]{1,64})$/.exec(
      fhirUser.trim(),
    );
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}

/**
 * Builds the DocumentReference for the handout PDF.
 * @param input - patient, author, PDF and date
 * @returns the resource to create
 */
export function buildHandoutDocumentReference(
  input: HandoutDocumentInput,
): HandoutDocumentReference {
  const author = authorReference(input.fhirUser);
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'final',
    type: { coding: [HANDOUT_DOCUMENT_TYPE], text: 'Patient handout: lab results' },
    category: [
      {
        coding: [
          {
            system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
            code: 'clinical-note',
            display: 'Clinical Note',
          },
        ],
      },
    ],
    subject: { reference: `Patient/${input.patientId}` },
    date: input.createdAt,
    ...(author === undefined ? {} : { author: [{ reference: author }] }),
    description: 'Patient handout: vitamin D, vitamin B12 and magnesium results',
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          language: input.lang,
          data: input.pdfBase64,
          title: input.title,
          creation: input.createdAt,
        },
      },
    ],
  };
}
