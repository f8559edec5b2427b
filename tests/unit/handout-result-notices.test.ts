import { describe, expect, it } from 'vitest';
import { interpretDocument } from '@/lib/formats/document';
import { buildHandoutModel, getHandoutText, sectionBlocks } from '@/lib/handout/model';
import { HANDOUT_WARNING_CODES } from '@/lib/handout/text/handout-text';
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

/** Every sentence of a test's section, in reading order. */
const sectionText = (model: ReturnType<typeof buildHandoutModel>, index = 0): string =>
  sectionBlocks(model.sections[index]!)
    .flatMap((block) => [...block.paragraphs, ...block.bullets])
    .join(' ');

describe('handout: the warnings a lab document adds to a result (same as the API and the screen)', () => {
  it.each(['en', 'es'] as const)(
    '%s: a preliminary FHIR 1989-3 result says so in the summary, beside the value, and in its section',
    (lang) => {
      const interpretation = read(observation('1989-3', 'preliminary'));
      const codes = interpretation.results[0]!.warnings.map((w) => w.code);
      expect(codes).toEqual(expect.arrayContaining(['vitamin-d3-only-code', 'preliminary-result']));
      const text = getHandoutText(lang);
      const model = buildHandoutModel(interpretation, { lang, generatedOn: ASOF });
      expect(model.summary.results[0]).toMatch(
        new RegExp(`\\. ${escape(text.resultNotices['preliminary-result'])}$`),
      );
      expect(model.table.rows[0]!.result).toBe(`25 ng/mL ${text.preliminaryMark}`);
      expect(sectionText(model)).toContain(text.resultNotices['vitamin-d3-only-code']);
      // Said once, where it belongs.
      expect(sectionText(model)).not.toContain(text.resultNotices['preliminary-result']);
    },
  );

  it('a final result coded 62292-8 has no notice and no mark', () => {
    const interpretation = read(observation('62292-8', 'final'));
    expect(interpretation.results[0]!.warnings).toEqual([]);
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    const text = getHandoutText('en');
    expect(model.summary.results[0]).toBe(
      text.summaryLine(model.table.rows[0]!.test, model.table.rows[0]!.meaning),
    );
    expect(model.table.rows[0]!.result).toBe('25 ng/mL');
    for (const notice of Object.values(text.resultNotices))
      expect(sectionText(model)).not.toContain(notice);
  });

  it('a dropped lab range is said in its section', () => {
    const interpretation = read(
      observation('62292-8', 'final', {
        referenceRange: [{ low: { value: 0, unit: 'ng/mL' }, high: { value: 0, unit: 'ng/mL' } }],
      }),
    );
    expect(interpretation.results[0]!.warnings.map((w) => w.code)).toContain('lab-range-dropped');
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    expect(sectionText(model)).toContain(getHandoutText('en').resultNotices['lab-range-dropped']);
  });

  it("interpret()'s own checks (a unit mix-up) stay on the clinician's card, not the handout", () => {
    const interpretation = read({
      results: [{ analyte: 'magnesium', value: 0.64, unit: 'mg/dL' }],
    });
    expect(interpretation.results[0]!.warnings.map((w) => w.code)).toContain('possible-unit-mixup');
    const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: ASOF });
    const all = [...model.summary.results, sectionText(model)].join(' ');
    for (const notice of Object.values(getHandoutText('en').resultNotices))
      expect(all).not.toContain(notice);
  });

  it('every handout warning has short wording in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const notices = getHandoutText(lang).resultNotices;
      expect(Object.keys(notices).sort()).toEqual([...HANDOUT_WARNING_CODES].sort());
      for (const sentence of Object.values(notices)) {
        expect(sentence.length).toBeGreaterThan(20);
        expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(20);
      }
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
