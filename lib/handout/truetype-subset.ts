/**
 * A small TrueType (glyf) subsetter that works on the raw font bytes.
 *
 * Why not fontkit's `createSubset()`: it decodes every glyph's outline and streams its output
 * through a Node-style stream polyfill, which costs ~4-5 ms per font per handout; copying the raw
 * glyph records costs microseconds. It also lets every document own its glyph order outright: the
 * subset is built from a per-document list and never touches shared mutable state, which is what
 * makes a font parsed once per process safe to reuse across documents (see `render.ts`).
 *
 * Output tables are the ones the PDF specification requires for an embedded TrueType program
 * (head, hhea, loca, maxp, cvt , prep, glyf, hmtx, fpgm); cmap is not needed because the PDF maps
 * character codes to glyphs itself.
 */

/** A table of the source font: where its bytes are. */
interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** The parts of a TrueType font the subsetter needs, read once per process. */
export interface TrueTypeTables {
  readonly bytes: Uint8Array;
  readonly tables: ReadonlyMap<string, TableRecord>;
  readonly numGlyphs: number;
  /** Glyph record offsets into `glyf`, numGlyphs + 1 entries. */
  readonly loca: Uint32Array;
  /** Advance width per glyph, in font units. */
  readonly advances: Uint16Array;
  /** Left side bearing per glyph, in font units. */
  readonly leftBearings: Int16Array;
  readonly unitsPerEm: number;
}

const REQUIRED_TABLES = ['head', 'hhea', 'hmtx', 'loca', 'maxp', 'glyf'] as const;
/** Copied as they are when present (hinting programs). */
const COPIED_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads the table directory, glyph locations and horizontal metrics of a TrueType font.
 * @param bytes - the font file (TrueType outlines, not CFF)
 * @returns the tables the subsetter needs
 * @throws Error when the file is not a TrueType font with glyf outlines (a programmer error: the
 *   project ships the font)
 */
export function readTrueTypeTables(bytes: Uint8Array): TrueTypeTables {
  const data = view(bytes);
  const numTables = data.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      data.getUint8(at),
      data.getUint8(at + 1),
      data.getUint8(at + 2),
      data.getUint8(at + 3),
    );
    tables.set(tag, { offset: data.getUint32(at + 8), length: data.getUint32(at + 12) });
  }
  const table = (tag: string): TableRecord => {
    const record = tables.get(tag);
    if (!record) throw new Error(`font has no ${tag} table (TrueType outlines required)`);
    return record;
  };
  for (const tag of REQUIRED_TABLES) table(tag);

  const head = table('head');
  const longLoca = data.getInt16(head.offset + 50) === 1;
  const unitsPerEm = data.getUint16(head.offset + 18);
  const numGlyphs = data.getUint16(table('maxp').offset + 4);
  const numberOfHMetrics = data.getUint16(table('hhea').offset + 34);

  const locaAt = table('loca').offset;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let gid = 0; gid <= numGlyphs; gid++) {
    loca[gid] = longLoca ? data.getUint32(locaAt + gid * 4) : data.getUint16(locaAt + gid * 2) * 2;
  }

  const hmtxAt = table('hmtx').offset;
  const advances = new Uint16Array(numGlyphs);
  const leftBearings = new Int16Array(numGlyphs);
  let lastAdvance = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    if (gid < numberOfHMetrics) {
      lastAdvance = data.getUint16(hmtxAt + gid * 4);
      leftBearings[gid] = data.getInt16(hmtxAt + gid * 4 + 2);
    } else {
      leftBearings[gid] = data.getInt16(
        hmtxAt + numberOfHMetrics * 4 + (gid - numberOfHMetrics) * 2,
      );
    }
    advances[gid] = lastAdvance;
  }
  return { bytes, tables, numGlyphs, loca, advances, leftBearings, unitsPerEm };
}

// Composite glyph flags (OpenType spec, 'glyf' table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Sum of big-endian uint32 words, the sfnt table checksum. */
function checksum(bytes: Uint8Array): number {
  const data = view(bytes);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.length ? bytes[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * Builds a TrueType font holding `glyphIds` in that order: glyph i of the subset is
 * `glyphIds[i]` of the source (the same source glyph may appear twice). Components of composite
 * glyphs are appended after them. Pure: the source tables are only read.
 * @param font - the source tables from {@link readTrueTypeTables}
 * @param glyphIds - source glyph ids; index 0 should be 0 (.notdef)
 * @param extraTables - more tables to write as given (e.g. a cmap for a font HarfBuzz will read)
 * @param options - `hinting: false` drops the TrueType instructions (glyph programs, fpgm, prep,
 *   cvt): outlines are unchanged, the file is about a third smaller
 * @returns the font file of the subset
 */
export function subsetTrueType(
  font: TrueTypeTables,
  glyphIds: readonly number[],
  extraTables: ReadonlyMap<string, Uint8Array> = new Map(),
  options: { readonly hinting?: boolean } = {},
): Uint8Array {
  const hinting = options.hinting ?? true;
  const source = view(font.bytes);
  const glyfAt = font.tables.get('glyf')!.offset;
  const order = [...glyphIds];
  // Source gid -> subset gid for composite components (any copy of the glyph will do).
  const componentIndex = new Map<number, number>();
  order.forEach((gid, index) => {
    if (!componentIndex.has(gid)) componentIndex.set(gid, index);
  });

  const records: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const gid = order[i]!;
    const start = font.loca[gid]!;
    const end = font.loca[gid + 1]!;
    let record = font.bytes.subarray(glyfAt + start, glyfAt + end);
    if (record.length >= 10 && source.getInt16(glyfAt + start) < 0) {
      record = record.slice();
      const data = view(record);
      let at = 10;
      for (;;) {
        const flags = data.getUint16(at);
        const componentGid = data.getUint16(at + 2);
        let mapped = componentIndex.get(componentGid);
        if (mapped === undefined) {
          mapped = order.length;
          order.push(componentGid);
          componentIndex.set(componentGid, mapped);
        }
        data.setUint16(at + 2, mapped);
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    records.push(hinting ? record : withoutInstructions(record));
  }

  const count = order.length;
  const glyfLength = records.reduce((sum, record) => sum + record.length + (record.length & 1), 0);
  const glyf = new Uint8Array(glyfLength);
  const loca = new Uint8Array((count + 1) * 4);
  const locaView = view(loca);
  let offset = 0;
  records.forEach((record, index) => {
    locaView.setUint32(index * 4, offset);
    glyf.set(record, offset);
    offset += record.length + (record.length & 1);
  });
  locaView.setUint32(count * 4, offset);

  const hmtx = new Uint8Array(count * 4);
  const hmtxView = view(hmtx);
  order.forEach((gid, index) => {
    hmtxView.setUint16(index * 4, font.advances[gid]!);
    hmtxView.setInt16(index * 4 + 2, font.leftBearings[gid]!);
  });

  const copyTable = (tag: string): Uint8Array => {
    const record = font.tables.get(tag)!;
    return font.bytes.slice(record.offset, record.offset + record.length);
  };
  const head = copyTable('head');
  view(head).setUint32(8, 0); // checkSumAdjustment, set below
  view(head).setInt16(50, 1); // long loca offsets
  const hhea = copyTable('hhea');
  view(hhea).setUint16(34, count);
  const maxp = copyTable('maxp');
  view(maxp).setUint16(4, count);

  const out = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
  if (hinting)
    for (const tag of COPIED_TABLES) if (font.tables.has(tag)) out.set(tag, copyTable(tag));
  for (const [tag, table] of extraTables) out.set(tag, table);
  return assembleFont(out);
}

const WE_HAVE_INSTRUCTIONS = 0x0100;

/**
 * A glyph record without its hinting instructions (simple: instructionLength 0; composite: the
 * WE_HAVE_INSTRUCTIONS flag cleared and the trailing program dropped). The outline is unchanged.
 */
function withoutInstructions(record: Uint8Array): Uint8Array {
  if (record.length < 10) return record;
  const data = view(record);
  const contours = data.getInt16(0);
  if (contours >= 0) {
    const at = 10 + contours * 2;
    const length = data.getUint16(at);
    if (length === 0) return record;
    const out = new Uint8Array(record.length - length);
    out.set(record.subarray(0, at));
    // instructionLength stays 0 (the new array is zeroed there).
    out.set(record.subarray(at + 2 + length), at + 2);
    return out;
  }
  const copy = record.slice();
  const copyData = view(copy);
  let at = 10;
  let instructions = false;
  for (;;) {
    const flags = copyData.getUint16(at);
    if (flags & WE_HAVE_INSTRUCTIONS) {
      instructions = true;
      copyData.setUint16(at, flags & ~WE_HAVE_INSTRUCTIONS);
    }
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return instructions ? copy.subarray(0, at) : copy;
}

/** Writes an sfnt file: directory sorted by tag, tables 4-byte aligned, checksums set. */
function assembleFont(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  let total = headerLength;
  for (const tag of tags) total += (tables.get(tag)!.length + 3) & ~3;
  const file = new Uint8Array(total);
  const data = view(file);
  let power = 1;
  let log2 = 0;
  while (power * 2 <= tags.length) {
    power *= 2;
    log2++;
  }
  data.setUint32(0, 0x00010000);
  data.setUint16(4, tags.length);
  data.setUint16(6, power * 16);
  data.setUint16(8, log2);
  data.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerLength;
  let headOffset = -1;
  tags.forEach((tag, index) => {
    const table = tables.get(tag)!;
    const at = 12 + index * 16;
    for (let c = 0; c < 4; c++) data.setUint8(at + c, tag.charCodeAt(c));
    data.setUint32(at + 4, checksum(table));
    data.setUint32(at + 8, offset);
    data.setUint32(at + 12, table.length);
    file.set(table, offset);
    if (tag === 'head') headOffset = offset;
    offset += (table.length + 3) & ~3;
  });
  if (headOffset >= 0) data.setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
