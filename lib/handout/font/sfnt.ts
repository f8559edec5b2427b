import type { TrueTypeTables } from '../truetype-subset';

/**
 * The few facts the PDF font descriptor and the text layer need from a TrueType font, read from
 * its tables directly (OpenType spec: head, hhea, OS/2, post, name, cmap), so the browser does not
 * need a font library to make a handout.
 */
export interface FontFacts {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Font units. */
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  /** Glyph id for a code point, 0 when the font has none. */
  readonly glyphFor: (codePoint: number) => number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function postscriptName(font: TrueTypeTables, data: DataView): string {
  const name = font.tables.get('name');
  if (!name) return 'Font';
  const count = data.getUint16(name.offset + 2);
  const strings = name.offset + data.getUint16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + i * 12;
    const platform = data.getUint16(at);
    const nameId = data.getUint16(at + 6);
    if (nameId !== 6) continue;
    const length = data.getUint16(at + 8);
    const start = strings + data.getUint16(at + 10);
    let text = '';
    if (platform === 3 || platform === 0) {
      for (let j = 0; j + 1 < length; j += 2)
        text += String.fromCharCode(data.getUint16(start + j));
    } else {
      for (let j = 0; j < length; j++) text += String.fromCharCode(data.getUint8(start + j));
    }
    // PDF names: printable ASCII without delimiters.
    const clean = text.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
    if (clean !== '') return clean;
  }
  return 'Font';
}

/** A cmap subtable reader: format 4 (BMP) and format 12 (all planes). */
function cmapLookup(font: TrueTypeTables, data: DataView): (codePoint: number) => number {
  const cmap = font.tables.get('cmap');
  if (!cmap) return () => 0;
  const count = data.getUint16(cmap.offset + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + i * 8;
    const platform = data.getUint16(at);
    const encoding = data.getUint16(at + 2);
    const offset = cmap.offset + data.getUint32(at + 4);
    const format = data.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 < 0) format12 = offset;
    if (format === 4 && format4 < 0) format4 = offset;
  }
  if (format12 >= 0) {
    const groups = data.getUint32(format12 + 12);
    return (codePoint) => {
      let low = 0;
      let high = groups - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const at = format12 + 16 + mid * 12;
        const start = data.getUint32(at);
        const end = data.getUint32(at + 4);
        if (codePoint < start) high = mid - 1;
        else if (codePoint > end) low = mid + 1;
        else return data.getUint32(at + 8) + (codePoint - start);
      }
      return 0;
    };
  }
  if (format4 < 0) return () => 0;
  const segments = data.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    let low = 0;
    let high = segments - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const end = data.getUint16(ends + mid * 2);
      const start = data.getUint16(starts + mid * 2);
      if (codePoint > end) low = mid + 1;
      else if (codePoint < start) high = mid - 1;
      else {
        const delta = data.getInt16(deltas + mid * 2);
        const rangeOffset = data.getUint16(rangeOffsets + mid * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const at = rangeOffsets + mid * 2 + rangeOffset + (codePoint - start) * 2;
        const glyph = data.getUint16(at);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  };
}

/**
 * Reads the descriptor facts and the character map of a TrueType font.
 * @param font - tables from `readTrueTypeTables`
 * @returns the facts; `glyphFor` is memoised, pure and safe to share across documents
 */
export function readFontFacts(font: TrueTypeTables): FontFacts {
  const data = view(font.bytes);
  const head = font.tables.get('head')!.offset;
  const hhea = font.tables.get('hhea')!.offset;
  const os2 = font.tables.get('OS/2');
  const post = font.tables.get('post');
  const ascent = data.getInt16(hhea + 4);
  const capHeight =
    os2 && data.getUint16(os2.offset) >= 2 && data.getInt16(os2.offset + 88) > 0
      ? data.getInt16(os2.offset + 88)
      : ascent;
  const lookup = cmapLookup(font, data);
  const memo = new Map<number, number>();
  return {
    postscriptName: postscriptName(font, data),
    unitsPerEm: font.unitsPerEm,
    ascent,
    descent: data.getInt16(hhea + 6),
    capHeight,
    bbox: [
      data.getInt16(head + 36),
      data.getInt16(head + 38),
      data.getInt16(head + 40),
      data.getInt16(head + 42),
    ],
    italicAngle: post ? data.getInt32(post.offset + 4) / 65536 : 0,
    glyphFor: (codePoint) => {
      let gid = memo.get(codePoint);
      if (gid === undefined) {
        gid = lookup(codePoint);
        if (gid >= font.numGlyphs) gid = 0;
        memo.set(codePoint, gid);
      }
      return gid;
    },
  };
}
