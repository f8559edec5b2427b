import { subsetTrueType } from '../truetype-subset';
import type { TrueTypeTables } from '../truetype-subset';
import { readFontFacts } from './sfnt';

/**
 * The CJK families are split into one small font per block of 256 code points ("sc-4e" holds
 * the glyphs of U+4E00..U+4EFF of Noto Sans SC), so a name with three Han characters loads and
 * embeds three small fonts instead of a 10 MB one. The server builds a block in memory; the
 * browser fetches the same bytes from /fonts/handout/ (built by the same function), so both make
 * the same PDF. CJK needs no shaping, so a block keeps no layout tables.
 */

/** Families split into blocks. */
export const BLOCK_FAMILIES = ['sc', 'kr'] as const;

/**
 * The block of a code point, as used in a family key ("4e" for U+4E00..U+4EFF).
 * @param codePoint - the character
 * @returns the block, lower-case hex
 */
export function blockOf(codePoint: number): string {
  return (codePoint >> 8).toString(16);
}

function table(font: TrueTypeTables, tag: string): Uint8Array | undefined {
  const record = font.tables.get(tag);
  return record ? font.bytes.slice(record.offset, record.offset + record.length) : undefined;
}

/** A cmap with one format-12 subtable (Unicode, all planes) for code point -> glyph pairs. */
function cmapTable(pairs: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const bytes = new Uint8Array(4 + 8 + 16 + pairs.length * 12);
  const data = new DataView(bytes.buffer);
  data.setUint16(0, 0);
  data.setUint16(2, 1);
  data.setUint16(4, 3); // Windows
  data.setUint16(6, 10); // Unicode full repertoire
  data.setUint32(8, 12);
  const at = 12;
  data.setUint16(at, 12);
  data.setUint32(at + 4, 16 + pairs.length * 12);
  data.setUint32(at + 12, pairs.length);
  pairs.forEach(([codePoint, gid], index) => {
    const group = at + 16 + index * 12;
    data.setUint32(group, codePoint);
    data.setUint32(group + 4, codePoint);
    data.setUint32(group + 8, gid);
  });
  return bytes;
}

/**
 * A TrueType font with the glyphs of one block of a CJK font, a cmap for them, and the source's
 * metrics, naming and hinting tables.
 * @param font - the whole font's tables
 * @param block - the block, as {@link blockOf} writes it
 * @returns the font file, or undefined when the font has no glyph in the block
 */
export function buildBlockFont(font: TrueTypeTables, block: string): Uint8Array | undefined {
  const first = Number.parseInt(block, 16) * 256;
  const { glyphFor } = readFontFacts(font);
  const gids: number[] = [0];
  const pairs: Array<[number, number]> = [];
  const index = new Map<number, number>();
  for (let codePoint = first; codePoint < first + 256; codePoint++) {
    const gid = glyphFor(codePoint);
    if (gid === 0) continue;
    let mapped = index.get(gid);
    if (mapped === undefined) {
      mapped = gids.length;
      index.set(gid, mapped);
      gids.push(gid);
    }
    pairs.push([codePoint, mapped]);
  }
  if (pairs.length === 0) return undefined;
  const extra = new Map<string, Uint8Array>([['cmap', cmapTable(pairs)]]);
  for (const tag of ['name', 'OS/2']) {
    const copy = table(font, tag);
    if (copy) extra.set(tag, copy);
  }
  const post = table(font, 'post');
  if (post && post.length >= 32) {
    // Version 3: no glyph names (they would name the wrong glyphs in a subset).
    const short = post.slice(0, 32);
    new DataView(short.buffer).setUint32(0, 0x00030000);
    extra.set('post', short);
  }
  return subsetTrueType(font, gids, extra);
}
