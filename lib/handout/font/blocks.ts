/**
 * Blocks of 256 code points, the unit the CJK families and DejaVu Sans are cut into: a name with
 * three Han characters loads three small files, not a 10 MB font.
 */

/**
 * The block of a code point, as used in a font key ("4e" for U+4E00..U+4EFF).
 * @param codePoint - the character
 * @returns the block, lower-case hex without leading zeros
 */
export function blockOf(codePoint: number): string {
  return (codePoint >> 8).toString(16);
}

/**
 * The code points of a block.
 * @param block - as {@link blockOf} writes it
 * @yields each code point, ascending
 */
export function* blockCodePoints(block: string): Generator<number> {
  const first = Number.parseInt(block, 16) * 256;
  for (let codePoint = first; codePoint < first + 256; codePoint++) yield codePoint;
}
