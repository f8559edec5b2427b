/**
 * buildResult (through interpret()): results of one kind share their static parts, which are
 * frozen so that a consumer changing one result by mistake fails loudly instead of changing the
 * others; optional fields that do not apply are absent from the JSON.
 */
import { describe, expect, it } from 'vitest';
import { interpretOk } from '@/tests/unit/support/interpret';

const panel = {
  context: ['metformin'],
  results: [
    { analyte: 'vitamin-b12', value: 150, unit: 'pg/mL' },
    { analyte: 'vitamin-b12', value: 160, unit: 'pg/mL' },
    { analyte: 'vitamin-b12', value: 150, unit: 'pmol/L' },
  ],
};

describe('buildResult', () => {
  it('shares the static parts between results of the same rule set, unit, band and context', () => {
    const [first, second, otherUnit] = interpretOk(panel).results;
    expect(second?.notes).toBe(first?.notes);
    expect(second?.safety).toBe(first?.safety);
    expect(second?.backPain).toBe(first?.backPain);
    expect(second?.cutoffs).toBe(first?.cutoffs);
    expect(second?.bands).toBe(first?.bands);
    expect(otherUnit?.cutoffs).not.toBe(first?.cutoffs);
    expect(otherUnit?.cutoffs.unit).toBe('pmol/L');
  });

  it('gives each rule set its own upper-limit note, with its citations first', () => {
    const [endocrine, iom] = ['endocrine-society-2011', 'iom-2011'].map(
      (ruleSet) =>
        interpretOk({
          ruleSets: { 'vitamin-d': ruleSet },
          results: [{ analyte: 'vitamin-d', value: 160, unit: 'ng/mL' }],
        }).results[0],
    );
    expect(iom?.safety).toEqual(endocrine?.safety);
    expect(endocrine?.notes.map((note) => note.id)).toEqual([
      'vd-endocrine-society-2024',
      'endocrine-society-2011-upper-limit',
    ]);
    expect(iom?.notes.map((note) => note.id)).toEqual([
      'vd-endocrine-society-2024',
      'iom-2011-upper-limit',
    ]);
    expect(iom?.citationIds.slice(0, 3)).toEqual(['iom-2011', 'ross-2011', 'marcinowska-2018']);
    expect(endocrine?.citationIds[0]).toBe('holick-2011');
    expect(new Set(iom?.citationIds).size).toBe(iom?.citationIds.length);
  });

  it('keys the shared parts by the whole context: another flag gives other parts', () => {
    const [plain] = interpretOk({ results: panel.results.slice(0, 1) }).results;
    const [metformin] = interpretOk(panel).results;
    const [both] = interpretOk({ ...panel, context: ['ppi', 'metformin', 'ppi'] }).results;
    expect(metformin?.notes).not.toBe(plain?.notes);
    expect(both?.notes).not.toBe(metformin?.notes);
    expect(interpretOk({ ...panel, context: ['ppi', 'metformin', 'ppi'] }).context).toEqual([
      'ppi',
      'metformin',
    ]);
  });

  it('gives a new panel the same shared parts and equal results', () => {
    const first = interpretOk(panel);
    const again = interpretOk(panel);
    expect(again).toEqual(first);
    expect(again.results[0]?.nextSteps).toBe(first.results[0]?.nextSteps);
  });

  it('freezes the shared parts: pushing to or changing one throws', () => {
    const [result] = interpretOk(panel).results;
    if (result === undefined) throw new Error('no result');
    expect(() => (result.notes as unknown[]).push('x')).toThrow(TypeError);
    expect(() => (result.bands as unknown[]).pop()).toThrow(TypeError);
    expect(() => {
      (result.cutoffs as { deficientBelow: number }).deficientBelow = 1;
    }).toThrow(TypeError);
    expect(() => {
      (result.notes[0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
  });

  it('leaves out the fields that do not apply, and writes them when they do', () => {
    const [plain] = interpretOk({
      results: [{ analyte: 'vitamin-d', value: 40, unit: 'ng/mL' }],
    }).results;
    const json = JSON.parse(JSON.stringify(plain)) as Record<string, unknown>;
    for (const field of [
      'indeterminateReason',
      'possibleStatuses',
      'criticalMessage',
      'labRange',
    ]) {
      expect(json).not.toHaveProperty(field);
    }
    const [censored] = interpretOk({
      results: [
        { analyte: 'vitamin-d', value: '<25', unit: 'ng/mL', labRange: { low: 30, high: 100 } },
      ],
    }).results;
    expect(censored?.possibleStatuses).toEqual(['deficient', 'insufficient']);
    expect(censored?.indeterminateReason).toBe(
      '<25 ng/mL could be deficient or insufficient; the bound does not decide the band.',
    );
    expect(censored?.nextSteps[0]?.id).toBe('ask-exact-value');
    expect(censored?.labRange).toEqual({ low: 30, high: 100, unit: 'ng/mL', position: 'below' });
  });
});
