import { PDFOperator, PDFOperatorNames as Ops, setTextRise } from 'pdf-lib';
import type { PDFContext, PDFHexString } from 'pdf-lib';
import { cidString } from '../font/document-font';
import type { DocumentFont } from '../font/document-font';
import type { PreparedFont } from '../font/prepared-font';
import type { PlacedGlyph } from '../font/text-engine';
import { round } from './paths';

/** A glyph drawn as a path, at a page position in points. */
export interface OutlineGlyph {
  readonly font: PreparedFont;
  readonly gid: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Shaped glyphs as TJ arrays: each glyph is moved by its offset and the pen by HarfBuzz's
 * advance (TJ numbers are thousandths of an em, subtracted from the position); vertical mark
 * offsets use the text rise. Glyphs without text of their own are left to `outlines`.
 */
export function positionedGlyphs(
  context: PDFContext,
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
      ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [context.obj(items)]));
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
    ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [context.obj([round(pending)])]));
  }
  if (rise !== 0) ops.push(setTextRise(0));
  return ops;
}
