/** Shared by the clinician-card safety tests: one interpreted result, and the card's texts. */
import { interpret } from '@/lib/interpret';
import type { AnalyteId, ContextFlag, ResultInterpretation, RuleSetId } from '@/lib/types';

export function one(
  result: Record<string, unknown>,
  context: readonly ContextFlag[] = [],
  ruleSets: Partial<Record<AnalyteId, RuleSetId>> = {},
): ResultInterpretation {
  const outcome = interpret({ context, ruleSets, results: [result] });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const value = outcome.value.results[0];
  if (value === undefined) throw new Error('no result');
  return value;
}

/** Every sentence the clinician card shows for a result (the band table aside). */
export function cardTexts(result: ResultInterpretation): string[] {
  return [
    result.criticalMessage,
    result.indeterminateReason,
    ...result.warnings.map((w) => w.message),
    result.cutoffs.criticalText,
    ...result.ruleSet.caveats,
    ...result.notes.map((n) => n.text),
    result.backPain.summary,
    ...result.backPain.findings.map((f) => f.claim),
    ...result.nextSteps.map((s) => s.text),
    ...result.safety.map((s) => s.text),
  ].filter((text): text is string => text !== undefined);
}

export function sentences(result: ResultInterpretation): string[] {
  return cardTexts(result)
    .flatMap((text) => text.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every run of `n` consecutive words of a text, lower-cased. */
export function wordRuns(text: string, n: number): string[] {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words
    .slice(0, Math.max(0, words.length - n + 1))
    .map((_, i) => words.slice(i, i + n).join(' '));
}

/** All the card's texts of a result, one per line. */
export const allText = (result: ResultInterpretation) => cardTexts(result).join('\n');
/** The ids of a list of items. */
export const idsOf = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id);
