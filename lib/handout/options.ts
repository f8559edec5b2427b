// Imports nothing but the language list: the screen's first load reads these choices, and the
// layout and PDF code must stay out of it.
import { HANDOUT_LANGS } from './text/handout-text';
import type { HandoutLang } from './text/handout-text';

export { HANDOUT_LANGS };
export type { HandoutLang };

/** Paper sizes in points (Letter 8.5 x 11 in; A4 210 x 297 mm). */
export const PAPER_SIZES = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;
/** One of the keys of {@link PAPER_SIZES}. */
export type PaperSize = keyof typeof PAPER_SIZES;

/**
 * The choices a handout is made with, said once for every door: the screen's selectors, the
 * SMART "save to chart" form, the API query and the CLI flags all read these lists.
 */
export const PAPER_NAMES = Object.keys(PAPER_SIZES) as [PaperSize, ...PaperSize[]];

/** The language used when none is chosen. */
export const DEFAULT_HANDOUT_LANG: HandoutLang = 'en';
/** The paper used when none is chosen. */
export const DEFAULT_PAPER: PaperSize = 'letter';

/** How each language is named in a selector (in English, then in the language itself). */
export const HANDOUT_LANG_LABELS: Readonly<Record<HandoutLang, string>> = {
  en: 'English',
  es: 'Spanish (Español)',
};

/** How each paper size is named in a selector. */
export const PAPER_LABELS: Readonly<Record<PaperSize, string>> = {
  letter: 'Letter',
  a4: 'A4',
};

/**
 * Reads a handout language from a selector or flag.
 * @param value - the text given
 * @returns the language, or undefined when it is not one of {@link HANDOUT_LANGS}
 */
export function toHandoutLang(value: string | undefined): HandoutLang | undefined {
  return HANDOUT_LANGS.find((lang) => lang === value);
}

/**
 * Reads a paper size from a selector or flag.
 * @param value - the text given
 * @returns the paper size, or undefined when it is not one of {@link PAPER_NAMES}
 */
export function toPaperSize(value: string | undefined): PaperSize | undefined {
  return PAPER_NAMES.find((paper) => paper === value);
}
