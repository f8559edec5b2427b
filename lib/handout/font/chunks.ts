import { subsetTrueType } from '../truetype-subset';
import type { TrueTypeTables } from '../truetype-subset';
import { blockCodePoints } from './blocks';
import { DEJAVU_CORE_RANGES, dejavuPieceCodePoints } from './dejavu-core';
import { readFontFacts } from './sfnt';

/**
 * The CJK families are split into one small font per block of 256 code points ("sc-4e" holds
 * the glyphs of U+4E00..U+4EFF of Noto Sans SC), so a name with three Han characters loads and
 * embeds three small fonts instead of a 10 MB one. DejaVu Sans is split the same way around its
 * core (dejavu-core.ts). The server builds a piece in memory; the browser fetches the same bytes
 * from /fonts/handout/ (built by the same function), so both make the same PDF. CJK and the
 * DejaVu pieces are drawn without shaping, so a piece keeps no layout tables.
 */

/** Families split into blocks. */
export const BLOCK_FAMILIES = ['sc', 'kr'] as const;

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

/** Name ids kept in a piece: copyright, family, style, unique id, full name, version, PostScript
 * name, licence URL. The long licence text (id 13) stays in public/fonts/DejaVu-LICENSE.txt. */
const KEPT_NAMES = new Set([0, 1, 2, 3, 4, 5, 6, 14]);

/** The name table with the Windows Unicode records of {@link KEPT_NAMES} only (format 0). */
function shortNameTable(name: Uint8Array): Uint8Array {
  const data = new DataView(name.buffer, name.byteOffset, name.byteLength);
  const count = data.getUint16(2);
  const storage = data.getUint16(4);
  const kept: Array<{ record: Uint8Array; text: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (data.getUint16(at) !== 3 || !KEPT_NAMES.has(data.getUint16(at + 6))) continue;
    const length = data.getUint16(at + 8);
    const start = storage + data.getUint16(at + 10);
    kept.push({ record: name.slice(at, at + 12), text: name.slice(start, start + length) });
  }
  const header = 6 + kept.length * 12;
  const out = new Uint8Array(header + kept.reduce((sum, entry) => sum + entry.text.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, kept.length);
  view.setUint16(4, header);
  let offset = 0;
  kept.forEach((entry, index) => {
    out.set(entry.record, 6 + index * 12);
    view.setUint16(6 + index * 12 + 10, offset);
    out.set(entry.text, header + offset);
    offset += entry.text.length;
  });
  return out;
}

/**
 * A TrueType font with the glyphs of some code points, a cmap for them, and the source's
 * metrics and naming tables; no hinting and no layout tables (its text is drawn one glyph per
 * code point). Deterministic: the same source and code points give the same bytes.
 * @param font - the whole font's tables
 * @param codePoints - the code points to keep, ascending
 * @returns the font file, or undefined when the font has none of them
 */
export function buildRangeFont(
  font: TrueTypeTables,
  codePoints: Iterable<number>,
): Uint8Array | undefined {
  const { glyphFor } = readFontFacts(font);
  const gids: number[] = [0];
  const pairs: Array<[number, number]> = [];
  const index = new Map<number, number>();
  for (const codePoint of codePoints) {
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
  const os2 = table(font, 'OS/2');
  if (os2) extra.set('OS/2', os2);
  const name = table(font, 'name');
  if (name) extra.set('name', shortNameTable(name));
  const post = table(font, 'post');
  if (post && post.length >= 32) {
    // Version 3: no glyph names (they would name the wrong glyphs in a subset).
    const short = post.slice(0, 32);
    new DataView(short.buffer).setUint32(0, 0x00030000);
    extra.set('post', short);
  }
  // Unhinted: PDF viewers and printers draw the outlines as they are, and the file is a third
  // smaller (what the first handout fetches).
  return subsetTrueType(font, gids, extra, { hinting: false });
}

/**
 * A TrueType font with the glyphs of one block of a CJK font (see {@link buildRangeFont}).
 * @param font - the whole font's tables
 * @param block - the block, as `blockOf` (blocks.ts) writes it
 * @returns the font file, or undefined when the font has no glyph in the block
 */
export function buildBlockFont(font: TrueTypeTables, block: string): Uint8Array | undefined {
  return buildRangeFont(font, blockCodePoints(block));
}

/**
 * A piece of DejaVu Sans: the core every handout loads, or one piece of what lies outside it
 * (dejavu-core.ts says which code points each piece holds).
 * @param font - the whole DejaVu Sans face
 * @param piece - "core", or a piece as `dejavuPieceOf` writes it
 * @returns the font file, or undefined when DejaVu has no glyph in the piece
 */
export function buildDejaVuPiece(font: TrueTypeTables, piece: string): Uint8Array | undefined {
  if (piece === 'core') {
    const codePoints: number[] = [];
    for (const [first, last] of DEJAVU_CORE_RANGES) {
      for (let codePoint = first; codePoint <= last; codePoint++) codePoints.push(codePoint);
    }
    return buildRangeFont(font, codePoints);
  }
  const { glyphFor } = readFontFacts(font);
  const drawn = dejavuPieceCodePoints(piece).filter((codePoint) => glyphFor(codePoint) !== 0);
  if (drawn.length === 0) return undefined;
  // The ASCII space, digits and punctuation too, so a name of one script stays one run of text
  // ("Дмитрий Смирнов, Ђорђе"): text extractors then read it as one string, as when the whole
  // face was one font (text-engine.ts keeps them in the run of the letters before them).
  const joiners: number[] = [];
  for (let codePoint = 0x20; codePoint < 0x7f; codePoint++) {
    if (!/[A-Za-z]/.test(String.fromCharCode(codePoint))) joiners.push(codePoint);
  }
  return buildRangeFont(font, [...joiners, ...drawn]);
}
