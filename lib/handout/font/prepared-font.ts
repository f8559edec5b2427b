import { readTrueTypeTables } from '../truetype-subset';
import type { TrueTypeTables } from '../truetype-subset';
import { readFontFacts } from './sfnt';
import { createShaper } from './shaper';
import type { loadHarfBuzz, Shaper } from './shaper';

/**
 * One parsed font: read-only after preparation, shared by every document in the process (or
 * page). Our own table readers answer every question the PDF needs (which glyph draws a code
 * point, advances, descriptor metrics), so no font library is loaded to make a handout; HarfBuzz is
 * added only for text that needs shaping.
 */
export interface PreparedFont {
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
  /** Advance of a glyph in 1/1000 em, rounded as the PDF widths array stores it. */
  readonly advance: (gid: number) => number;
  /** The HarfBuzz shaper of this font, made on first use. */
  readonly shaper: (hb: Awaited<ReturnType<typeof loadHarfBuzz>>) => Shaper;
}

/**
 * Parses a TrueType font (glyf outlines) once.
 * @param bytes - the font file
 * @returns the prepared font
 * @throws Error when the file is not a TrueType font (the project ships the fonts: a programmer error)
 */
export function prepareFont(bytes: Uint8Array): PreparedFont {
  const tables = readTrueTypeTables(bytes);
  const facts = readFontFacts(tables);
  const scale = 1000 / tables.unitsPerEm;
  let shaper: Shaper | undefined;
  return {
    tables,
    postscriptName: facts.postscriptName,
    scale,
    ascent: facts.ascent * scale,
    descent: facts.descent * scale,
    capHeight: facts.capHeight * scale,
    bbox: [
      facts.bbox[0] * scale,
      facts.bbox[1] * scale,
      facts.bbox[2] * scale,
      facts.bbox[3] * scale,
    ],
    italicAngle: facts.italicAngle,
    glyphFor: facts.glyphFor,
    advance: (gid) => Math.round((tables.advances[gid] ?? 0) * scale),
    shaper: (hb) => (shaper ??= createShaper(hb, bytes)),
  };
}
