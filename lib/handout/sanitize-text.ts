/** What the PDF draws for a character the font cannot show: visible, and searchable as such. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** The outcome of {@link sanitizeText}. */
export interface SanitizedText {
  readonly text: string;
  /** How many characters were replaced by {@link REPLACEMENT_CHARACTER}. */
  readonly replaced: number;
}

// Whitespace-like controls become a space; other controls and every format character (\p{Cf}:
// zero-width joiners, bidi marks, soft hyphens, interlinear annotation marks) are dropped: none
// of them prints in a name, and PDF text extractors drop them, so keeping one would make the text
// layer disagree with what was drawn. Other invisible code points the font lacks are dropped too.
const SPACE_LIKE = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
// Unassigned code points (some, like U+FFF0, are also default-ignorable) are replaced visibly:
// a name that holds one was mistyped or damaged, and the reader must see that something is there.
const UNASSIGNED = /\p{Cn}/u;

/**
 * Makes text drawable with one font: NFC-normalised, controls stripped, and each character the
 * font has no glyph for (CJK in a Latin font, emoji, lone surrogates) replaced by U+FFFD.
 * @param input - any string, e.g. a patient name
 * @param hasGlyph - whether the font can draw a code point
 * @returns the drawable text and how many characters were replaced
 */
export function sanitizeText(
  input: string,
  hasGlyph: (codePoint: number) => boolean,
): SanitizedText {
  const normalised = input.normalize('NFC').replace(SPACE_LIKE, ' ');
  let text = '';
  let replaced = 0;
  for (const char of normalised) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (CONTROL.test(char)) continue;
    if (hasGlyph(codePoint)) {
      text += char;
    } else if (UNASSIGNED.test(char) || !IGNORABLE.test(char)) {
      text += REPLACEMENT_CHARACTER;
      replaced++;
    }
  }
  return { text: text.replace(/ {2,}/g, ' '), replaced };
}
