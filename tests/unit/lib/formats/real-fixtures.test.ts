import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpretDocument } from '@/lib/formats/document';
import { decodeText } from '@/lib/formats/import';

/**
 * Real published files (tests/fixtures/real, each with its source and licence in SOURCES.md),
 * read the way the CLI and the API read them: bytes decoded as the CLI does, then
 * `interpretDocument`. None of these files holds one of our analytes (see SOURCES.md), so each
 * must be refused with the reason named, every other entry counted in `ignored`, nothing thrown.
 */

const DIR = 'tests/fixtures/real';
const AS_OF = '2026-11-25';
const OURS = /25-hydroxyvitamin D, vitamin B12 or magnesium result/;

interface Refused {
  readonly file: string;
  /** Where the reason is located. */
  readonly path: readonly string[];
  readonly reason: RegExp;
  /** How many entries were skipped, and what they were (each once, in source order). */
  readonly ignored: { readonly count: number; readonly codes: readonly string[] };
}

const REFUSED: readonly Refused[] = [
  {
    // One US Core lab Observation: calcium 7.7 mg/dL, flagged L by the lab.
    file: 'us-core-observation-serum-calcium.json',
    path: ['code'],
    reason: OURS,
    ignored: { count: 1, codes: ['LOINC 17861-6'] },
  },
  {
    file: 'us-core-observation-cbc-hemoglobin.json',
    path: ['code'],
    reason: OURS,
    ignored: { count: 1, codes: ['LOINC 718-7'] },
  },
  {
    // A searchset Bundle: one PractitionerRole (match); the Practitioner and Endpoint are
    // search context (mode include) and are not results, so they are not counted.
    file: 'us-core-PractitionerRole_Practitioner_Endpoint_Bundle_Example.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 1, codes: ['PractitionerRole'] },
  },
  {
    // A lone DiagnosticReport whose results are references to Observations not in the file.
    file: 'us-core-diagnosticreport-metabolic-panel.json',
    path: ['resourceType'],
    reason: /"DiagnosticReport" is not read: use an Observation or a Bundle/,
    ignored: { count: 0, codes: [] },
  },
  {
    // NIST ELR ORU^R01: blood lead 50 ug/dL (NM, flagged H, final).
    file: 'nist-ORU_R01_2.5.1_SampleTestCase1.hl7',
    path: ['OBX'],
    reason: /no OBX holds a 25-hydroxyvitamin D, vitamin B12 or magnesium result/,
    ignored: { count: 1, codes: ['LOINC 10368-9'] },
  },
  {
    // NIST ELR ORU^R01: stool culture, three ST results (organisms isolated / not isolated).
    file: 'nist-ORU_R01_2.5.1_SampleTestCase6.hl7',
    path: ['OBX'],
    reason: /no OBX holds a 25-hydroxyvitamin D, vitamin B12 or magnesium result/,
    ignored: { count: 3, codes: ['LOINC 6331-3', 'LOINC 20995-1', 'LOINC 17576-0'] },
  },
  // FHIR R4 specification examples (hl7.fhir.r4.examples 4.0.1), one per Bundle type.
  {
    // A single lab Observation: glucose 6.3 mmol/L.
    file: 'r4-Observation-f001.json',
    path: ['code'],
    reason: OURS,
    ignored: { count: 1, codes: ['LOINC 15074-8'] },
  },
  {
    // collection: a lipid DiagnosticReport and its four results (cholesterol, TG, HDL, LDL).
    file: 'r4-Bundle-lipids.json',
    path: ['entry'],
    reason: OURS,
    ignored: {
      count: 5,
      codes: [
        'DiagnosticReport',
        'LOINC 35200-5',
        'LOINC 35217-9',
        'LOINC 2085-9',
        'LOINC 13457-7',
      ],
    },
  },
  {
    // collection: the LRI microbiology report, 16 Observations over 5 LOINC codes.
    file: 'r4-Bundle-lri-example.json',
    path: ['entry'],
    reason: OURS,
    ignored: {
      count: 17,
      codes: [
        'DiagnosticReport',
        'LOINC 664-3',
        'LOINC 624-7',
        'LOINC 28-1',
        'LOINC 185-9',
        'LOINC 267-5',
      ],
    },
  },
  {
    // document: Composition first, a text-only Observation among other resources.
    file: 'r4-Bundle-father.json',
    path: ['entry'],
    reason: OURS,
    ignored: {
      count: 8,
      codes: [
        'Composition',
        'Practitioner',
        'Patient',
        'Encounter',
        'LOINC 46241-6',
        'MedicationRequest',
        'MedicationStatement',
        'AllergyIntolerance',
      ],
    },
  },
  {
    // message: MessageHeader and two Patients.
    file: 'r4-Bundle-10bb101f-a121-4264-a920-67be9cb82c74.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 3, codes: ['MessageHeader', 'Patient'] },
  },
  {
    // transaction: four of its ten entries are requests without a resource (DELETE, GET).
    file: 'r4-Bundle-bundle-transaction.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 6, codes: ['Patient', 'Parameters'] },
  },
  {
    // transaction-response: seven entries hold only a response.
    file: 'r4-Bundle-bundle-response.json',
    path: ['entry'],
    reason: OURS,
    // Its searchset Bundle is opened: it is empty.
    ignored: { count: 2, codes: ['Patient', 'Parameters'] },
  },
  {
    // batch: requests only (GETs), no resource at all.
    file: 'r4-Bundle-bundle-request-medsallergies.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 0, codes: [] },
  },
  {
    // batch-response: a Patient and four nested searchset Bundles (opened: all four are empty).
    file: 'r4-Bundle-bundle-response-medsallergies.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 1, codes: ['Patient'] },
  },
  {
    // searchset: a MedicationRequest (match) with its Medication (include, not counted).
    file: 'r4-Bundle-bundle-example.json',
    path: ['entry'],
    reason: OURS,
    ignored: { count: 1, codes: ['MedicationRequest'] },
  },
];

function fixtureText(file: string): string {
  const text = decodeText(readFileSync(`${DIR}/${file}`));
  if (text === undefined) throw new Error(`${file} is not text`);
  return text;
}

const sources = readFileSync(`${DIR}/SOURCES.md`, 'utf8');
const files = readdirSync(DIR).filter((file) => file !== 'SOURCES.md');

describe('real published fixtures', () => {
  it('every file is tested, kept small and listed in SOURCES.md with its unchanged checksum', () => {
    expect([...files].sort()).toEqual(REFUSED.map((entry) => entry.file).sort());
    for (const file of files) {
      expect(statSync(`${DIR}/${file}`).size, file).toBeLessThan(200 * 1024);
      const sha256 = createHash('sha256')
        .update(readFileSync(`${DIR}/${file}`))
        .digest('hex');
      // SOURCES.md names the file with the checksum of the copy taken from its source.
      expect(sources, file).toContain(`\`${file}\``);
      expect(sources, file).toContain(sha256);
    }
  });

  it.each(REFUSED)('$file: refused with its reason, other entries ignored', (entry) => {
    const outcome = interpretDocument(fixtureText(entry.file), { asOf: AS_OF });
    expect(outcome.kind).toBe('invalid');
    expect(outcome.interpretations).toEqual([]);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]?.path).toEqual(entry.path);
    expect(outcome.errors[0]?.message).toMatch(entry.reason);
    expect(outcome.ignored).toEqual(entry.ignored);
    if (entry.ignored.count > 0) {
      // The reason says how many other results were skipped, so the user knows the file was read.
      expect(outcome.errors[0]?.message).toContain(`${entry.ignored.count} other`);
    }
    expect(outcome.notices).toEqual([]);
  });

  it('reads the same file given as parsed JSON (the API body) as given as text (the CLI)', () => {
    for (const entry of REFUSED.filter((candidate) => candidate.file.endsWith('.json'))) {
      const text = fixtureText(entry.file);
      const json: unknown = JSON.parse(text);
      expect(interpretDocument({ json }, { asOf: AS_OF }), entry.file).toEqual(
        interpretDocument(text, { asOf: AS_OF }),
      );
    }
  });
});
