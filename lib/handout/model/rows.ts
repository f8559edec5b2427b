import type { ResultInterpretation } from '../../types';
import type { RuleFacts } from '../../safety/rule';
import type { HandoutText } from '../text/handout-text';
import { buildScale } from './scale';
import type { HandoutRow } from './types';
import { fill, wordingStatus } from './wording';

/** "<5 ng/mL" -> "less than 5 ng/mL": the comparator in words, the rest as interpret() wrote it. */
function describeResult(text: HandoutText, result: ResultInterpretation): string {
  const { comparator, display } = result.input;
  if (comparator === null || !display.startsWith(comparator)) return display;
  return `${text.comparatorWords[comparator]} ${display.slice(comparator.length).trim()}`;
}

function describeMeaning(
  text: HandoutText,
  result: ResultInterpretation,
  facts: RuleFacts,
): string {
  const words = text.analytes[result.analyte];
  const status = wordingStatus(facts);
  if (status !== result.status) {
    return fill(words.lowCensored, { bound: String(result.input.value) });
  }
  return words.statusWords[status];
}

const isPreliminary = (result: ResultInterpretation): boolean =>
  result.reportStatus === 'preliminary' ||
  result.warnings.some((warning) => warning.code === 'preliminary-result');

/**
 * What the result's warnings mean for the patient, each once, a preliminary result first: the
 * handout says what the screen and the API say about the same result.
 * @param text - the handout wording of one language
 * @param result - one result of the interpretation
 * @returns the patient's sentences, in order
 */
export function resultNotices(text: HandoutText, result: ResultInterpretation): string[] {
  const codes = [...new Set(result.warnings.map((warning) => warning.code))].filter(
    (code) => code !== 'preliminary-result',
  );
  return [...(isPreliminary(result) ? ['preliminary-result' as const] : []), ...codes].map(
    (code) => text.resultNotices[code],
  );
}

export function buildRow(
  text: HandoutText,
  result: ResultInterpretation,
  facts: RuleFacts,
): HandoutRow {
  const words = text.analytes[result.analyte];
  const value = describeResult(text, result);
  return {
    analyte: result.analyte,
    test: words.name,
    result: isPreliminary(result) ? `${value} ${text.preliminaryMark}` : value,
    status: result.status,
    meaning: describeMeaning(text, result, facts),
    action: result.critical ? text.critical.rowAction : words.action[wordingStatus(facts)],
    critical: result.critical,
    scale: buildScale(text, result, value),
  };
}
