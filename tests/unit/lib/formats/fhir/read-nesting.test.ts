import { describe, expect, it } from 'vitest';
import { interpretDocument } from '@/lib/formats/document';
import { panelsFromFhir } from '@/lib/formats/fhir/read';
import { AS_OF, bundle, observation, read, ucum } from '@/tests/unit/support/fhir';

const B12 = { analyte: 'vitamin-b12', value: 180, unit: 'pg/mL', code: '2132-9' };
const MG = { analyte: 'magnesium', value: 0.7, unit: 'mmol/L', code: '2601-3' };

describe('panelsFromFhir: results inside Bundles and DiagnosticReports', () => {
  it('opens the searchset Bundles a batch-response holds (one per query)', () => {
    const answer = bundle(
      [
        bundle([observation('2132-9', ucum(180, 'pg/mL'))], 'searchset'),
        bundle([observation('2601-3', ucum(0.7, 'mmol/L'))], 'searchset'),
        bundle([], 'searchset'),
      ],
      'batch-response',
    );
    const results = read(answer).flatMap((item) => item.imported?.panel.results ?? []);
    expect(results).toEqual([B12, MG]);
  });

  it('names the nested location of an error', () => {
    const answer = bundle(
      [bundle([observation('2132-9', ucum(-1, 'pg/mL'))], 'searchset')],
      'batch-response',
    );
    const outcome = interpretDocument({ json: answer }, { asOf: AS_OF });
    expect(outcome.errors[0]?.path.slice(0, 6)).toEqual([
      'entry',
      0,
      'resource',
      'entry',
      0,
      'resource',
    ]);
  });

  it('opens a Bundle two levels deep only (a third level is ignored, named)', () => {
    const deep = bundle(
      [
        bundle([bundle([observation('2132-9', ucum(180, 'pg/mL'))], 'searchset')], 'searchset'),
        observation('2601-3', ucum(0.7, 'mmol/L')),
      ],
      'batch-response',
    );
    const outcome = panelsFromFhir(deep);
    if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.ignored.codes).toContain('Bundle');
    expect(outcome.panels.flatMap((item) => item.imported?.panel.results ?? [])).toEqual([MG]);
  });

  it('reads the Observations a DiagnosticReport contains, alone or in a Bundle', () => {
    const report = {
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: { text: 'Back pain panel' },
      contained: [
        { resourceType: 'Specimen', id: 's1' },
        { id: 'b12', ...observation('2132-9', ucum(180, 'pg/mL')) },
      ],
      result: [{ reference: '#b12' }],
    };
    expect(read(report)[0]?.imported?.panel.results).toEqual([B12]);
    expect(read(bundle([report]))[0]?.imported?.panel.results).toEqual([B12]);
  });

  it('still refuses a DiagnosticReport with no Observation inside, naming why', () => {
    const outcome = panelsFromFhir({ resourceType: 'DiagnosticReport', status: 'final' });
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind !== 'invalid') return;
    expect(outcome.errors[0]?.message).toMatch(/"DiagnosticReport" is not read/);
  });
});
