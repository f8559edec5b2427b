/**
 * The API and CLI doors of the document formats, in process (the route handler on plain
 * Requests, the CLI command on in-memory streams): a panel's patient reference comes back as
 * Observation.subject, a bad one is refused naming the field, and a preliminary HL7 v2 result
 * keeps its status in the JSON and the FHIR answer.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/interpret/route';
import type { FhirBundle } from '@/lib/formats/fhir/write';
import { US_CORE_LAB_PROFILE } from '@/lib/formats/fhir/write';
import type { Interpretation } from '@/lib/types';
import { runInterpretCommand } from '@/scripts/cli/interpret';
import { runCli } from '@/tests/unit/support/cli';

const PANEL = {
  id: 'P1',
  subject: { reference: 'Patient/123', display: 'Ann Example' },
  results: [
    { analyte: 'vitamin-d', value: 18, unit: 'ng/mL' },
    { analyte: 'vitamin-b12', value: 250, unit: 'pg/mL' },
  ],
};

function post(body: string, contentType: string, accept: string): Promise<Response> {
  return POST(
    new Request('http://localhost/api/interpret?asOf=2026-11-25', {
      method: 'POST',
      headers: { 'Content-Type': contentType, Accept: accept },
      body,
    }),
  );
}

describe('POST /api/interpret: FHIR and HL7 v2', () => {
  it("writes a panel's patient reference as subject on every Observation", async () => {
    const response = await post(JSON.stringify(PANEL), 'application/json', 'application/fhir+json');
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as FhirBundle;
    expect(bundle.entry).toHaveLength(2);
    for (const { resource } of bundle.entry) {
      expect(resource.subject).toEqual(PANEL.subject);
      expect(resource.meta?.profile).toEqual([US_CORE_LAB_PROFILE]);
    }
  });

  it('refuses a subject that is not a patient reference, naming the field', async () => {
    const body = JSON.stringify({ ...PANEL, subject: { reference: 'Practitioner/9' } });
    const response = await post(body, 'application/json', 'application/fhir+json');
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors?: Array<{ path: string }> };
    expect(problem.errors?.map((error) => error.path)).toEqual(['subject.reference']);
  });

  it('keeps a preliminary HL7 v2 result preliminary, in JSON and in FHIR', async () => {
    const message = readFileSync('tests/fixtures/formats/oru-r01-two-patients.hl7', 'utf8');
    const json = await post(message, 'x-application/hl7-v2+er7', 'application/json');
    expect(json.status).toBe(200);
    const [first] = (await json.json()) as Interpretation[];
    const b12 = first?.results.find((result) => result.analyte === 'vitamin-b12');
    expect(b12?.reportStatus).toBe('preliminary');
    expect(b12?.warnings.map((warning) => warning.code)).toContain('preliminary-result');

    const fhir = await post(message, 'application/hl7-v2', 'application/fhir+json');
    const bundle = (await fhir.json()) as FhirBundle;
    expect(bundle.entry.map((entry) => entry.resource.status)).toEqual([
      'final',
      'preliminary',
      'corrected',
    ]);
  });
});

const cli = (args: string[], input: string) => runCli(runInterpretCommand, args, { stdin: input });

describe('labs interpret --format fhir: a panel with a patient reference', () => {
  it('writes the subject on every Observation', async () => {
    const run = await cli(['-', '--format', 'fhir'], JSON.stringify(PANEL));
    expect(run.code).toBe(0);
    const bundle = JSON.parse(run.stdout) as FhirBundle;
    expect(bundle.entry.map((entry) => entry.resource.subject)).toEqual([
      PANEL.subject,
      PANEL.subject,
    ]);
  });

  it('refuses a bad reference naming subject.reference, with nothing on stdout', async () => {
    const run = await cli(
      ['-', '--format', 'fhir'],
      JSON.stringify({ ...PANEL, subject: { reference: 'Patient/' } }),
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^subject\.reference: must be a FHIR patient reference/m);
  });
});
