/**
 * Helpers for the handout tests: read the text layer of a real PDF (pdf.js via unpdf), build
 * interpretations of the golden panels, and compute readability scores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { interpret } from '@/lib/interpret';
import type { HandoutModel } from '@/lib/handout/model';
import type { Interpretation } from '@/lib/types';

/** A golden case of tests/fixtures/golden.json. */
export interface GoldenCase {
  readonly id: string;
  readonly panel: Record<string, unknown>;
  readonly expected: ReadonlyArray<{ analyte: string; status: string }>;
}

/** The golden panels shared by unit and e2e tests. */
export const GOLDEN: readonly GoldenCase[] = JSON.parse(
  readFileSync(join(process.cwd(), 'tests', 'fixtures', 'golden.json'), 'utf8'),
) as GoldenCase[];

/** The date every test handout is "made on". */
export const GENERATED_ON = '2026-11-26';

/**
 * Interprets a panel and fails loudly if it is invalid.
 * @param panel - a panel object
 * @returns its interpretation
 */
export function interpretOrThrow(panel: unknown): Interpretation {
  const outcome = interpret(panel, { asOf: GENERATED_ON });
  if (!outcome.ok) throw new Error(`invalid panel: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

/** Print size of a test handout: `large` sets the 'age-65-plus' context (14 pt body text). */
export type PrintSize = 'normal' | 'large';

/**
 * A copy of a panel with the 'age-65-plus' context set (`large`) or removed (`normal`), the
 * rest of its context kept.
 * @param panel - a panel object
 * @param print - the print size wanted
 * @returns the panel with its context adjusted
 */
export function withPrintSize(
  panel: Record<string, unknown>,
  print: PrintSize,
): Record<string, unknown> {
  const context = Array.isArray(panel.context)
    ? (panel.context as unknown[]).filter((flag) => flag !== 'age-65-plus')
    : [];
  return { ...panel, context: print === 'large' ? [...context, 'age-65-plus'] : context };
}

/** One drawn line of text as pdf.js reads it back. */
export interface PdfTextItem {
  readonly page: number;
  readonly text: string;
  /** Font size in points (the text matrix scale). */
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

/** What pdf.js reads from a PDF. */
export interface PdfText {
  readonly pageCount: number;
  /** Page sizes in points. */
  readonly pageSizes: ReadonlyArray<{ width: number; height: number }>;
  readonly items: readonly PdfTextItem[];
  /** All text, items joined with single spaces. */
  readonly text: string;
}

/**
 * Extracts the text layer of a PDF with pdf.js.
 * @param bytes - the PDF
 * @returns pages, items and the joined text
 */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const items: PdfTextItem[] = [];
  const pageSizes: Array<{ width: number; height: number }> = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view;
    pageSizes.push({ width: width ?? 0, height: height ?? 0 });
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
      items.push({ page: number, text: item.str, size: Math.hypot(a, b), x, y });
    }
  }
  // The serverless pdf.js build in unpdf has cleanup() but no destroy().
  await pdf.cleanup();
  return {
    pageCount: pageSizes.length,
    pageSizes,
    items,
    text: items.map((item) => item.text).join(' '),
  };
}

const SENTENCE_END = /[.!?]+(?=\s|$)/g;

/**
 * Splits text into words (tokens holding a letter or digit, punctuation stripped).
 * @param text - the text
 * @returns the words
 */
export function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/**
 * Counts sentences: runs of . ! ? followed by a space or the end, at least one.
 * @param text - the text
 * @returns the sentence count
 */
export function countSentences(text: string): number {
  return Math.max(1, (text.match(SENTENCE_END) ?? []).length);
}

/**
 * English syllables by the usual vowel-group heuristic (silent final e, -ed, -es), counting the
 * vowel pairs io/ia/iu/eo as two ("mag-ne-si-um"). Digit groups count two ("B12" = "bee twelve").
 * It errs high on words like "clinician", which makes the grade test stricter, not looser.
 * @param word - one word
 * @returns its syllable count, at least one
 */
export function countEnglishSyllables(word: string): number {
  const digits = (word.match(/\d+/g) ?? []).length * 2;
  let letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === '') return Math.max(1, digits);
  if (letters.length <= 3) return 1 + digits;
  letters = letters.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = letters.match(/[aeiouy]+/g) ?? [];
  let count = 0;
  for (const group of groups) count += group.length >= 2 && /i[aou]|eo/.test(group) ? 2 : 1;
  return Math.max(1, count) + digits;
}

/**
 * Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.
 * @param text - body text
 * @returns the grade
 */
export function fleschKincaidGrade(text: string): number {
  const words = splitWords(text);
  const syllables = words.reduce((sum, word) => sum + countEnglishSyllables(word), 0);
  return 0.39 * (words.length / countSentences(text)) + 11.8 * (syllables / words.length) - 15.59;
}

const SPANISH_VOWEL = /[aeiouáéíóúü]/;
const SPANISH_STRONG = /[aeoáéóíú]/;

/**
 * Spanish syllables: one per vowel nucleus. Two strong vowels (a, e, o, or an accented í/ú)
 * side by side are a hiatus (two syllables); a weak vowel (i, u, ü) joins its neighbour in a
 * diphthong. The silent u of que/qui/gue/gui is not a vowel; final y is a consonant.
 * @param word - one word
 * @returns its syllable count, at least one
 */
export function countSpanishSyllables(word: string): number {
  const digits = (word.match(/\d+/g) ?? []).length * 2;
  const letters = word
    .toLowerCase()
    .replace(/[^a-zñáéíóúü]/g, '')
    .replace(/([qg])u([eéií])/g, '$1$2');
  let count = 0;
  let previous = '';
  for (const char of letters) {
    if (!SPANISH_VOWEL.test(char)) {
      previous = '';
      continue;
    }
    if (previous === '' || (SPANISH_STRONG.test(previous) && SPANISH_STRONG.test(char))) count++;
    previous = char;
  }
  return Math.max(1, count) + digits;
}

/**
 * Fernández-Huerta reading ease as the brief states it: 206.84 - 0.60 P - 1.02 F, with P the
 * syllables per 100 words and F the sentences per 100 words.
 * @param text - Spanish body text
 * @returns the score (higher is easier; 70 and above is "fairly easy" or easier)
 */
export function fernandezHuerta(text: string): number {
  const words = splitWords(text);
  const syllables = words.reduce((sum, word) => sum + countSpanishSyllables(word), 0);
  const p = (syllables / words.length) * 100;
  const f = (countSentences(text) / words.length) * 100;
  return 206.84 - 0.6 * p - 1.02 * f;
}

/**
 * The same score with the correction Law (2011) argued for: F as words per sentence. With short
 * sentences the two differ; the test holds the text to both.
 * @param text - Spanish body text
 * @returns the score
 */
export function fernandezHuertaWordsPerSentence(text: string): number {
  const words = splitWords(text);
  const syllables = words.reduce((sum, word) => sum + countSpanishSyllables(word), 0);
  return 206.84 - 60 * (syllables / words.length) - 1.02 * (words.length / countSentences(text));
}

/**
 * The body text of a handout, taken from the text pdf.js reads back from the real PDF.
 * Left out, because they are not prose a patient reads as sentences:
 * - the header: title and the facts (patient, date, clinician, clinic, phone);
 * - the results table's labels and numbers: column headings, test names, the result with its
 *   unit, the one- to five-word meaning, and the words on the band scales;
 * - the small print and page footer: rule-set names, rules version, date made, page numbers,
 *   and the disclaimer (repeated on every page).
 * Kept: the intro, the summary, each result's action, the table note, every section (run-in
 * headings included), the habits and the notes heading. Headings without a full stop merge into
 * the next sentence, which lengthens sentences: that makes the test stricter, not looser.
 * @param model - the handout model the PDF was rendered from
 * @param items - the text items pdf.js read from the PDF
 * @returns the body text, items joined with spaces
 */
export function bodyText(model: HandoutModel, items: ReadonlyArray<{ text: string }>): string {
  const excluded = [
    model.title,
    ...model.facts.flatMap((fact) => [`${fact.label}:`, fact.value]),
    ...Object.values(model.table.columns),
    ...model.table.rows.flatMap((row) => [
      row.test,
      row.result,
      row.meaning,
      ...row.scale.segments.map((segment) => segment.label),
      row.scale.marker.label,
      `${row.scale.marker.label} (?)`,
    ]),
    model.footer.lines.join(' '),
    model.footer.disclaimer,
  ];
  const isExcluded = (line: string): boolean =>
    /^(Page|Página) \d+ (of|de) \d+$/.test(line) ||
    excluded.some((text) => text.replace(/\s+/g, ' ').includes(line));
  return items
    .map((item) => item.text.trim())
    .filter((line) => line !== '' && !isExcluded(line))
    .join(' ');
}
