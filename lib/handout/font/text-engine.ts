import type { FontWeight } from '../canvas';
import { REPLACEMENT_CHARACTER } from '../sanitize-text';
import { visualRuns } from './bidi';
import type { PreparedFont } from './prepared-font';
import { fallbackKey, isDejaVuKey, MARK, preferredFallback, RIGHT_TO_LEFT } from './scripts';
import type { FallbackKey } from './scripts';
import type { loadHarfBuzz } from './shaper';

type HarfBuzz = Awaited<ReturnType<typeof loadHarfBuzz>>;

/** A regular and a bold face of one family. */
export interface FontFamily {
  readonly regular: PreparedFont;
  readonly bold: PreparedFont;
}

/** One glyph to draw; distances in 1/1000 em. */
export interface PlacedGlyph {
  readonly gid: number;
  /** What the glyph stands for in the text layer; '' for a glyph drawn as an outline. */
  readonly text: string;
  /** How far the pen moves after the glyph. */
  readonly advance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A piece of one line drawn with one font, in visual order. */
export interface GlyphSegment {
  readonly font: PreparedFont;
  readonly glyphs: readonly PlacedGlyph[];
  /** True when every glyph advances by its own width with no offset (drawn with one Tj). */
  readonly plain: boolean;
  /** Sum of advances, 1/1000 em. */
  readonly width: number;
}

const LETTER = /\p{L}/u;
const REPLACEMENT = REPLACEMENT_CHARACTER.codePointAt(0)!;

/**
 * Turns lines of text into positioned glyphs: picks the font for each character (DejaVu Sans, or
 * the Noto family of its script), orders right-to-left runs visually (bidi-js) and shapes what
 * needs shaping (HarfBuzz). Text in DejaVu, left to right, is not shaped: one glyph per code
 * point, as the handout has always drawn its own wording, so that path needs no WebAssembly.
 */
export class TextEngine {
  private readonly segmentsCache = new Map<string, readonly GlyphSegment[]>();
  /** DejaVu: the core and its blocks, drawn one glyph per code point left to right. */
  private readonly plainFonts = new Set<PreparedFont>();

  /**
   * @param primary - the DejaVu Sans core, regular and bold
   * @param fallbacks - the DejaVu blocks and Noto families loaded for this handout
   * @param hb - HarfBuzz, loaded when a family that needs shaping or a right-to-left character
   *   is present
   */
  constructor(
    private readonly primary: FontFamily,
    private readonly fallbacks: ReadonlyMap<FallbackKey, FontFamily>,
    private readonly hb: HarfBuzz | undefined,
  ) {
    this.plainFonts.add(primary.regular).add(primary.bold);
    for (const [key, family] of fallbacks) {
      if (isDejaVuKey(key)) this.plainFonts.add(family.regular).add(family.bold);
    }
  }

  /**
   * The font that draws a code point in a weight, or undefined when none of the loaded fonts can.
   * @param codePoint - the character
   * @param weight - regular or bold
   * @returns the font
   */
  fontFor(codePoint: number, weight: FontWeight): PreparedFont | undefined {
    const preferred = fallbackKey(codePoint);
    if (preferred) {
      const family = this.fallbacks.get(preferred);
      if (family && family[weight].glyphFor(codePoint) !== 0) return family[weight];
    }
    if (this.primary[weight].glyphFor(codePoint) !== 0) return this.primary[weight];
    for (const family of this.fallbacks.values()) {
      if (family[weight].glyphFor(codePoint) !== 0) return family[weight];
    }
    return undefined;
  }

  /**
   * Whether both weights can draw a code point.
   * @param codePoint - the character
   * @returns true when it can be drawn
   */
  canDraw(codePoint: number): boolean {
    return (
      this.fontFor(codePoint, 'regular') !== undefined &&
      this.fontFor(codePoint, 'bold') !== undefined
    );
  }

  /**
   * The glyph segments of one line, left to right.
   * @param text - the line, logical order
   * @param weight - regular or bold
   * @returns the segments
   */
  layout(text: string, weight: FontWeight): readonly GlyphSegment[] {
    const key = `${weight[0]}${text}`;
    let segments = this.segmentsCache.get(key);
    if (!segments) {
      segments = this.build(text, weight);
      if (this.segmentsCache.size > 5000) this.segmentsCache.clear();
      this.segmentsCache.set(key, segments);
    }
    return segments;
  }

  /**
   * Width of a line in points.
   * @param text - the line
   * @param weight - regular or bold
   * @param size - font size in points
   * @returns the width
   */
  measure(text: string, weight: FontWeight, size: number): number {
    let width = 0;
    for (const segment of this.layout(text, weight)) width += segment.width;
    return (width * size) / 1000;
  }

  /**
   * The outline of a glyph, for glyphs drawn as paths (see {@link PlacedGlyph.text}).
   * @param font - the glyph's font
   * @param gid - the glyph
   * @returns an SVG path in font units, y up
   */
  outline(font: PreparedFont, gid: number): string {
    return this.hb ? font.shaper(this.hb).outline(gid) : '';
  }

  private build(text: string, weight: FontWeight): GlyphSegment[] {
    const runs = this.hb && RIGHT_TO_LEFT.test(text) ? visualRuns(text) : [{ text, rtl: false }];
    const segments: GlyphSegment[] = [];
    for (const run of runs) {
      const pieces = this.itemize(run.text, weight).map((piece) =>
        this.shapePiece(piece.text, piece.font, weight, run.rtl),
      );
      if (run.rtl) pieces.reverse();
      segments.push(...pieces);
    }
    return segments;
  }

  /** Splits a run (logical order) into pieces of one font each. */
  private itemize(text: string, weight: FontWeight): Array<{ text: string; font: PreparedFont }> {
    const pieces: Array<{ text: string; font: PreparedFont }> = [];
    const primary = this.primary[weight];
    let previous: PreparedFont | undefined;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      let font: PreparedFont | undefined;
      if (previous && previous.glyphFor(codePoint) !== 0) {
        // Marks stay with their base; spaces and punctuation stay inside a fallback run, so a
        // name stays one piece of text for extractors.
        if (MARK.test(char)) font = previous;
        else if (previous !== primary && !LETTER.test(char) && !preferredFallback(codePoint)) {
          font = previous;
        }
      }
      font ??= this.fontFor(codePoint, weight);
      const drawn = font ? char : REPLACEMENT_CHARACTER;
      font ??= primary;
      const last = pieces[pieces.length - 1];
      if (last && last.font === font) last.text += drawn;
      else pieces.push({ text: drawn, font });
      previous = font;
    }
    return pieces;
  }

  private shapePiece(
    text: string,
    font: PreparedFont,
    weight: FontWeight,
    rtl: boolean,
  ): GlyphSegment {
    if (!this.hb || (this.plainFonts.has(font) && !rtl)) {
      const glyphs: PlacedGlyph[] = [];
      let width = 0;
      for (const char of text) {
        let gid = font.glyphFor(char.codePointAt(0)!);
        let shown = char;
        if (gid === 0) {
          gid = font.glyphFor(REPLACEMENT);
          shown = REPLACEMENT_CHARACTER;
        }
        const advance = font.advance(gid);
        glyphs.push({ gid, text: shown, advance, xOffset: 0, yOffset: 0 });
        width += advance;
      }
      return { font, glyphs, plain: true, width };
    }
    const shaped = font.shaper(this.hb).shape(text, rtl);
    const starts = [...new Set(shaped.map((glyph) => glyph.cluster))].sort((a, b) => a - b);
    const clusterEnd = new Map<number, number>();
    starts.forEach((start, index) => clusterEnd.set(start, starts[index + 1] ?? text.length));
    // Each character of a cluster goes to one glyph, in order, so the glyphs' texts joined in
    // drawing order are the cluster's text. Spacing glyphs take characters first; a glyph left
    // without one (a separate dot or a split vowel sign: more glyphs than characters) is drawn as
    // an outline, so it adds nothing false to the text layer.
    const clusterGlyphs = new Map<number, number[]>();
    shaped.forEach((glyph, index) => {
      const list = clusterGlyphs.get(glyph.cluster);
      if (list) list.push(index);
      else clusterGlyphs.set(glyph.cluster, [index]);
    });
    const texts: string[] = shaped.map(() => '');
    for (const [start, indices] of clusterGlyphs) {
      let chars = [...text.slice(start, clusterEnd.get(start))];
      // Right-to-left glyphs are stored in visual order; text extractors reverse the run back
      // to logical order, so a cluster's characters are handed out reversed too.
      if (rtl) chars = chars.reverse();
      let carriers = indices;
      if (indices.length > chars.length) {
        const spacing = indices.filter((index) => shaped[index]!.xAdvance !== 0);
        const marks = indices.filter((index) => shaped[index]!.xAdvance === 0);
        const keep = new Set([...spacing, ...marks].slice(0, chars.length));
        carriers = indices.filter((index) => keep.has(index));
      }
      carriers.forEach((index, position) => {
        texts[index] =
          position === carriers.length - 1 ? chars.slice(position).join('') : chars[position]!;
      });
    }
    const primary = this.primary[weight];
    const spaceAdvance = primary.advance(primary.glyphFor(0x20));
    const glyphs: PlacedGlyph[] = [];
    let width = 0;
    let plain = true;
    shaped.forEach((glyph, index) => {
      // Whole thousandths of an em, as the PDF widths array: the same advance for a glyph
      // whether it was shaped or not, so widths add up across segments.
      // A space advances as DejaVu's does in any font, so a line measures as the sum of its
      // words and spaces (canvas.wrapText measures them apart).
      const advance =
        text[glyph.cluster] === ' ' && clusterEnd.get(glyph.cluster) === glyph.cluster + 1
          ? spaceAdvance
          : Math.round(glyph.xAdvance * font.scale);
      const xOffset = Math.round(glyph.xOffset * font.scale);
      const yOffset = Math.round(glyph.yOffset * font.scale);
      if (
        advance !== font.advance(glyph.gid) ||
        xOffset !== 0 ||
        yOffset !== 0 ||
        texts[index] === ''
      ) {
        plain = false;
      }
      glyphs.push({ gid: glyph.gid, text: texts[index]!, advance, xOffset, yOffset });
      width += advance;
    });
    return { font, glyphs, plain, width };
  }
}
