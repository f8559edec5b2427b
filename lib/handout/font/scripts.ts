/**
 * Which font family draws a character. DejaVu Sans draws the handout's own wording and Latin,
 * Greek and Cyrillic names; the scripts below get a Noto Sans family instead, because DejaVu has
 * no glyphs for them (Han, Kana, Hangul, Devanagari, Thai) or no shaping-quality forms (Arabic,
 * Hebrew). Pure data and look-ups: no font is read here.
 *
 * DejaVu itself comes in pieces (dejavu-core.ts): a core that every handout loads, and one file
 * per block of 256 code points for the rest (Greek, Cyrillic, symbols...), loaded only when a
 * string needs it. Those pieces are keyed here like the Noto families ("dejavu-3").
 */

import { blockOf } from './blocks';
import { dejavuPieceOf, inDejaVuCore } from './dejavu-core';

/** A Noto family for a script. */
export type ScriptFamily = 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'sc' | 'kr';

/**
 * A font file set to load: a family ("arabic"), one block of a CJK family ("sc-4e", see
 * chunks.ts), or one block of DejaVu Sans outside its core ("dejavu-4"). Loaded only when a
 * string in the handout needs it.
 */
export type FallbackKey = string;

/** The key format, for validating a request for a font file. */
export const FALLBACK_KEY =
  /^(?:arabic|hebrew|devanagari|thai|(?:sc|kr|dejavu)-(?:0|[1-9a-f][0-9a-f]{0,3}))$/;

/**
 * Whether a key names a piece of DejaVu Sans: drawn like the core (one glyph per code point, no
 * shaping, for left-to-right text).
 * @param key - a key
 * @returns true for "dejavu-..."
 */
export function isDejaVuKey(key: FallbackKey): boolean {
  return key.startsWith('dejavu-');
}

/**
 * Whether the glyphs of a family need HarfBuzz: joining, reordering and marks. The CJK blocks
 * and DejaVu pieces are drawn one glyph per code point (their files keep no layout tables).
 * @param key - a key
 * @returns true for Arabic, Hebrew, Devanagari and Thai
 */
export function needsShaping(key: FallbackKey): boolean {
  return key === 'arabic' || key === 'hebrew' || key === 'devanagari' || key === 'thai';
}

// [first, last, family]: Unicode blocks (Blocks.txt) each family is preferred for.
const RANGES: ReadonlyArray<readonly [number, number, ScriptFamily]> = [
  [0x0590, 0x05ff, 'hebrew'],
  [0x0600, 0x06ff, 'arabic'],
  [0x0750, 0x077f, 'arabic'],
  [0x0870, 0x08ff, 'arabic'],
  [0x0900, 0x097f, 'devanagari'],
  [0x0e00, 0x0e7f, 'thai'],
  [0x1100, 0x11ff, 'kr'],
  [0x1cd0, 0x1cff, 'devanagari'],
  [0x2e80, 0x2fdf, 'sc'],
  [0x3000, 0x303f, 'sc'],
  [0x3040, 0x30ff, 'sc'],
  [0x3130, 0x318f, 'kr'],
  [0x31c0, 0x31ff, 'sc'],
  [0x3400, 0x4dbf, 'sc'],
  [0x4e00, 0x9fff, 'sc'],
  [0xa8e0, 0xa8ff, 'devanagari'],
  [0xa960, 0xa97f, 'kr'],
  [0xac00, 0xd7ff, 'kr'],
  [0xf900, 0xfaff, 'sc'],
  [0xfb1d, 0xfb4f, 'hebrew'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0xff00, 0xffef, 'sc'],
  [0x20000, 0x3134f, 'sc'],
];

/**
 * The fallback family preferred for a code point, or undefined when DejaVu Sans is preferred.
 * @param codePoint - a Unicode scalar value
 * @returns the family key, or undefined
 */
export function preferredFallback(codePoint: number): ScriptFamily | undefined {
  if (codePoint < 0x0590) return undefined;
  let low = 0;
  let high = RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [first, last, key] = RANGES[mid]!;
    if (codePoint < first) high = mid - 1;
    else if (codePoint > last) low = mid + 1;
    else return key;
  }
  return undefined;
}

/** Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, NKo, their forms, SMP RTL. */
export const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Combining marks (and Thai/Indic vowel signs): they join the font of the character before. */
export const MARK = /\p{M}/u;

/**
 * The font file set that draws a code point by preference, or undefined for the DejaVu core.
 * @param codePoint - the character
 * @returns "arabic", "sc-4e", "dejavu-3", ...
 */
export function fallbackKey(codePoint: number): FallbackKey | undefined {
  const family = preferredFallback(codePoint);
  if (family === 'sc' || family === 'kr') return `${family}-${blockOf(codePoint)}`;
  if (family) return family;
  return inDejaVuCore(codePoint) ? undefined : `dejavu-${dejavuPieceOf(codePoint)}`;
}

/**
 * The other CJK family's key for the same block ("sc-4e" -> "kr-4e"): Han that one lacks may be
 * in the other.
 * @param key - a key
 * @returns the alternative, or undefined
 */
export function alternativeKey(key: FallbackKey): FallbackKey | undefined {
  if (key.startsWith('sc-')) return `kr-${key.slice(3)}`;
  if (key.startsWith('kr-')) return `sc-${key.slice(3)}`;
  return undefined;
}
