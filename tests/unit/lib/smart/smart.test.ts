import { describe, expect, it } from 'vitest';
import { buildPageCsp } from '@/server/http/csp';
import {
  buildChartPrefill,
  CHART_LOINC_CODES,
  describeTrend,
  readChartObservations,
} from '@/lib/smart/chart';
import { ageInYears } from '@/lib/calendar-date';
import { suggestContext } from '@/lib/smart/context';
import {
  authorReference,
  buildHandoutDocumentReference,
  HANDOUT_DOCUMENT_TYPE,
} from '@/lib/smart/document-reference';
import { buildScope, isScopeGranted } from '@/lib/smart/scopes';
import {
  findSmartIssuer,
  readSmartConfig,
  smartConnectOrigins,
  smartFrameOrigins,
} from '@/server/smart-config';
import { buildSeed } from '@/scripts/test-ehr/seed';

const ASOF = '2026-12-01';
const seed = buildSeed();
const observations = seed.filter((r) => r.resourceType === 'Observation');

describe('readSmartConfig', () => {
  const env = (value: string) => ({ LABS_SMART_ISSUERS: value });

  it('is empty when unset', () => {
    expect(readSmartConfig({})).toEqual({ ok: true, issuers: [] });
  });

  it('reads issuers with defaults and trims a trailing slash', () => {
    const config = readSmartConfig(
      env(
        '[{"iss":"https://fhir.example.org/r4/","clientId":"app","frameOrigins":["https://ehr.example.org"]}]',
      ),
    );
    expect(config).toEqual({
      ok: true,
      issuers: [
        {
          iss: 'https://fhir.example.org/r4',
          clientId: 'app',
          name: 'fhir.example.org',
          frameOrigins: ['https://ehr.example.org'],
          authOrigins: [],
          timeoutSeconds: 15,
        },
      ],
    });
  });

  it.each([
    ['not json', 'LABS_SMART_ISSUERS: must be valid JSON'],
    ['{}', 'LABS_SMART_ISSUERS: must be a JSON array'],
    ['[{"iss":"https://a.test/fhir"}]', 'LABS_SMART_ISSUERS[0].clientId'],
    ['[{"iss":"ftp://a.test","clientId":"x"}]', 'LABS_SMART_ISSUERS[0].iss'],
    ['[{"iss":"https://a.test/fhir?x=1","clientId":"x"}]', 'LABS_SMART_ISSUERS[0].iss'],
    [
      '[{"iss":"https://a.test/fhir","clientId":"x","frameOrigins":["https://ehr.test/path"]}]',
      'LABS_SMART_ISSUERS[0].frameOrigins[0]',
    ],
    [
      '[{"iss":"https://a.test/fhir","clientId":"x"},{"iss":"https://a.test/fhir/","clientId":"y"}]',
      'LABS_SMART_ISSUERS[1].iss: is listed twice',
    ],
  ])('refuses %s, naming the field', (value, message) => {
    const config = readSmartConfig(env(value));
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.errors.join('\n')).toContain(message);
  });

  it('matches an issuer exactly, never by prefix or host', () => {
    const config = readSmartConfig(env('[{"iss":"https://ehr.example.org/fhir","clientId":"a"}]'));
    if (!config.ok) throw new Error('config');
    expect(findSmartIssuer('https://ehr.example.org/fhir/', config.issuers)?.clientId).toBe('a');
    expect(findSmartIssuer('https://ehr.example.org/fhir2', config.issuers)).toBeUndefined();
    expect(
      findSmartIssuer('https://ehr.example.org.evil.test/fhir', config.issuers),
    ).toBeUndefined();
    expect(findSmartIssuer('https://ehr.example.org', config.issuers)).toBeUndefined();
    expect(findSmartIssuer(undefined, config.issuers)).toBeUndefined();
  });

  it('gives the CSP exactly the issuer, auth and frame origins', () => {
    const config = readSmartConfig(
      env(
        '[{"iss":"https://fhir.a.test/r4","clientId":"a","authOrigins":["https://auth.a.test"],"frameOrigins":["https://ehr.a.test"]},{"iss":"https://fhir.a.test/other","clientId":"b"}]',
      ),
    );
    if (!config.ok) throw new Error('config');
    expect(smartConnectOrigins(config.issuers)).toEqual([
      'https://fhir.a.test',
      'https://auth.a.test',
    ]);
    expect(smartFrameOrigins(config.issuers)).toEqual(['https://ehr.a.test']);
    const csp = buildPageCsp('n', {
      connect: smartConnectOrigins(config.issuers),
      frameAncestors: smartFrameOrigins(config.issuers),
    });
    expect(csp).toContain("connect-src 'self' https://fhir.a.test https://auth.a.test;");
    expect(csp).toContain('frame-ancestors https://ehr.a.test');
    expect(buildPageCsp('n')).toContain("frame-ancestors 'none'");
    expect(buildPageCsp('n')).toContain("connect-src 'self';");
  });
});

describe('readChartObservations', () => {
  const read = readChartObservations(observations, ASOF);

  it('asks for exactly the seven LOINC codes of the three analytes', () => {
    expect([...CHART_LOINC_CODES].sort()).toEqual(
      ['62292-8', '1989-3', '14635-7', '2132-9', '14685-2', '19123-9', '2601-3'].sort(),
    );
  });

  it('reads every usable result, newest first, classified by the rule set', () => {
    const vitaminD = read.byAnalyte['vitamin-d'] ?? [];
    expect(vitaminD.map((r) => r.valueText)).toEqual([
      '31.7 ng/mL',
      '24.6 ng/mL',
      '12.4 ng/mL',
      '<5 ng/mL',
      '8.2 ng/mL',
    ]);
    expect(vitaminD.map((r) => r.status)).toEqual([
      'sufficient',
      'insufficient',
      'deficient',
      'deficient',
      'deficient',
    ]);
    const magnesium = read.byAnalyte.magnesium ?? [];
    expect(magnesium[0]?.valueText).toBe('0.43 mmol/L');
    expect(magnesium[0]?.critical).toBe(true);
    expect(read.byAnalyte['vitamin-b12']?.[0]?.valueText).toBe('251.9 pmol/L');
    expect(read.byAnalyte['vitamin-b12']?.[0]?.source).toMatchObject({
      date: '2026-11-02',
      lab: 'Riverbend Regional Laboratory',
      status: 'final',
      loinc: '14685-2',
    });
  });

  it('skips other codes, a missing unit and an entered-in-error result, each with its reason', () => {
    const reasons = Object.fromEntries(read.skipped.map((s) => [s.observationId, s.reason]));
    expect(reasons['vd-nounit']).toMatch(/unit/);
    expect(reasons['vd-error']).toMatch(/entered-in-error/);
    expect(reasons['glu-1']).toMatch(/not an analyte/);
  });

  it('skips a result without a date and one dated after today', () => {
    const undated = { ...observations[0], id: 'x1', effectiveDateTime: undefined };
    const future = { ...observations[0], id: 'x2', effectiveDateTime: '2027-01-01' };
    const skipped = readChartObservations([undated, future], ASOF).skipped;
    expect(skipped.map((s) => s.observationId)).toEqual(['x1', 'x2']);
    expect(skipped[0]?.reason).toMatch(/no collection date/);
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], {}, { resourceType: 'Observation' }]) {
      expect(() => readChartObservations([junk], ASOF)).not.toThrow();
    }
  });
});

describe('buildChartPrefill', () => {
  it('pre-fills the newest value of each analyte with its source', () => {
    const prefill = buildChartPrefill(readChartObservations(observations, ASOF), 'Rosalind Q');
    expect(prefill?.panel).toEqual({
      results: [
        expect.objectContaining({ analyte: 'vitamin-d', value: 31.7, unit: 'ng/mL' }),
        expect.objectContaining({ analyte: 'vitamin-b12', value: 251.9, unit: 'pmol/L' }),
        expect.objectContaining({ analyte: 'magnesium', value: 0.43, unit: 'mmol/L' }),
      ],
      collectedOn: '2026-11-02',
      patient: { name: 'Rosalind Q' },
    });
    expect(prefill?.datesDiffer).toBe(false);
  });

  it('leaves the collection date out when the newest results differ in date', () => {
    const some = observations.filter((o) => o.id === 'vd-4' || o.id === 'mg-3');
    const prefill = buildChartPrefill(readChartObservations(some, ASOF), undefined);
    expect(prefill?.datesDiffer).toBe(true);
    expect(prefill?.panel.collectedOn).toBeUndefined();
  });

  it('is undefined for a chart without labs', () => {
    expect(buildChartPrefill(readChartObservations([], ASOF), 'X')).toBeUndefined();
  });
});

describe('describeTrend', () => {
  const read = readChartObservations(observations, ASOF);
  it('writes oldest to newest with one unit and the starting month', () => {
    expect(describeTrend(read.byAnalyte['vitamin-d'] ?? [], 3)).toBe(
      'Vitamin D 12.4 -> 24.6 -> 31.7 ng/mL since March 2026',
    );
  });
  it('writes the unit after each value when units differ, never converting', () => {
    expect(describeTrend(read.byAnalyte['vitamin-b12'] ?? [], 2)).toBe(
      'Vitamin B12 301.8 pg/mL -> 251.9 pmol/L since September 2026',
    );
  });
  it('keeps a censored value censored', () => {
    expect(describeTrend(read.byAnalyte['vitamin-d'] ?? [])).toContain('8.2 -> <5 -> 12.4');
  });
});

describe('suggestContext', () => {
  const medications = seed.filter((r) => r.resourceType === 'MedicationRequest');
  const conditions = seed.filter((r) => r.resourceType === 'Condition');

  it('suggests age, metformin and CKD from the test chart, with evidence', () => {
    const suggestions = suggestContext({ birthDate: '1956-04-12', medications, conditions }, ASOF);
    expect(suggestions.map((s) => s.flag)).toEqual(['age-65-plus', 'metformin', 'ckd']);
    expect(suggestions[1]?.evidence).toContain('metformin hydrochloride 500 MG');
    expect(suggestions[2]?.evidence).toContain('N18.31');
  });

  it.each([
    [{ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7646' }] }, 'ppi'],
    [{ text: 'Pantoprazole 40 mg tablet' }, 'ppi'],
    [
      { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '6809' }] },
      'metformin',
    ],
  ])('matches medicine %j as %s', (concept, flag) => {
    const med = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: concept,
    };
    expect(suggestContext({ medications: [med], conditions: [] }, ASOF).map((s) => s.flag)).toEqual(
      [flag],
    );
  });

  it('ignores stopped medicines, resolved or refuted conditions and unrelated codes', () => {
    const stopped = {
      resourceType: 'MedicationRequest',
      status: 'stopped',
      medicationCodeableConcept: { text: 'metformin' },
    };
    const notMetformin = {
      resourceType: 'MedicationRequest',
      status: 'active',
      medicationCodeableConcept: { text: 'metforminish' },
    };
    const resolved = {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'resolved' }] },
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N18.4' }] },
    };
    const refuted = {
      resourceType: 'Condition',
      verificationStatus: { coding: [{ code: 'refuted' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '709044004' }] },
    };
    const otherKidney = {
      resourceType: 'Condition',
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'N17.9' }] },
    };
    expect(
      suggestContext(
        { medications: [stopped, notMetformin], conditions: [resolved, refuted, otherKidney] },
        ASOF,
      ),
    ).toEqual([]);
  });

  it('suggests pregnancy from ICD-10 O or Z33.1 and SNOMED 77386006', () => {
    const condition = (system: string, code: string) => ({
      resourceType: 'Condition',
      code: { coding: [{ system, code }] },
    });
    const flags = suggestContext(
      {
        medications: [],
        conditions: [
          condition('http://hl7.org/fhir/sid/icd-10-cm', 'Z33.1'),
          condition('http://snomed.info/sct', '77386006'),
          condition('http://hl7.org/fhir/sid/icd-10-cm', 'O26.891'),
        ],
      },
      ASOF,
    ).map((s) => s.flag);
    expect(flags).toEqual(['pregnancy', 'pregnancy', 'pregnancy']);
  });

  it.each([
    ['1961-12-01', 65, true],
    ['1961-12-02', 64, false],
  ])('born %s is %i on the day: age flag %s', (birthDate, age, flagged) => {
    expect(ageInYears(birthDate, ASOF)).toBe(age);
    const flags = suggestContext({ birthDate, medications: [], conditions: [] }, ASOF);
    expect(flags.some((s) => s.flag === 'age-65-plus')).toBe(flagged);
  });

  it.each(['1950-13', 'unknown', '2030-01-01', '2026-12', '1961-12'])(
    'suggests no age from a birth date of %s (malformed, after today, or possibly under 65)',
    (birthDate) => {
      const flags = suggestContext({ birthDate, medications: [], conditions: [] }, ASOF);
      expect(flags).toEqual([]);
    },
  );

  it.each([
    ['1950', 'Patient: born 1950, at least 75 years old'],
    ['1961-11', 'Patient: born 1961-11, at least 65 years old'],
    ['1961-12-01', 'Patient: born 1961-12-01, 65 years old'],
  ])('reads the least age a FHIR birth date of %s allows', (birthDate, evidence) => {
    const flags = suggestContext({ birthDate, medications: [], conditions: [] }, ASOF);
    expect(flags).toEqual([{ flag: 'age-65-plus', evidence }]);
  });
});

describe('buildHandoutDocumentReference', () => {
  it('builds a US Core DocumentReference with the PDF, subject, author and date', () => {
    const doc = buildHandoutDocumentReference({
      patientId: 'p-main',
      fhirUser: 'http://127.0.0.1:3161/fhir/Practitioner/dr-okafor',
      pdfBase64: 'JVBERi0=',
      createdAt: '2026-12-01T10:00:00Z',
      lang: 'en',
      title: 'handout-2026-12-01.pdf',
    });
    expect(doc.type.coding?.[0]).toEqual(HANDOUT_DOCUMENT_TYPE);
    expect(doc.type.coding?.[0]?.code).toBe('34895-3');
    expect(doc.subject).toEqual({ reference: 'Patient/p-main' });
    expect(doc.author).toEqual([{ reference: 'Practitioner/dr-okafor' }]);
    expect(doc.content[0]?.attachment).toMatchObject({
      contentType: 'application/pdf',
      data: 'JVBERi0=',
    });
    expect(doc.category[0]?.coding?.[0]?.code).toBe('clinical-note');
  });

  it.each([
    ['Practitioner/1', 'Practitioner/1'],
    ['https://x.test/fhir/PractitionerRole/ab-c', 'PractitionerRole/ab-c'],
    ['Organization/1', undefined],
    ['Practitioner/', undefined],
    [undefined, undefined],
  ])('author from fhirUser %s is %s', (fhirUser, expected) => {
    expect(authorReference(fhirUser)).toBe(expected);
  });
});

describe('scopes', () => {
  it('asks for the SMART 2 scopes, launch or launch/patient', () => {
    expect(buildScope('ehr')).toBe(
      'launch openid fhirUser patient/Patient.r patient/Observation.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Condition.rs patient/DocumentReference.c',
    );
    expect(buildScope('standalone').startsWith('launch/patient openid')).toBe(true);
  });

  it.each([
    ['patient/DocumentReference.c', 'DocumentReference', 'c', true],
    ['patient/DocumentReference.rs', 'DocumentReference', 'c', false],
    ['patient/DocumentReference.write', 'DocumentReference', 'c', true],
    ['user/*.cruds', 'DocumentReference', 'c', true],
    ['patient/*.read', 'Condition', 's', true],
    ['system/DocumentReference.c', 'DocumentReference', 'c', false],
    ['', 'DocumentReference', 'c', false],
  ] as const)('%s allows %s.%s: %s', (granted, type, interaction, expected) => {
    expect(isScopeGranted(granted, type, interaction)).toBe(expected);
  });
});
