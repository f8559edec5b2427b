import { describe, expect, it } from 'vitest';
import { interpretDocument } from '@/lib/formats/document';
import { buildHandoutModel, getHandoutText } from '@/lib/handout/model';
import type { Interpretation } from '@/lib/types';

const ASOF = '2026-11-30';

function observation(code: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Observation',
    status,
    code: { coding: [{ system: 'http://loinc.org', code }] },
    effectiveDateTime: '2026-11-20',
    valueQuantity: { value: 25, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' },
    ...extra,
  };
}

function read(json: unknown): Interpretation {
  const outcome = interpretDocument({ json }, { asOf: ASOF });
  const interpretation = outcome.interpretations[0];
  if (interpretation === undefined) throw new Error(JSON.stringify(outcome.errors));
  return interpretation;
}

describe('handout: the warnings a result carries (same as the API and the screen)', () => {
  it.each(['en', 'es'] as const)(
    '%s: a preliminary FHIR 1989-3 result says so in the summary and beside the value',
    (lang) => {
      const interpretation = read(observation('1989-3', 'preliminary'));
      const codes = interpretation.results[0]!.warnings.map((w) => w.code);
      expect(codes).toEqual(expect.arrayContaining(['vitamin-d3-only-code', 'preliminary-result']));
      const text = getHandoutText(lang);
      const model = buildHandoutModel(interpretation, { lang, generatedOn: ASOF });
      // One line per warning under the summary lines, preliminary first (one result: no test name).
      const line = model.summary.notices.join(' ');
      // Preliminary first, then every other warning the result carries, each once.
      expect(line.indexOf(text.resultNotices['preliminary-result'])).toBe(0);
      expect(line.indexOf(text.resultNotices['vitamin-d3-only-code'])).toBeGreaterThan(
        line.indexOf(text.resultNotices['preliminary-result']),
      );
      expect(line.split(text.resultNotices['preliminary-result'])).toHaveLength(2);
      expect(model.table.rows[0]!.result).toBe(`25 ng/mL ${text.preliminaryMark}`);
    },
  );

  it('a final result coded 62292-8 has no notice and no mark', () => {
    const interpretation = read(observation('62292-8', 'final'));
    expect(interpretation.results[0]!.warnings).toEqual([]);
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    // 25 ng/mL: 20 <= 25 < 30 under the Endocrine Society rule set.
    expect(model.summary.results[0]).toBe('Vitamin D: a bit low.');
    expect(model.summary.notices).toEqual([]);
    expect(model.table.rows[0]!.result).toBe('25 ng/mL');
  });

  it('a dropped lab range is said on the handout', () => {
    const interpretation = read(
      observation('62292-8', 'final', {
        referenceRange: [{ low: { value: 0, unit: 'ng/mL' }, high: { value: 0, unit: 'ng/mL' } }],
      }),
    );
    expect(interpretation.results[0]!.warnings.map((w) => w.code)).toContain('lab-range-dropped');
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    expect(model.summary.notices).toContain(
      getHandoutText('en').resultNotices['lab-range-dropped'],
    );
  });

  it('a warning several results carry is said once, naming their tests', () => {
    const interpretation = read({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: observation('62292-8', 'preliminary') },
        {
          resource: observation('2601-3', 'preliminary', {
            valueQuantity: {
              value: 0.8,
              unit: 'mmol/L',
              system: 'http://unitsofmeasure.org',
              code: 'mmol/L',
            },
          }),
        },
      ],
    });
    const text = getHandoutText('en');
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    const notice = text.resultNotices['preliminary-result'];
    const lines = model.summary.notices.filter((line) => line.includes(notice));
    expect(lines).toEqual([`Vitamin D, Magnesium: ${notice}`]);
  });

  it('every warning code has short wording in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const sentence of Object.values(getHandoutText(lang).resultNotices)) {
        expect(sentence.length).toBeGreaterThan(20);
        expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(20);
      }
    }
  });
});
