/**
 * One sentence, one place on the clinician card: no sentence repeats, nothing restated in other
 * words, and nothing that does not apply to the direction of the result, for many values under
 * every rule set and context, and for every handout scenario of issue 8.
 */
import { describe, expect, it } from 'vitest';
import { ANALYTES } from '@/lib/analytes/registry';
import { CONTEXT_FLAGS } from '@/lib/types';
import type { AnalyteId, ContextFlag, ResultInterpretation } from '@/lib/types';
import { SCENARIOS } from '@/tests/unit/support/handout-scenarios';
import { interpretOrThrow } from '@/tests/unit/support/handout';
import { allText, cardTexts, one, sentences, wordRuns } from '@/tests/unit/support/safety-card';

// Values per analyte (in its base unit) that reach every band, both critical limits and censored
// forms, interpreted under every rule set and every context flag.
const VALUES: Readonly<Record<AnalyteId, { unit: string; values: readonly (number | string)[] }>> =
  {
    'vitamin-d': {
      unit: 'ng/mL',
      values: [4, 8, 15, 25, 45, 105, 180, '<5', '<25', '<40', '>90', '>160'],
    },
    'vitamin-b12': {
      unit: 'pg/mL',
      values: [120, 250, 320, 380, 600, 1500, '<180', '<250', '<400', '>250', '>1200'],
    },
    magnesium: {
      unit: 'mmol/L',
      values: [0.3, 0.45, 0.6, 0.8, 0.9, 1.2, 2.3, '<0.4', '<0.8', '>0.75', '>1.1', '>2.5'],
    },
  };

/** Text that only a result that can be high may show. */
function highOnly(id: AnalyteId): readonly string[] {
  const analyte = ANALYTES[id];
  return [
    ...analyte.ruleSets.map((r) => r.upperLimitMeaning),
    ...analyte.nextSteps.filter((s) => s.status === 'high').map((s) => s.text),
    analyte.backPain.summaryByStatus.high,
    'hypermagnesaemia',
    'magnesium sulfate',
    'Stop magnesium-containing',
  ];
}

const CONTEXTS: ReadonlyArray<readonly ContextFlag[]> = [
  [],
  ...CONTEXT_FLAGS.map((flag) => [flag]),
  CONTEXT_FLAGS,
];

/**
 * Checks one card: no sentence twice, no restatement, nothing that does not apply to the
 * direction of the result, every item cited.
 */
function checkCard(result: ResultInterpretation, label: string): void {
  const list = sentences(result);
  const repeated = list.filter((s, i) => list.indexOf(s) !== i);
  expect(repeated, label).toEqual([]);
  // The same caveat is not made twice in other words either.
  expect(allText(result).match(/lab(oratory)?-specific/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  // No two texts of the card share a run of 6 words (a sentence restated in other words).
  const texts = cardTexts(result);
  texts.forEach((text, i) => {
    const mine = new Set(wordRuns(text, 6));
    for (const other of texts.slice(i + 1)) {
      const shared = wordRuns(other, 6).filter((run) => mine.has(run));
      expect(shared, `${text} || ${other}`).toEqual([]);
    }
  });
  // The summary does not restate a finding: no run of 5 words in common.
  const claims = result.backPain.findings.map((f) => f.claim.toLowerCase()).join(' | ');
  for (const run of wordRuns(result.backPain.summary, 5)) expect(claims).not.toContain(run);
  // The summary is never also its own bullet.
  expect(result.backPain.findings.map((f) => f.claim)).not.toContain(result.backPain.summary);
  const canBeHigh = result.status === 'high' || (result.possibleStatuses ?? []).includes('high');
  if (!canBeHigh) {
    const text = allText(result);
    for (const phrase of highOnly(result.analyte)) expect(text).not.toContain(phrase);
  }
  // Every safety item and note cites a source.
  for (const item of [...result.safety, ...result.notes]) {
    expect(item.citationIds.length).toBeGreaterThan(0);
  }
  // Next steps belong to a band the value can be in (a low result gets no "high" step and back).
  const possible = result.possibleStatuses ?? [result.status];
  const stepStatus = new Map<string, string>(
    ANALYTES[result.analyte].nextSteps.map((step) => [step.id, step.status]),
  );
  for (const step of result.nextSteps) {
    const status = stepStatus.get(step.id);
    if (status !== undefined) expect(possible, `${label}: ${step.id}`).toContain(status);
  }
  // Regimens and the B12 anchoring warning only where the value can be low.
  const canBeLow = possible.some((status) => status === 'deficient' || status === 'insufficient');
  if (!canBeLow) {
    const kinds = result.safety.map((item) => item.kind);
    expect(kinds, label).not.toContain('regimen');
    expect(kinds, label).not.toContain('anchoring');
  }
}

describe('one sentence, one place: many panels', () => {
  const cases = Object.values(ANALYTES).flatMap((analyte) =>
    analyte.ruleSets.flatMap((ruleSet) =>
      VALUES[analyte.id].values.map((value) => [analyte.id, ruleSet.id, value] as const),
    ),
  );

  it.each(cases)('%s under %s, value %s, every context', (analyte, ruleSet, value) => {
    for (const context of CONTEXTS) {
      const result = one({ analyte, value, unit: VALUES[analyte].unit }, context, {
        [analyte]: ruleSet,
      });
      checkCard(result, `${analyte} ${value} [${context.join(',')}]`);
    }
  });
});

describe('one sentence, one place: the handout scenarios of issue 8', () => {
  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s', (_id, scenario) => {
    const interpretation = interpretOrThrow(scenario.panel);
    interpretation.results.forEach((result, index) =>
      checkCard(result, `${scenario.id}[${index}]`),
    );
  });
});
