import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  documentHeaders,
  interpretationsOf,
  readInterpretations,
} from '@/server/read-interpretations';

const AS_OF = '2026-11-25';

function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(`tests/fixtures/formats/${name}`, 'utf8'));
}

describe('the API door of interpretDocument', () => {
  it('answers a patient Bundle with our results and what it ignored', () => {
    const outcome = interpretationsOf({ json: fixtureJson('document-bundle.json') }, AS_OF);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.value).toHaveLength(1);
    expect(outcome.batch).toBe(true);
    expect(outcome.ignored.codes).toEqual(['Composition', 'Patient', 'DiagnosticReport']);
    expect(JSON.parse(documentHeaders(outcome)['Labs-Ignored'] ?? '{}')).toEqual({
      count: 3,
      codes: ['Composition', 'Patient', 'DiagnosticReport'],
    });
  });

  it('answers a Bundle with none of ours 422, naming why', async () => {
    const outcome = interpretationsOf({ json: fixtureJson('none-of-ours.json') }, AS_OF);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.response.status).toBe(422);
    const problem = (await outcome.response.json()) as {
      errors: Array<{ path: string; message: string }>;
    };
    expect(problem.errors[0]?.path).toBe('entry');
    expect(problem.errors[0]?.message).toMatch(/holds no/);
  });

  it('reads HL7 v2 text through the same entry point', () => {
    const text = readFileSync('tests/fixtures/formats/oru-r01-two-patients.hl7', 'utf8');
    const outcome = interpretationsOf(text, AS_OF);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.value.map((i) => i.panelId)).toEqual(['ACC-A1', 'ACC-B1']);
    expect(outcome.sources[0]?.[0]?.loinc).toBe('1989-3');
  });

  const good = { analyte: 'vitamin-d', value: 25, unit: 'ng/mL' };
  const bad = { analyte: 'vitamin-d', value: -1, unit: 'ng/mL' };
  it.each<[string, Parameters<typeof interpretationsOf>[0], string[]]>([
    ['one panel', { json: { results: [good, bad] } }, ['results[1].value']],
    [
      'a list of panels',
      { json: [{ results: [good] }, { results: [bad] }] },
      ['[1] results[0].value'],
    ],
    ['a value that is not a panel', { json: 5 }, ['(root)']],
    [
      'a list holding something that is not a panel',
      { json: [{ results: [good] }, 'x'] },
      ['[1] (root)'],
    ],
    [
      'lab CSV',
      'panel_id,analyte,value,unit\nP1,vitamin-d,25,ng/mL\nP1,magnesium,-4,mmol/L\n',
      ['row 3 (panel P1) value'],
    ],
  ])('prints the paths of interpret() errors at the door: %s', async (_name, input, paths) => {
    const outcome = interpretationsOf(input, AS_OF);
    if (outcome.ok) throw new Error('accepted');
    const problem = (await outcome.response.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toEqual(paths);
  });

  it('locates a bad entry in a request as a structured path printed once', async () => {
    const request = new Request('http://localhost/api/interpret', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          {
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { coding: [{ system: 'http://loinc.org', code: '2132-9' }] },
              valueQuantity: { value: 300 },
            },
          },
        ],
      }),
    });
    const outcome = await readInterpretations(request, AS_OF);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const problem = (await outcome.response.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toEqual(['entry[0].resource.valueQuantity.unit']);
  });
});
