import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  closePath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  PDFDocument,
  PDFHexString,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
} from 'pdf-lib';
import type { PDFContext, PDFName, PDFOperator, PDFPage, PDFRef } from 'pdf-lib';
import type { Interpretation } from '../types';
import type { FontWeight, HandoutCanvas, ShapeStyle } from './canvas';
import { layoutHandout, PAPER_SIZES } from './layout';
import type { PaperSize } from './layout';
import { buildHandoutModel } from './model';
import type { HandoutLang, HandoutModel } from './model';
import { REPLACEMENT_CHARACTER, sanitizeText } from './sanitize-text';
import { readTrueTypeTables, subsetTrueType } from './truetype-subset';
import type { TrueTypeTables } from './truetype-subset';

/*
 * Why a custom font embedder instead of `doc.embedFont(bytes, { subset: true })`:
 * pdf-lib parses the font again for every document (~6 ms for DejaVu Sans) and subsets it with
 * fontkit (~4-5 ms per font); reusing one fontkit font across documents is reported to corrupt
 * the text layer of later PDFs (ToUnicode built from glyph objects fontkit caches per font, so
 * letters vanish from copy and search: "arcía" for "García").
 *
 * Here fontkit parses each font once per process and is only asked read-only questions (which
 * glyph draws a code point). Everything a document writes lives in a per-document object: each
 * distinct code point gets its own character id, in first-use order; the subset font holds
 * glyph i for character id i (truetype-subset.ts); ToUnicode maps character id i to exactly the
 * code point drawn. No fontkit glyph object or cache is consulted for the text layer, and
 * concurrent renders share nothing mutable, so every text layer is exact by construction
 * (tests/unit/handout-fonts.test.ts checks it letter for letter and byte for byte).
 */

/** The font files the handout embeds (DejaVu Sans and DejaVu Sans Bold in this project). */
export interface HandoutFontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** One parsed font: read-only after preparation, shared by every document in the process. */
interface PreparedFont {
  readonly tables: TrueTypeTables;
  readonly postscriptName: string;
  /** Font units to 1/1000 em (PDF glyph space). */
  readonly scale: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly bbox: readonly [number, number, number, number];
  readonly italicAngle: number;
  /** Glyph id for a code point, 0 when the font has none. */
  readonly glyphFor: (codePoint: number) => number;
}

/** Parsed handout fonts, from {@link prepareHandoutFonts}. Reuse one value for every handout. */
export interface HandoutFonts {
  readonly regular: PreparedFont;
  readonly bold: PreparedFont;
}

function prepareFont(bytes: Uint8Array): PreparedFont {
  const font = fontkit.create(bytes);
  const tables = readTrueTypeTables(bytes);
  const scale = 1000 / tables.unitsPerEm;
  // A plain memo of a pure lookup: safe to share, unlike fontkit's glyph objects.
  const glyphIds = new Map<number, number>();
  const glyphFor = (codePoint: number): number => {
    let gid = glyphIds.get(codePoint);
    if (gid === undefined) {
      gid = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0;
      glyphIds.set(codePoint, gid);
    }
    return gid;
  };
  const { bbox } = font;
  return {
    tables,
    postscriptName: font.postscriptName || 'Font',
    scale,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    // DejaVu's OS/2 table has no cap height; the ascent is the usual stand-in.
    capHeight: (font.capHeight || font.ascent) * scale,
    bbox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
    italicAngle: font.italicAngle,
    glyphFor,
  };
}

/**
 * Parses the handout fonts. Call once per process (or page) and pass the result to every
 * {@link renderHandout} call; it holds no per-document state.
 * @param bytes - the regular and bold TrueType files
 * @returns the parsed fonts
 * @throws Error when a file is not a TrueType font (the project ships the font: a programmer error)
 */
export function prepareHandoutFonts(bytes: HandoutFontBytes): HandoutFonts {
  return { regular: prepareFont(bytes.regular), bold: prepareFont(bytes.bold) };
}

/** One font as used by one document: its own character ids, glyph list and subset. */
class DocumentFont {
  readonly ref: PDFRef;
  private readonly cids = new Map<number, number>();
  private readonly glyphs: number[] = [0];
  private readonly codePoints: number[] = [0];
  private readonly advanceCache = new Map<number, number>();

  constructor(
    readonly font: PreparedFont,
    context: PDFContext,
  ) {
    this.ref = context.nextRef();
  }

  /** Advance of a code point in 1/1000 em. */
  advance(codePoint: number): number {
    let width = this.advanceCache.get(codePoint);
    if (width === undefined) {
      const gid = this.font.glyphFor(codePoint);
      width = Math.round(this.font.tables.advances[gid]! * this.font.scale);
      this.advanceCache.set(codePoint, width);
    }
    return width;
  }

  measure(text: string, size: number): number {
    let width = 0;
    for (const char of text) width += this.advance(char.codePointAt(0) ?? 0);
    return (width * size) / 1000;
  }

  encode(text: string): PDFHexString {
    let hex = '';
    for (const char of text) {
      let codePoint = char.codePointAt(0) ?? 0;
      if (this.font.glyphFor(codePoint) === 0) codePoint = REPLACEMENT_CHARACTER.codePointAt(0)!;
      let cid = this.cids.get(codePoint);
      if (cid === undefined) {
        cid = this.glyphs.length;
        this.cids.set(codePoint, cid);
        this.glyphs.push(this.font.glyphFor(codePoint));
        this.codePoints.push(codePoint);
      }
      hex += cid.toString(16).padStart(4, '0');
    }
    return PDFHexString.of(hex);
  }

  get used(): boolean {
    return this.glyphs.length > 1;
  }

  /** Writes the Type0 font, its CID font, descriptor, subset program and ToUnicode map. */
  embed(context: PDFContext): void {
    const { font } = this;
    const baseFont = `${subsetTag(this.codePoints)}+${font.postscriptName}`;
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
    const widths = this.codePoints.slice(1).map((codePoint) => this.advance(codePoint));
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
        DW: this.advance(0),
        W: [1, widths],
        // Character id i is glyph i of the subset.
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(this.codePoints)));
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

/** Six capital letters derived from the glyphs used, as PDF subset names require. */
function subsetTag(codePoints: readonly number[]): string {
  let hash = 2166136261;
  for (const codePoint of codePoints) hash = Math.imul(hash ^ codePoint, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26);
  }
  return tag;
}

function utf16Hex(codePoint: number): string {
  const text = String.fromCodePoint(codePoint);
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return hex;
}

function toUnicodeCMap(codePoints: readonly number[]): string {
  const entries: string[] = [];
  for (let cid = 1; cid < codePoints.length; cid++) {
    entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(codePoints[cid]!)}>`);
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

interface PageState {
  readonly page: PDFPage;
  readonly operators: PDFOperator[];
  readonly fontKeys: Map<FontWeight, PDFName>;
  /** Text font, size and colour in force (graphics state outside any q/Q): set only on change. */
  textFont: string;
  textColor: string;
}

/** The pdf-lib side of {@link HandoutCanvas}: operators are collected per page, pushed at the end. */
class PdfCanvas implements HandoutCanvas {
  readonly pages: PageState[] = [];
  private current: PageState | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Readonly<Record<FontWeight, DocumentFont>>,
    private readonly size: readonly [number, number],
  ) {}

  private get state(): PageState {
    if (!this.current) throw new Error('addPage() must be called before drawing');
    return this.current;
  }

  measure(text: string, weight: FontWeight, size: number): number {
    return this.fonts[weight].measure(text, size);
  }

  addPage(): number {
    this.current = {
      page: this.doc.addPage([...this.size]),
      operators: [],
      fontKeys: new Map(),
      textFont: '',
      textColor: '',
    };
    this.pages.push(this.current);
    return this.pages.length - 1;
  }

  usePage(index: number): void {
    const state = this.pages[index];
    if (!state) throw new Error(`no page ${index}`);
    this.current = state;
  }

  text(
    text: string,
    x: number,
    y: number,
    weight: FontWeight,
    size: number,
    color: ShapeColor,
  ): void {
    if (text === '') return;
    const state = this.state;
    let key = state.fontKeys.get(weight);
    if (!key) {
      key = state.page.node.newFontDictionary(
        weight === 'bold' ? 'FB' : 'FR',
        this.fonts[weight].ref,
      );
      state.fontKeys.set(weight, key);
    }
    const ops = state.operators;
    ops.push(beginText());
    const font = `${weight} ${size}`;
    if (state.textFont !== font) {
      ops.push(setFontAndSize(key, size));
      state.textFont = font;
    }
    const colour = `${color.r} ${color.g} ${color.b}`;
    if (state.textColor !== colour) {
      ops.push(setFillingRgbColor(color.r, color.g, color.b));
      state.textColor = colour;
    }
    ops.push(setTextMatrix(1, 0, 0, 1, x, y), showText(this.fonts[weight].encode(text)), endText());
  }

  private paint(style: ShapeStyle): PDFOperator[] {
    const ops: PDFOperator[] = [];
    if (style.fill) ops.push(setFillingRgbColor(style.fill.r, style.fill.g, style.fill.b));
    if (style.stroke) {
      ops.push(setStrokingRgbColor(style.stroke.r, style.stroke.g, style.stroke.b));
      ops.push(setLineWidth(style.lineWidth ?? 1));
      ops.push(setDashPattern([...(style.dash ?? [])], 0));
    }
    return ops;
  }

  private finish(style: ShapeStyle): PDFOperator {
    if (style.fill && style.stroke) return fillAndStroke();
    return style.fill ? fill() : stroke();
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle): void {
    this.state.operators.push(
      pushGraphicsState(),
      ...this.paint(style),
      rectangle(x, y, width, height),
      this.finish(style),
      popGraphicsState(),
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, style: ShapeStyle): void {
    this.state.operators.push(
      pushGraphicsState(),
      ...this.paint({ ...style, fill: undefined }),
      moveTo(x1, y1),
      lineTo(x2, y2),
      stroke(),
      popGraphicsState(),
    );
  }

  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void {
    const [first, ...rest] = points;
    if (!first) return;
    this.state.operators.push(
      pushGraphicsState(),
      ...this.paint(style),
      moveTo(first[0], first[1]),
      ...rest.map(([x, y]) => lineTo(x, y)),
      closePath(),
      this.finish(style),
      popGraphicsState(),
    );
  }

  flush(): void {
    for (const state of this.pages) state.page.pushOperators(...state.operators);
  }
}

type ShapeColor = NonNullable<ShapeStyle['fill']>;

/** A warning about the handout, e.g. characters the font cannot show. */
export interface HandoutWarning {
  readonly code: 'unsupported-characters';
  readonly message: string;
}

const FACT_FIELDS: Readonly<Record<HandoutModel['facts'][number]['kind'], string>> = {
  patient: 'patient name',
  collectedOn: 'collection date',
  clinician: 'clinician name',
  clinic: 'clinic name',
  phone: 'clinic phone',
};

/** Strings in the model, rewritten so the font can draw each one; warnings name the field only. */
function sanitizeModel(
  model: HandoutModel,
  fonts: HandoutFonts,
): { model: HandoutModel; warnings: HandoutWarning[] } {
  const hasGlyph = (codePoint: number): boolean =>
    fonts.regular.glyphFor(codePoint) !== 0 && fonts.bold.glyphFor(codePoint) !== 0;
  const replacedByField = new Map<string, number>();
  const clean = (text: string, field: string): string => {
    const result = sanitizeText(text, hasGlyph);
    if (result.replaced > 0) {
      replacedByField.set(field, (replacedByField.get(field) ?? 0) + result.replaced);
    }
    return result.text;
  };
  const deep = (value: unknown, field: string): unknown => {
    if (typeof value === 'string') return clean(value, field);
    if (Array.isArray(value)) return value.map((item: unknown) => deep(item, field));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, deep(item, field)]),
      );
    }
    return value;
  };
  const facts = model.facts.map((fact) => ({
    ...fact,
    value: clean(fact.value, FACT_FIELDS[fact.kind]),
  }));
  // Everything else is our own wording or interpret() output; checked the same way, just in case.
  const rest = deep({ ...model, facts: [] }, 'handout text') as HandoutModel;
  const warnings = [...replacedByField].map(([field, count]): HandoutWarning => ({
    code: 'unsupported-characters',
    message: `${count} character${count === 1 ? '' : 's'} in the ${field} cannot be shown by the handout font and ${count === 1 ? 'was' : 'were'} replaced with ${REPLACEMENT_CHARACTER}.`,
  }));
  return { model: { ...rest, facts }, warnings };
}

/** Options of {@link renderHandout}. */
export interface RenderHandoutOptions {
  readonly lang: HandoutLang;
  readonly paper: PaperSize;
  /** The date printed on the handout, YYYY-MM-DD (the caller's clock). */
  readonly generatedOn: string;
}

const PRODUCER = 'Lab result interpreter: patient handout (pdf-lib)';

/**
 * Renders the patient handout PDF. Works in Node and in the browser (no fs, no fetch, no clock:
 * the date comes from `options.generatedOn`). Never fails because of a name: characters the font
 * lacks are replaced by U+FFFD and reported in `warnings`; control characters are dropped.
 * @param interpretation - the output of `interpret()`
 * @param fonts - from {@link prepareHandoutFonts}, shared across calls
 * @param options - language, paper size and the date generated
 * @returns the PDF bytes and any warnings
 */
export async function renderHandout(
  interpretation: Interpretation,
  fonts: HandoutFonts,
  options: RenderHandoutOptions,
): Promise<{ bytes: Uint8Array; warnings: Array<{ code: string; message: string }> }> {
  const built = buildHandoutModel(interpretation, {
    lang: options.lang,
    generatedOn: options.generatedOn,
  });
  const { model, warnings } = sanitizeModel(built, fonts);

  // updateMetadata: false keeps pdf-lib from stamping the wall-clock time: same input, same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const documentFonts = {
    regular: new DocumentFont(fonts.regular, doc.context),
    bold: new DocumentFont(fonts.bold, doc.context),
  };
  const { width, height } = PAPER_SIZES[options.paper];
  const canvas = new PdfCanvas(doc, documentFonts, [width, height]);
  layoutHandout(canvas, model, options.paper);
  canvas.flush();
  for (const font of Object.values(documentFonts)) if (font.used) font.embed(doc.context);

  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setSubject(model.subject);
  doc.setLanguage(model.pdfLanguage);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  const generated = new Date(`${options.generatedOn}T00:00:00Z`);
  if (!Number.isNaN(generated.getTime())) {
    doc.setCreationDate(generated);
    doc.setModificationDate(generated);
  }
  // objectsPerTick: Infinity: a two-page file has no need to yield to the event loop mid-save
  // (each yield is a setTimeout, a millisecond or more in Node).
  const bytes = await doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    objectsPerTick: Infinity,
  });
  return { bytes, warnings };
}
