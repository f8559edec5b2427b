import type { AnalyteId, ResultInterpretation } from '../../types';
import { foodsId } from '../../safety/patient-rules';
import type { PatientPlace, PatientRuleId } from '../../safety/patient-rules';
import { anyIn } from '../../safety/rule';
import type { RuleFacts } from '../../safety/rule';
import type { HandoutText } from '../text/handout-text';
import type { HandoutBlock, HandoutSection } from './types';
import { unique, wordingStatus } from './wording';

/**
 * The blocks of a section in reading order, the empty ones left out.
 * @param section - a section of the model
 * @returns why, what to do, foods, suggestions, good to know: those present
 */
export function sectionBlocks(section: HandoutSection): HandoutBlock[] {
  const blocks = [section.why, section.doNow, section.foods, section.suggest, section.goodToKnow];
  return blocks.filter((block): block is HandoutBlock => block !== undefined);
}

/** One result with its rule facts and the rules that matched it. */
export interface Evaluated {
  readonly result: ResultInterpretation;
  readonly facts: RuleFacts;
  readonly shown: ReadonlyArray<{ readonly id: PatientRuleId; readonly place: PatientPlace }>;
}

/**
 * Keeps each sentence once across the whole handout (one sentence, one place): the first use, in
 * reading order, wins.
 */
export class SentenceLedger {
  private readonly seen = new Set<string>();

  take(sentences: readonly string[]): string[] {
    return sentences.filter((sentence) => {
      if (this.seen.has(sentence)) return false;
      this.seen.add(sentence);
      return true;
    });
  }
}

export function block(
  heading: string,
  paragraphs: readonly string[],
  bullets: readonly string[],
): HandoutBlock | undefined {
  return paragraphs.length + bullets.length === 0 ? undefined : { heading, paragraphs, bullets };
}

export function buildSection(
  text: HandoutText,
  analyte: AnalyteId,
  evaluated: readonly Evaluated[],
  suppressed: ReadonlySet<string>,
  ledger: SentenceLedger,
): HandoutSection {
  const words = text.analytes[analyte];
  const own = evaluated.filter((entry) => entry.result.analyte === analyte);
  const statuses = unique(own.map((entry) => wordingStatus(entry.facts)));
  const sentences = (place: PatientPlace): string[] =>
    ledger.take(
      unique(
        own.flatMap((entry) =>
          entry.shown.filter((rule) => rule.place === place).map((rule) => rule.id),
        ),
      )
        .filter((id) => !suppressed.has(id))
        .map((id) => text.rules[id]),
    );
  // What a low level does only where the level is (or may be) low; on a healthy level, that
  // extra pills have not been shown to help (8.5). A high level gets neither: it has its stop lines.
  const mayBeLow = own.some((entry) => anyIn(entry.facts, ['deficient', 'insufficient']));
  const healthy = own.some((entry) => entry.facts.status === 'sufficient');
  const why = ledger.take([
    ...words.why,
    ...(mayBeLow ? words.whyWhenLow : []),
    ...(healthy && !mayBeLow ? words.whyWhenNotLow : []),
    ...unique(statuses.map((s) => words.yourLevel[s])),
  ]);
  const doNow = sentences('doNow');
  const foodNotes = sentences('foods');
  const foods = suppressed.has(foodsId(analyte)) ? [] : ledger.take(words.foods);
  const suggest = sentences('suggest');
  const notes = sentences('goodToKnow');
  const headings = text.sectionHeadings;
  return {
    analyte,
    heading: words.heading,
    why: { heading: headings.why, paragraphs: [why.join(' ')], bullets: [] },
    // Short instructions: run on after their heading, to keep the sheet to two pages.
    doNow: block(
      headings.doNow,
      [doNow.join(' ')].filter((line) => line !== ''),
      [],
    ),
    foods: block(words.foodsHeading, foodNotes, foods),
    suggest: block(headings.suggest, [], suggest),
    goodToKnow: block(headings.goodToKnow, notes, []),
  };
}
