import {
  beginText,
  concatTransformationMatrix,
  closePath,
  endText,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
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
import type { PDFName, PDFPage, PDFDocument, PDFOperator } from 'pdf-lib';
import type { FontWeight, HandoutCanvas, ShapeStyle } from '../canvas';
import { cidString, DocumentFont } from '../font/document-font';
import type { PreparedFont } from '../font/prepared-font';
import type { TextEngine } from '../font/text-engine';
import { positionedGlyphs } from './glyph-operators';
import type { OutlineGlyph } from './glyph-operators';
import { pathOperators, round } from './paths';

interface PageState {
  readonly page: PDFPage;
  readonly operators: PDFOperator[];
  readonly fontKeys: Map<DocumentFont, PDFName>;
  /** Text font, size and colour in force (graphics state outside any q/Q): set only on change. */
  textFont: string;
  textColor: string;
}

/** The pdf-lib side of {@link HandoutCanvas}: operators are collected per page, pushed at the end. */
export class PdfCanvas implements HandoutCanvas {
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
        ops.push(
          ...positionedGlyphs(this.doc.context, font, segment.glyphs, size, [pen, y], outlines),
        );
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
