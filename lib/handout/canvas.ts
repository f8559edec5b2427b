import type { BandStatus } from '../types';

/**
 * The drawing surface the handout layout draws on, the palette and word wrap. Pure: the PDF
 * details (fonts, operators) stay in `render.ts`, the one file that imports pdf-lib.
 */

/** The two weights of the embedded font. */
export type FontWeight = 'regular' | 'bold';

/** A colour, each channel 0 to 1. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Fill and outline of a shape; either may be left out. */
export interface ShapeStyle {
  readonly fill?: Rgb;
  readonly stroke?: Rgb;
  readonly lineWidth?: number;
  readonly dash?: readonly number[];
}

/**
 * Standard structure types of a tagged PDF (ISO 32000-1, 14.8.4) the handout uses: the reading
 * structure a screen reader follows.
 */
export type StructRole =
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure';

/** Attributes of a structure element. */
export interface StructOptions {
  /** Alternative text (a figure's description). */
  readonly alt?: string;
  /** Language of the element when it differs from the document's (BCP 47). */
  readonly lang?: string;
  /** Which cells a header cell heads. */
  readonly scope?: 'Column' | 'Row';
}

/** A structure element made by {@link HandoutCanvas.element}. */
export type StructId = number;

/** Drawing surface in PDF points, origin at the bottom left of the current page. */
export interface HandoutCanvas {
  /**
   * Adds a structure element as the last child of `parent` (null: the document). Elements are
   * read in the order they are added under each parent, whatever order they are drawn in.
   */
  element(role: StructRole, parent: StructId | null, options?: StructOptions): StructId;
  /**
   * What the drawing that follows belongs to: a structure element, or null for decoration and
   * running footers (artifacts a screen reader skips). Shapes belong to a `Figure`; outside one
   * they are always artifacts.
   */
  tag(owner: StructId | null): void;
  /** Moves an element after its parent's other children (a box read after the rest of its page). */
  moveToEnd(id: StructId): void;
  /** Width of `text` in points; widths add up (the width of "a b" is that of "a", " ", "b"). */
  measure(text: string, weight: FontWeight, size: number): number;
  /** Adds a page and makes it current; returns its index. */
  addPage(): number;
  /** Makes an existing page current (footers are drawn once the page count is known). */
  usePage(index: number): void;
  text(text: string, x: number, y: number, weight: FontWeight, size: number, color: Rgb): void;
  rect(x: number, y: number, width: number, height: number, style: ShapeStyle): void;
  line(x1: number, y1: number, x2: number, y2: number, style: ShapeStyle): void;
  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void;
}

const rgb = (hex: number): Rgb => ({
  r: ((hex >> 16) & 255) / 255,
  g: ((hex >> 8) & 255) / 255,
  b: (hex & 255) / 255,
});

/**
 * The handout's colours. Near-black text on white and dark blue headings: contrast ratios above
 * 12:1. Band fills are pale; every band also carries its name in words, so colour is never the
 * only cue.
 */
export const PALETTE = {
  ink: rgb(0x1a1a1a),
  heading: rgb(0x0b3d6b),
  muted: rgb(0x404040),
  rule: rgb(0x8a8a8a),
  summaryFill: rgb(0xeaf2fb),
  headerFill: rgb(0xe6e6e6),
  band: {
    deficient: rgb(0xf6c7a8),
    insufficient: rgb(0xfbe3a0),
    sufficient: rgb(0xc4e3c0),
    high: rgb(0xf3b9b9),
  } satisfies Readonly<Record<BandStatus, Rgb>>,
} as const;

/**
 * Greedy word wrap. A word wider than the line is broken between characters. Each word is
 * measured once and line widths are summed, which is exact for a canvas whose widths add up
 * (no kerning, as in render.ts), and keeps wrapping linear in the length of the text.
 * @param canvas - measures text
 * @param text - the paragraph
 * @param weight - font weight
 * @param size - font size in points
 * @param width - line width in points
 * @param firstWidth - width of the first line, when it differs (a run-in heading precedes it)
 * @returns the lines, at least one
 */
export function wrapText(
  canvas: Pick<HandoutCanvas, 'measure'>,
  text: string,
  weight: FontWeight,
  size: number,
  width: number,
  firstWidth = width,
): string[] {
  const lines: string[] = [];
  const space = canvas.measure(' ', weight, size);
  let current = '';
  let currentWidth = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : width);
  const breakLine = (): void => {
    lines.push(current);
    current = '';
    currentWidth = 0;
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const wordWidth = canvas.measure(word, weight, size);
    if (current !== '' && currentWidth + space + wordWidth <= limit()) {
      current = `${current} ${word}`;
      currentWidth += space + wordWidth;
      continue;
    }
    if (current !== '') breakLine();
    if (wordWidth <= limit()) {
      current = word;
      currentWidth = wordWidth;
      continue;
    }
    for (const char of word) {
      const charWidth = canvas.measure(char, weight, size);
      if (current !== '' && currentWidth + charWidth > limit()) breakLine();
      current += char;
      currentWidth += charWidth;
    }
  }
  lines.push(current);
  return lines;
}
