import type { ResultInterpretation, WarningCode } from '../../types';
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

/** The warning codes a result carries, each once, a preliminary result first. */
function noticeCodes(result: ResultInterpretation): WarningCode[] {
  const codes = [...new Set(result.warnings.map((warning) => warning.code))].filter(
    (code) => code !== 'preliminary-result',
  );
  return [...(isPreliminary(result) ? ['preliminary-result' as const] : []), ...codes];
}

/**
 * What the results' warnings mean for the patient, said once each however many results carry
 * them (one sentence, one place), after the summary lines: the handout says what the screen and
 * the API say about the same results. With more than one result, each sentence names its tests.
 * @param text - the handout wording of one language
 * @param results - the interpretation's results
 * @param rows - the table rows of those results, in the same order (their test names)
 * @returns one line per warning, in the order first met
 */
export function resultNotices(
  text: HandoutText,
  results: readonly ResultInterpretation[],
  rows: readonly HandoutRow[],
): string[] {
  const testsByCode = new Map<WarningCode, string[]>();
  results.forEach((result, index) => {
    const test = rows[index]?.test ?? '';
    for (const code of noticeCodes(result)) {
      const tests = testsByCode.get(code) ?? [];
      if (!tests.includes(test)) tests.push(test);
      testsByCode.set(code, tests);
    }
  });
  return [...testsByCode].map(([code, tests]) =>
    results.length > 1
      ? `${tests.join(', ')}: ${text.resultNotices[code]}`
      : text.resultNotices[code],
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
