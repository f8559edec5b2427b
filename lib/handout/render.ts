import {
  appendBezierCurve,
  beginText,
  concatTransformationMatrix,
  closePath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  PDFDocument,
  PDFOperator,
  PDFOperatorNames as Ops,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setDashPattern,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  setTextRise,
  showText,
  stroke,
} from 'pdf-lib';
import type { PDFHexString, PDFName, PDFPage } from 'pdf-lib';
import type { Interpretation } from '../types';
import type { FontWeight, HandoutCanvas, ShapeStyle } from './canvas';
import { cidString, DocumentFont } from './font/document-font';
import { prepareTextEngine } from './font/handout-fonts';
import type { HandoutFonts } from './font/handout-fonts';
import type { PreparedFont } from './font/prepared-font';
import type { TextEngine } from './font/text-engine';
import type { PlacedGlyph } from './font/text-engine';
import { layoutHandout, PAPER_SIZES } from './layout';
import type { PaperSize } from './layout';
import { buildHandoutModel } from './model';
import type { HandoutLang, HandoutModel } from './model';
import { REPLACEMENT_CHARACTER, sanitizeText } from './sanitize-text';

export { prepareHandoutFonts } from './font/handout-fonts';
export type { FallbackFontSource, HandoutFontBytes, HandoutFonts } from './font/handout-fonts';

/** Every string in a value (the handout model), depth first. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

interface PageState {
  readonly page: PDFPage;
  readonly operators: PDFOperator[];
  readonly fontKeys: Map<DocumentFont, PDFName>;
  /** Text font, size and colour in force (graphics state outside any q/Q): set only on change. */
  textFont: string;
  textColor: string;
}

/** The pdf-lib side of {@link HandoutCanvas}: operators are collected per page, pushed at the end. */
class PdfCanvas implements HandoutCanvas {
  readonly pages: PageState[] = [];
  readonly documentFonts = new Map<PreparedFont, DocumentFont>();
  private readonly fontTags = new Map<DocumentFont, string>();
  private current: PageState | undefined;

  constructor(
    private readonly doc: PDFDocument,
    private readonly engine: TextEngine,
    primary: Readonly<Record<FontWeight, PreparedFont>>,
    private readonly size: readonly [number, number],
  ) {
    // DejaVu first, so its resource names and object numbers do not depend on the name drawn.
    this.documentFont(primary.regular, 'FR');
    this.documentFont(primary.bold, 'FB');
  }

  private get state(): PageState {
    if (!this.current) throw new Error('addPage() must be called before drawing');
    return this.current;
  }

  private documentFont(font: PreparedFont, tag?: string): DocumentFont {
    let documentFont = this.documentFonts.get(font);
    if (!documentFont) {
      documentFont = new DocumentFont(font, this.doc.context);
      this.documentFonts.set(font, documentFont);
      this.fontTags.set(documentFont, tag ?? `F${this.documentFonts.size}`);
    }
    return documentFont;
  }

  measure(text: string, weight: FontWeight, size: number): number {
    return this.engine.measure(text, weight, size);
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
    const ops = state.operators;
    ops.push(beginText());
    const colour = `${color.r} ${color.g} ${color.b}`;
    let first = true;
    let pen = x;
    const outlines: OutlineGlyph[] = [];
    for (const segment of this.engine.layout(text, weight)) {
      const font = this.documentFont(segment.font);
      let key = state.fontKeys.get(font);
      if (!key) {
        key = state.page.node.newFontDictionary(this.fontTags.get(font)!, font.ref);
        state.fontKeys.set(font, key);
      }
      const fontAndSize = `${key.asString()} ${size}`;
      if (state.textFont !== fontAndSize) {
        ops.push(setFontAndSize(key, size));
        state.textFont = fontAndSize;
      }
      if (first) {
        if (state.textColor !== colour) {
          ops.push(setFillingRgbColor(color.r, color.g, color.b));
          state.textColor = colour;
        }
        ops.push(setTextMatrix(1, 0, 0, 1, x, y));
        first = false;
      }
      if (segment.plain) {
        ops.push(showText(cidString(segment.glyphs.map((g) => font.cid(g.gid, g.text)))));
      } else {
        ops.push(...this.positionedGlyphs(font, segment.glyphs, size, [pen, y], outlines));
      }
      pen += (segment.width * size) / 1000;
    }
    ops.push(endText());
    for (const glyph of outlines) {
      const path = this.engine.outline(glyph.font, glyph.gid);
      if (path === '') continue;
      const scale = size / glyph.font.tables.unitsPerEm;
      ops.push(
        pushGraphicsState(),
        setFillingRgbColor(color.r, color.g, color.b),
        concatTransformationMatrix(scale, 0, 0, scale, round(glyph.x), round(glyph.y)),
        ...pathOperators(path),
        fill(),
        popGraphicsState(),
      );
    }
  }

  /**
   * Shaped glyphs as TJ arrays: each glyph is moved by its offset and the pen by HarfBuzz's
   * advance (TJ numbers are thousandths of an em, subtracted from the position); vertical mark
   * offsets use the text rise. Glyphs without text of their own are left to `outlines`.
   */
  private positionedGlyphs(
    font: DocumentFont,
    glyphs: readonly PlacedGlyph[],
    size: number,
    origin: readonly [number, number],
    outlines: OutlineGlyph[],
  ): PDFOperator[] {
    const ops: PDFOperator[] = [];
    let items: Array<PDFHexString | number> = [];
    let pending = 0;
    let rise = 0;
    let pen = 0;
    const flush = (): void => {
      if (items.some((item) => typeof item !== 'number')) {
        if (pending !== 0) items.push(round(pending));
        ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [this.doc.context.obj(items)]));
        pending = 0;
      }
      items = [];
    };
    for (const glyph of glyphs) {
      if (glyph.text === '') {
        outlines.push({
          font: font.font,
          gid: glyph.gid,
          x: origin[0] + ((pen + glyph.xOffset) * size) / 1000,
          y: origin[1] + (glyph.yOffset * size) / 1000,
        });
        pending -= glyph.advance;
        pen += glyph.advance;
        continue;
      }
      const glyphRise = round((glyph.yOffset * size) / 1000);
      if (glyphRise !== rise) {
        flush();
        ops.push(setTextRise(glyphRise));
        rise = glyphRise;
      }
      const cid = font.cid(glyph.gid, glyph.text);
      pending -= glyph.xOffset;
      if (pending !== 0) items.push(round(pending));
      items.push(cidString([cid]));
      pending = font.width(cid) + glyph.xOffset - glyph.advance;
      pen += glyph.advance;
    }
    flush();
    if (pending !== 0) {
      ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [this.doc.context.obj([round(pending)])]));
    }
    if (rise !== 0) ops.push(setTextRise(0));
    return ops;
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

/** A glyph drawn as a path, at a page position in points. */
interface OutlineGlyph {
  readonly font: PreparedFont;
  readonly gid: number;
  readonly x: number;
  readonly y: number;
}

/**
 * PDF path operators for an SVG path of HarfBuzz's glyphToPath (M, L, Q, C, Z; absolute).
 * Quadratic curves become cubic ones (PDF has no quadratic curve).
 */
function pathOperators(path: string): PDFOperator[] {
  const ops: PDFOperator[] = [];
  let current: [number, number] = [0, 0];
  for (const [, command, args] of path.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    const n = (args ?? '')
      .split(/[ ,]+/)
      .filter((part) => part !== '')
      .map(Number);
    if (command === 'M') {
      ops.push(moveTo(n[0]!, n[1]!));
      current = [n[0]!, n[1]!];
    } else if (command === 'L') {
      ops.push(lineTo(n[0]!, n[1]!));
      current = [n[0]!, n[1]!];
    } else if (command === 'Q') {
      const [qx, qy, x, y] = n as [number, number, number, number];
      ops.push(
        appendBezierCurve(
          round(current[0] + ((qx - current[0]) * 2) / 3),
          round(current[1] + ((qy - current[1]) * 2) / 3),
          round(x + ((qx - x) * 2) / 3),
          round(y + ((qy - y) * 2) / 3),
          x,
          y,
        ),
      );
      current = [x, y];
    } else if (command === 'C') {
      ops.push(appendBezierCurve(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!));
      current = [n[4]!, n[5]!];
    } else {
      ops.push(closePath());
    }
  }
  return ops;
}

/** Two decimals: enough for 1/1000 em, and the same digits in every runtime. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
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
  engine: TextEngine,
): { model: HandoutModel; warnings: HandoutWarning[] } {
  const hasGlyph = (codePoint: number): boolean => engine.canDraw(codePoint);
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
  const engine = await prepareTextEngine(() => strings(built), fonts);
  const { model, warnings } = sanitizeModel(built, engine);

  // updateMetadata: false keeps pdf-lib from stamping the wall-clock time: same input, same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { width, height } = PAPER_SIZES[options.paper];
  const canvas = new PdfCanvas(doc, engine, fonts, [width, height]);
  layoutHandout(canvas, model, options.paper);
  canvas.flush();
  for (const font of canvas.documentFonts.values()) if (font.used) font.embed(doc.context);

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
