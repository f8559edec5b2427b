/**
 * The core of DejaVu Sans: the code points every handout may draw without loading anything else.
 * It holds the handout's own wording in English and Spanish (ASCII, Latin-1: á é í ñ ¿ ¡ ü µ),
 * the letters of names written in the Latin script (Latin Extended-A and -B, combining accents,
 * Latin Extended Additional: Ł Ş Č Ő ș ț ơ ư ễ ə ...), so a Latin name never switches font in
 * the middle of a word, and the few symbols the handout and typed names use (dashes, curly quotes
 * as in O’Brien, the bullet, ≤ ≥). Everything else DejaVu draws (Greek, Cyrillic, IPA, symbols)
 * is split into blocks of 256 code points loaded when a name needs one (scripts.ts, chunks.ts),
 * so the first handout fetches a small font. Pure data: no font is read here.
 *
 * Changing this list changes the font files: FONT_SET_VERSION (files.ts) follows their bytes.
 */

import { blockCodePoints, blockOf } from './blocks';

/** [first, last] ranges of the core, inclusive. C0 and C1 controls are never drawn. */
export const DEJAVU_CORE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x024f], // Basic Latin to Latin Extended-B
  [0x0259, 0x0259], // schwa (Azerbaijani ə)
  [0x0300, 0x036f], // combining diacritical marks
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2010, 0x2015], // hyphen, non-breaking hyphen, figure dash, en dash, em dash, bar
  [0x2018, 0x201f], // single and double quotation marks
  [0x2022, 0x2022], // bullet
  [0x2026, 0x2026], // ellipsis
  [0x2032, 0x2033], // prime, double prime
  [0x2212, 0x2212], // minus sign
  [0x2264, 0x2265], // less-than or equal to, greater-than or equal to
  [0xfffd, 0xfffd], // replacement character: what is drawn for a character no font has
];

/**
 * Whether a code point belongs to the DejaVu core (drawn, or a control that is never drawn).
 * @param codePoint - a Unicode scalar value
 * @returns true when no other font file is needed for it
 */
export function inDejaVuCore(codePoint: number): boolean {
  if (codePoint <= 0x024f) return true;
  for (const [first, last] of DEJAVU_CORE_RANGES) {
    if (codePoint >= first && codePoint <= last) return true;
  }
  return false;
}

/**
 * Whether every code point of a string is in the core: the common case, so the fonts a handout
 * needs beyond the core are looked for only in strings that fail this.
 * @param text - any string
 * @returns true when the core draws all of it
 */
export function isCoreText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 0x024f && !inDejaVuCore(unit)) return false;
  }
  return true;
}

/**
 * Ranges drawn with the piece of another block, so that one script stays one font: polytonic
 * Greek (Ἀ) with Greek, the Cyrillic Supplement with Cyrillic. [first, last, piece].
 */
const JOINED_RANGES: ReadonlyArray<readonly [number, number, string]> = [
  [0x0500, 0x052f, '4'],
  [0x1f00, 0x1fff, '3'],
];

/**
 * The DejaVu piece that draws a code point outside the core: its block of 256 code points, or
 * the piece its script is joined to.
 * @param codePoint - a code point outside the core
 * @returns the piece, e.g. "3" for Greek, "4" for Cyrillic
 */
export function dejavuPieceOf(codePoint: number): string {
  for (const [first, last, piece] of JOINED_RANGES) {
    if (codePoint >= first && codePoint <= last) return piece;
  }
  return blockOf(codePoint);
}

/**
 * The code points of a DejaVu piece (outside the core), ascending.
 * @param piece - as {@link dejavuPieceOf} writes it
 * @returns the code points, whether DejaVu draws them or not
 */
export function dejavuPieceCodePoints(piece: string): number[] {
  const codePoints = [...blockCodePoints(piece)].filter(
    (codePoint) => !inDejaVuCore(codePoint) && dejavuPieceOf(codePoint) === piece,
  );
  for (const [first, last, joined] of JOINED_RANGES) {
    if (joined !== piece) continue;
    for (let codePoint = first; codePoint <= last; codePoint++) {
      if (!inDejaVuCore(codePoint)) codePoints.push(codePoint);
    }
  }
  return codePoints.sort((a, b) => a - b);
}
