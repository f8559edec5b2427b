import { wrapText } from '../canvas';
import type {
  FontWeight,
  HandoutCanvas,
  Rgb,
  StructId,
  StructOptions,
  StructRole,
} from '../canvas';

export { PAPER_SIZES } from '../options';
export type { PaperSize } from '../options';

// Margins in points: 0.5 in (36 pt) or more on every side.
export const MARGIN_X = 36;
export const MARGIN_TOP = 36;
export const MARGIN_BOTTOM = 30;
export const FOOTER_SIZE = 9;
export const COLUMN_GAP = 18;

/**
 * How tightly a layout packs, from the most open (first) to the tightest. A handout that would
 * run past two pages takes the most open one that needs no more pages than the tightest (see
 * {@link layoutHandout}): type sizes never change, only the space between lines and blocks.
 */
export const DENSITIES = [
  { lineRatio: 1.25, headingRatio: 1.3, spacing: 1, cellPad: 0.35, noteLineGap: 22 },
  { lineRatio: 1.2, headingRatio: 1.25, spacing: 0.7, cellPad: 0.3, noteLineGap: 21 },
  { lineRatio: 1.15, headingRatio: 1.2, spacing: 0.5, cellPad: 0.25, noteLineGap: 20 },
] as const;
export type Density = (typeof DENSITIES)[number];

/** Type sizes derived from the body size (12 pt, or 14 pt in large print), and spacing. */
export interface Sizes {
  readonly body: number;
  /** Baseline-to-baseline distance of body text. */
  readonly line: number;
  readonly title: number;
  /** Section headings. */
  readonly h2: number;
  /** Block headings (bold, body size). */
  readonly h3: number;
  /** Baseline-to-baseline distance of h2 and h3 headings. */
  readonly h2Line: number;
  readonly h3Line: number;
  /** Padding inside table cells and boxes. */
  readonly pad: number;
  readonly scaleLabel: number;
  /** Multiplies every gap between blocks. */
  readonly spacing: number;
  /** Distance between the writing lines of the notes box (about 0.3 in). */
  readonly noteLineGap: number;
}

export function sizesFor(largePrint: boolean, density: Density): Sizes {
  const body = largePrint ? 14 : 12;
  return {
    body,
    line: body * density.lineRatio,
    title: body * 1.6,
    h2: body * 1.15,
    h3: body,
    h2Line: body * 1.15 * density.headingRatio,
    h3Line: body * density.headingRatio,
    pad: body * density.cellPad,
    scaleLabel: body - 1,
    spacing: density.spacing,
    noteLineGap: density.noteLineGap,
  };
}

export interface Page {
  readonly width: number;
  readonly height: number;
}

/** {@link wrapText} bound to a canvas; the lines it returns are shared, never to be changed. */
export type Wrap = (
  text: string,
  weight: FontWeight,
  size: number,
  width: number,
  firstWidth?: number,
) => readonly string[];

/**
 * Splits each word wider than a full line into pieces that fit, each but the last ending in a
 * hyphen, so a line breaks inside a word only when the word alone is longer than the line, and
 * then visibly. Every other word is left whole for {@link wrapText} to wrap at spaces.
 */
function hyphenateLongWords(
  canvas: Pick<HandoutCanvas, 'measure'>,
  text: string,
  weight: FontWeight,
  size: number,
  width: number,
): string {
  if (canvas.measure(text, weight, size) <= width) return text;
  const hyphen = canvas.measure('-', weight, size);
  return text
    .split(' ')
    .map((word) => {
      if (canvas.measure(word, weight, size) <= width) return word;
      const pieces: string[] = [];
      let piece = '';
      for (const char of word) {
        if (piece !== '' && canvas.measure(piece + char, weight, size) + hyphen > width) {
          pieces.push(`${piece}-`);
          piece = '';
        }
        piece += char;
      }
      pieces.push(piece);
      return pieces.join(' ');
    })
    .join(' ');
}

/**
 * {@link wrapText} with a memo: trial layouts, and the column splits tried within one, wrap the
 * same text at the same widths again and again.
 */
export function memoiseWrap(canvas: Pick<HandoutCanvas, 'measure'>): Wrap {
  // Keyed by the text first: model strings are reused as they are, and V8 caches their hashes.
  const byText = new Map<string, Map<string, readonly string[]>>();
  return (text, weight, size, width, firstWidth = width) => {
    let wrapped = byText.get(text);
    if (wrapped === undefined) {
      wrapped = new Map();
      byText.set(text, wrapped);
    }
    const key = `${weight} ${size} ${width} ${firstWidth}`;
    let lines = wrapped.get(key);
    if (lines === undefined) {
      lines = wrapText(
        canvas,
        hyphenateLongWords(canvas, text, weight, size, width),
        weight,
        size,
        width,
        firstWidth,
      );
      wrapped.set(key, lines);
    }
    return lines;
  };
}

/** A flowing cursor over pages: top-down, breaking to a new page when a block does not fit. */
export class Flow {
  y = 0;
  readonly left = MARGIN_X;
  readonly right: number;
  readonly width: number;
  readonly top: number;
  pages = 0;

  constructor(
    readonly canvas: HandoutCanvas,
    readonly page: Page,
    readonly sizes: Sizes,
    readonly bottom: number,
    /** Word wrap, remembered across the trial layouts of one handout. */
    readonly wrap: Wrap,
  ) {
    this.right = page.width - MARGIN_X;
    this.width = this.right - this.left;
    this.top = page.height - MARGIN_TOP;
    this.newPage();
  }

  /** Height kept free above the footer of the current page (a box drawn at its foot). */
  reserved = 0;

  /**
   * A box drawn at the foot of the page before the content above it (the red-flag box): it is
   * read after that content, so it moves to the end of the reading order when the page is done.
   */
  footBox: StructId | null = null;

  /** Puts the foot box, if any, after everything added to the reading order so far. */
  placeFootBox(): void {
    if (this.footBox === null) return;
    this.canvas.moveToEnd(this.footBox);
    this.footBox = null;
  }

  /** Adds a structure element (see {@link HandoutCanvas.element}); `parent` null: the document. */
  element(role: StructRole, parent: StructId | null = null, options?: StructOptions): StructId {
    return this.canvas.element(role, parent, options);
  }

  /**
   * An element made the first time it is asked for: for drawings that may be laid out and
   * thrown away (column trials), so that only what is drawn enters the structure.
   */
  lazyElement(role: StructRole, parent: () => StructId | null = () => null): () => StructId {
    let id: StructId | undefined;
    return () => (id ??= this.element(role, parent()));
  }

  /** What the following drawing belongs to (null: an artifact). */
  tag(owner: StructId | null): void {
    this.canvas.tag(owner);
  }

  newPage(): void {
    this.placeFootBox();
    this.canvas.addPage();
    this.pages++;
    this.y = this.top;
    this.reserved = 0;
  }

  /** Nothing has been drawn on the current page yet. */
  get atTop(): boolean {
    return this.y >= this.top;
  }

  /** Height left above the footer. */
  get room(): number {
    return this.y - this.bottom - this.reserved;
  }

  /** Makes room for `height` points, starting a new page if needed. */
  ensure(height: number): void {
    if (height > this.room && !this.atTop) this.newPage();
  }

  /** A gap between blocks, scaled by the density (dropped at the top of a page). */
  space(points: number): void {
    if (!this.atTop) this.y -= points * this.sizes.spacing;
  }

  /** Draws lines at the cursor (the caller has ensured room). */
  lines(
    lines: readonly string[],
    x: number,
    weight: FontWeight,
    size: number,
    color: Rgb,
    lineHeight = size * 1.3,
  ): void {
    for (const line of lines) {
      this.y -= lineHeight;
      this.canvas.text(line, x, this.y + (lineHeight - size) * 0.6, weight, size, color);
    }
  }
}
