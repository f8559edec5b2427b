import type * as HarfBuzzModule from 'harfbuzzjs';

/**
 * Text shaping with HarfBuzz (harfbuzzjs, WebAssembly): joining forms, ligatures and mark
 * positioning for Arabic, Hebrew, Devanagari, Thai and the rest. Loaded only when a handout holds
 * a string that needs it; the handout's own wording and Latin, Greek and Cyrillic names never load it.
 */

type HarfBuzz = typeof HarfBuzzModule;

let harfBuzz: Promise<HarfBuzz> | undefined;

/**
 * The HarfBuzz module, imported once per process or page.
 * @returns the module
 */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  harfBuzz ??= import('harfbuzzjs').catch((error: unknown) => {
    harfBuzz = undefined;
    throw error;
  });
  return harfBuzz;
}

/** One shaped glyph, in visual order; positions in font units. */
export interface ShapedGlyph {
  readonly gid: number;
  /** UTF-16 index of the first character of its cluster in the shaped text. */
  readonly cluster: number;
  readonly xAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** Shapes runs of text with one font. */
export interface Shaper {
  shape(text: string, rtl: boolean): readonly ShapedGlyph[];
  /** The outline of a glyph as an SVG path in font units (y up), e.g. "M10,0L20,0...Z". */
  outline(gid: number): string;
}

/**
 * A shaper for one font file. The HarfBuzz font lives as long as the shaper (one per process).
 * @param hb - from {@link loadHarfBuzz}
 * @param bytes - the TrueType file
 * @returns the shaper
 */
export function createShaper(hb: HarfBuzz, bytes: Uint8Array): Shaper {
  const font = new hb.Font(new hb.Face(new hb.Blob(bytes)));
  const cache = new Map<string, readonly ShapedGlyph[]>();
  const outlines = new Map<number, string>();
  return {
    outline(gid) {
      let path = outlines.get(gid);
      if (path === undefined) {
        path = font.glyphToPath(gid);
        outlines.set(gid, path);
      }
      return path;
    },
    shape(text, rtl) {
      const key = `${rtl ? 'r' : 'l'}${text}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
      hb.shape(font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      const glyphs = infos.map((info, index): ShapedGlyph => {
        const position = positions[index]!;
        return {
          gid: info.codepoint,
          cluster: info.cluster,
          xAdvance: position.xAdvance,
          xOffset: position.xOffset,
          yOffset: position.yOffset,
        };
      });
      if (cache.size > 2000) cache.clear();
      cache.set(key, glyphs);
      return glyphs;
    },
  };
}
