import { PDFHexString, PDFString } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';
import { subsetTrueType } from '../truetype-subset';
import type { PreparedFont } from './prepared-font';

/*
 * Why a custom font embedder instead of `doc.embedFont(bytes, { subset: true })`:
 * pdf-lib parses the font again for every document and subsets it with fontkit; reusing one
 * fontkit font across documents is reported to corrupt the text layer of later PDFs (ToUnicode
 * built from glyph objects fontkit caches per font, so letters vanish from copy and search:
 * "arcía" for "García").
 *
 * Here each font is parsed once per process (prepared-font.ts) and only read. Everything a document
 * writes lives in a per-document object: each distinct (glyph, text) pair gets its own character
 * id, in first-use order; the subset font holds glyph i for character id i (truetype-subset.ts);
 * ToUnicode maps character id i to exactly the text that glyph stands for (one code point for
 * unshaped text, the whole cluster for a ligature or a conjunct). Concurrent renders share nothing
 * mutable, so every text layer is exact by construction
 * (tests/unit/lib/handout/font/handout-fonts.test.ts checks it letter for letter and byte for
 * byte).
 */

/** One font as used by one document: its own character ids, glyph list and subset. */
export class DocumentFont {
  readonly ref: PDFRef;
  private readonly cids = new Map<string, number>();
  private readonly glyphs: number[] = [0];
  /** ToUnicode target of each character id ('' for a glyph that only completes a cluster). */
  private readonly texts: string[] = [''];

  constructor(
    readonly font: PreparedFont,
    context: PDFContext,
  ) {
    this.ref = context.nextRef();
  }

  /**
   * The character id of a glyph standing for `text`, assigned on first use.
   * @param gid - glyph id in the source font
   * @param text - what the glyph means, for the text layer
   * @returns the character id
   */
  cid(gid: number, text: string): number {
    const key = `${gid}:${text}`;
    let cid = this.cids.get(key);
    if (cid === undefined) {
      cid = this.glyphs.length;
      this.cids.set(key, cid);
      this.glyphs.push(gid);
      this.texts.push(text);
    }
    return cid;
  }

  /** Width of a character id in 1/1000 em (the PDF widths array). */
  width(cid: number): number {
    return this.font.advance(this.glyphs[cid] ?? 0);
  }

  get used(): boolean {
    return this.glyphs.length > 1;
  }

  /** Writes the Type0 font, its CID font, descriptor, subset program and ToUnicode map. */
  embed(context: PDFContext): void {
    const { font } = this;
    const baseFont = `${subsetTag(this.texts)}+${font.postscriptName}`;
    const fontFile = context.register(
      context.flateStream(subsetTrueType(font.tables, this.glyphs)),
    );
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        // Symbolic: the font is addressed by glyph, not by a standard encoding.
        Flags: 4,
        FontBBox: [...font.bbox],
        ItalicAngle: font.italicAngle,
        Ascent: font.ascent,
        Descent: font.descent,
        CapHeight: font.capHeight,
        StemV: 0,
        FontFile2: fontFile,
      }),
    );
    const widths = this.glyphs.slice(1).map((gid) => font.advance(gid));
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: {
          Registry: PDFString.of('Adobe'),
          Ordering: PDFString.of('Identity'),
          Supplement: 0,
        },
        FontDescriptor: descriptor,
        DW: font.advance(0),
        W: [1, widths],
        // Character id i is glyph i of the subset.
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(this.texts)));
    context.assign(
      this.ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

/**
 * A PDF hex string of character ids (Identity-H: two bytes each).
 * @param cids - character ids
 * @returns the string operand
 */
export function cidString(cids: readonly number[]): PDFHexString {
  let hex = '';
  for (const cid of cids) hex += cid.toString(16).padStart(4, '0');
  return PDFHexString.of(hex);
}

/** Six capital letters derived from the glyphs used, as PDF subset names require. */
function subsetTag(texts: readonly string[]): string {
  let hash = 2166136261;
  for (const text of texts) {
    for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
    hash = Math.imul(hash ^ 0x1f, 16777619) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

function toUnicodeCMap(texts: readonly string[]): string {
  const entries: string[] = [];
  for (let cid = 1; cid < texts.length; cid++) {
    // A glyph that only completes a cluster (its text is carried by the cluster's first glyph)
    // maps to nothing, so it adds nothing to the extracted text.
    entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(texts[cid]!)}>`);
  }
  const chunks: string[] = [];
  // A bfchar block holds at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    chunks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
