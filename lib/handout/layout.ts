import type { BandStatus } from '../types';
import type {
  HandoutModel,
  HandoutRow,
  HandoutScale,
  HandoutScalePoint,
  HandoutSection,
} from './model';

/**
 * Lays a handout model out on pages. Pure: it draws through {@link HandoutCanvas}, so the PDF
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

/** Drawing surface in PDF points, origin at the bottom left of the current page. */
export interface HandoutCanvas {
  /** Width of `text` in points. */
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

/** Paper sizes in points (Letter 8.5 x 11 in; A4 210 x 297 mm). */
export const PAPER_SIZES = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;
/** One of the keys of {@link PAPER_SIZES}. */
export type PaperSize = keyof typeof PAPER_SIZES;

const rgb = (hex: number): Rgb => ({
  r: ((hex >> 16) & 255) / 255,
  g: ((hex >> 8) & 255) / 255,
  b: (hex & 255) / 255,
});

// Near-black text on white and dark blue headings: contrast ratios above 12:1.
const INK = rgb(0x1a1a1a);
const HEADING = rgb(0x0b3d6b);
const MUTED = rgb(0x404040);
const RULE = rgb(0x8a8a8a);
const SUMMARY_FILL = rgb(0xeaf2fb);
const HEADER_FILL = rgb(0xe6e6e6);
// Pale band fills; every band also carries its name in words, so colour is never the only cue.
const BAND_FILL: Readonly<Record<BandStatus, Rgb>> = {
  deficient: rgb(0xf6c7a8),
  insufficient: rgb(0xfbe3a0),
  sufficient: rgb(0xc4e3c0),
  high: rgb(0xf3b9b9),
};

const MARGIN_X = 40;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 30;
const FOOTER_SIZE = 9;
const COLUMN_GAP = 18;

/** Type sizes derived from the body size (12 pt, or 14 pt in large print). */
interface Sizes {
  readonly body: number;
  readonly line: number;
  readonly title: number;
  readonly h2: number;
  readonly h3: number;
  readonly scaleLabel: number;
}

function sizesFor(largePrint: boolean): Sizes {
  const body = largePrint ? 14 : 12;
  return {
    body,
    line: body * 1.25,
    title: body * 1.8,
    h2: body * 1.25,
    h3: body * 1.05,
    scaleLabel: body - 1,
  };
}

/**
 * Greedy word wrap. A word wider than the line is broken between characters.
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
  let current = '';
  const fits = (candidate: string): boolean =>
    canvas.measure(candidate, weight, size) <= (lines.length === 0 ? firstWidth : width);
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = '';
    if (fits(word)) {
      current = word;
      continue;
    }
    for (const char of word) {
      if (current !== '' && !fits(current + char)) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  lines.push(current);
  return lines;
}

interface Page {
  readonly width: number;
  readonly height: number;
}

/** A flowing cursor over pages: top-down, breaking to a new page when a block does not fit. */
class Flow {
  y = 0;
  readonly left = MARGIN_X;
  readonly right: number;
  readonly width: number;
  readonly bottom: number;
  pages = 0;

  constructor(
    readonly canvas: HandoutCanvas,
    readonly page: Page,
    readonly sizes: Sizes,
    footerHeight: number,
  ) {
    this.right = page.width - MARGIN_X;
    this.width = this.right - this.left;
    this.bottom = footerHeight;
    this.newPage();
  }

  newPage(): void {
    this.canvas.addPage();
    this.pages++;
    this.y = this.page.height - MARGIN_TOP;
  }

  /** Makes room for `height` points, starting a new page if needed. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Draws wrapped lines at the cursor (the caller has ensured room). */
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

function drawHeader(flow: Flow, model: HandoutModel): void {
  const { canvas, sizes } = flow;
  const titleLines = wrapText(canvas, model.title, 'bold', sizes.title, flow.width);
  flow.lines(titleLines, flow.left, 'bold', sizes.title, HEADING, sizes.title * 1.2);
  flow.space(sizes.body * 0.5);

  // Facts in two columns: the patient and date on the left, the clinician on the right.
  const gap = 16;
  const columnWidth = (flow.width - gap) / 2;
  const columns = [
    model.facts.filter((fact) => fact.kind === 'patient' || fact.kind === 'collectedOn'),
    model.facts.filter((fact) => fact.kind !== 'patient' && fact.kind !== 'collectedOn'),
  ];
  const top = flow.y;
  let lowest = top;
  columns.forEach((facts, index) => {
    flow.y = top;
    const x = flow.left + index * (columnWidth + gap);
    for (const fact of facts) {
      const label = `${fact.label}: `;
      const labelWidth = canvas.measure(label, 'bold', sizes.body);
      // The value starts after the label when it fits there, else on the next line.
      const inline = labelWidth < columnWidth * 0.65;
      const valueWidth = inline ? columnWidth - labelWidth : columnWidth;
      const valueLines = wrapText(canvas, fact.value, 'regular', sizes.body, valueWidth);
      const labelY = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
      canvas.text(label.trimEnd(), x, labelY, 'bold', sizes.body, MUTED);
      if (!inline) flow.space(sizes.line);
      flow.lines(valueLines, inline ? x + labelWidth : x, 'regular', sizes.body, INK, sizes.line);
    }
    lowest = Math.min(lowest, flow.y);
  });
  flow.y = lowest;
  flow.space(sizes.body * 0.4);
  canvas.line(flow.left, flow.y, flow.right, flow.y, { stroke: RULE, lineWidth: 1 });
  flow.space(sizes.body * 0.3);
  for (const paragraph of model.intro) paragraphBlock(flow, paragraph, flow.left, flow.width);
}

function paragraphBlock(flow: Flow, text: string, x: number, width: number): void {
  const lines = wrapText(flow.canvas, text, 'regular', flow.sizes.body, width);
  flow.ensure(lines.length * flow.sizes.line);
  flow.lines(lines, x, 'regular', flow.sizes.body, INK, flow.sizes.line);
}

function bulletLines(flow: Flow, items: readonly string[], width: number): string[][] {
  const indent = flow.sizes.body * 1.1;
  return items.map((item) =>
    wrapText(flow.canvas, item, 'regular', flow.sizes.body, width - indent),
  );
}

function drawBullets(flow: Flow, wrapped: readonly string[][], x: number): void {
  const { sizes, canvas } = flow;
  const indent = sizes.body * 1.1;
  for (const lines of wrapped) {
    flow.ensure(lines.length * sizes.line);
    const top = flow.y;
    canvas.text(
      '•',
      x + sizes.body * 0.2,
      top - sizes.line + (sizes.line - sizes.body) * 0.6,
      'bold',
      sizes.body,
      INK,
    );
    flow.lines(lines, x + indent, 'regular', sizes.body, INK, sizes.line);
  }
}

function drawSummary(flow: Flow, model: HandoutModel): void {
  const { sizes, canvas } = flow;
  const pad = sizes.body * 0.6;
  const inner = flow.width - pad * 2;
  // One short line per result, side by side (up to three a row), then the closing sentence.
  const perRow = Math.max(1, Math.min(3, model.summary.results.length));
  const columnWidth = (inner - (perRow - 1) * COLUMN_GAP) / perRow;
  const cells = bulletLines(flow, model.summary.results, columnWidth);
  const rows: string[][][] = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(cells.slice(i, i + perRow));
  const rowLines = rows.map((row) => Math.max(...row.map((lines) => lines.length)));
  const closing = wrapText(canvas, model.summary.closing, 'regular', sizes.body, inner);
  const lineCount = rowLines.reduce((sum, count) => sum + count, 0) + closing.length;
  const height = pad * 2 + sizes.h3 * 1.3 + lineCount * sizes.line;
  flow.space(sizes.body * 0.6);
  flow.ensure(height);
  canvas.rect(flow.left, flow.y - height, flow.width, height, { fill: SUMMARY_FILL });
  flow.space(pad);
  flow.lines([model.summary.heading], flow.left + pad, 'bold', sizes.h3, HEADING, sizes.h3 * 1.3);
  rows.forEach((row, rowIndex) => {
    const top = flow.y;
    row.forEach((lines, index) => {
      flow.y = top;
      drawBullets(flow, [lines], flow.left + pad + index * (columnWidth + COLUMN_GAP));
    });
    flow.y = top - (rowLines[rowIndex] ?? 0) * sizes.line;
  });
  flow.lines(closing, flow.left + pad, 'regular', sizes.body, INK, sizes.line);
  flow.space(pad);
}

/** Column widths of the results table as fractions of the text width. */
const COLUMN_SHARES = [0.2, 0.21, 0.23, 0.36] as const;

function drawTable(flow: Flow, model: HandoutModel): void {
  const { sizes, canvas } = flow;
  const pad = sizes.body * 0.4;
  const xs: number[] = [];
  let x = flow.left;
  for (const share of COLUMN_SHARES) {
    xs.push(x);
    x += share * flow.width;
  }
  const cellWidth = (index: number): number => COLUMN_SHARES[index]! * flow.width - pad * 2;
  const { columns } = model.table;
  const headerCells = [columns.test, columns.result, columns.meaning, columns.action].map(
    (text, index) => wrapText(canvas, text, 'bold', sizes.body, cellWidth(index)),
  );
  const headerHeight = Math.max(...headerCells.map((lines) => lines.length)) * sizes.line + pad * 2;

  const drawHeaderRow = (): void => {
    canvas.rect(flow.left, flow.y - headerHeight, flow.width, headerHeight, { fill: HEADER_FILL });
    const top = flow.y - pad;
    headerCells.forEach((lines, index) => {
      flow.y = top;
      flow.lines(lines, xs[index]! + pad, 'bold', sizes.body, INK, sizes.line);
    });
    flow.y = top - (headerHeight - pad);
  };

  flow.space(sizes.body * 0.8);
  const rows = model.table.rows.map((row) => layoutRow(flow, row, cellWidth));
  const firstRowHeight = rows[0]?.height ?? 0;
  flow.ensure(sizes.h2 * 1.4 + headerHeight + firstRowHeight);
  flow.lines([model.table.heading], flow.left, 'bold', sizes.h2, HEADING, sizes.h2 * 1.4);
  drawHeaderRow();
  for (const row of rows) {
    if (flow.y - row.height < flow.bottom) {
      flow.newPage();
      drawHeaderRow();
    }
    drawRow(flow, row, xs, pad);
  }
  flow.space(sizes.body * 0.3);
  const noteLines = wrapText(canvas, model.table.note, 'regular', sizes.body, flow.width);
  flow.ensure(noteLines.length * sizes.line);
  flow.lines(noteLines, flow.left, 'regular', sizes.body, INK, sizes.line);
}

interface RowLayout {
  readonly row: HandoutRow;
  readonly cells: readonly (readonly string[])[];
  readonly cellsHeight: number;
  readonly scale: ScaleLayout;
  readonly height: number;
}

function layoutRow(flow: Flow, row: HandoutRow, cellWidth: (index: number) => number): RowLayout {
  const { canvas, sizes } = flow;
  const pad = sizes.body * 0.4;
  const cells = [
    wrapText(canvas, row.test, 'bold', sizes.body, cellWidth(0)),
    wrapText(canvas, row.result, 'regular', sizes.body, cellWidth(1)),
    wrapText(canvas, row.meaning, 'bold', sizes.body, cellWidth(2)),
    wrapText(canvas, row.action, 'regular', sizes.body, cellWidth(3)),
  ];
  const leftLines = Math.max(...cells.slice(0, 3).map((lines) => lines.length));
  const cellsHeight = leftLines * sizes.line + pad * 1.5;
  // The scale sits under the first three columns; the action runs down the fourth beside it.
  const scaleWidth = (1 - COLUMN_SHARES[3]) * flow.width - pad * 2;
  const scale = layoutScale(flow, row.scale, scaleWidth);
  const height =
    Math.max(cellsHeight + scale.height, (cells[3]?.length ?? 0) * sizes.line) + pad * 2;
  return { row, cells, cellsHeight, scale, height };
}

function drawRow(flow: Flow, layout: RowLayout, xs: readonly number[], pad: number): void {
  const { canvas, sizes } = flow;
  const top = flow.y;
  layout.cells.forEach((lines, index) => {
    flow.y = top - pad;
    const bold = index === 0 || index === 2;
    flow.lines(lines, xs[index]! + pad, bold ? 'bold' : 'regular', sizes.body, INK, sizes.line);
  });
  flow.y = top - pad - layout.cellsHeight;
  drawScale(flow, layout.scale, flow.left + pad);
  flow.y = top - layout.height;
  canvas.line(flow.left, flow.y, flow.right, flow.y, { stroke: RULE, lineWidth: 0.75 });
}

interface ScaleLayout {
  readonly scale: HandoutScale;
  /** Left edge and width of each segment, relative to the scale's left edge. */
  readonly starts: readonly number[];
  readonly widths: readonly number[];
  readonly width: number;
  readonly labels: readonly (readonly string[])[];
  readonly barHeight: number;
  readonly markerHeight: number;
  readonly height: number;
}

/** Segment widths: each band gets room for its label on one line, the rest shared evenly. */
function segmentWidths(natural: readonly number[], width: number): number[] {
  const total = natural.reduce((sum, value) => sum + value, 0);
  if (total <= width) {
    const extra = (width - total) / natural.length;
    return natural.map((value) => value + extra);
  }
  // Labels must wrap: share the width in proportion to label length, with a floor.
  const floor = width / natural.length / 2;
  const rest = width - floor * natural.length;
  return natural.map((value) => floor + (rest * value) / total);
}

function layoutScale(flow: Flow, scale: HandoutScale, width: number): ScaleLayout {
  const { canvas, sizes } = flow;
  const size = sizes.scaleLabel;
  const weightOf = (isResult: boolean): FontWeight => (isResult ? 'bold' : 'regular');
  const natural = scale.segments.map(
    (segment) => canvas.measure(segment.label, weightOf(segment.isResult), size) + size,
  );
  const widths = segmentWidths(natural, width);
  const starts: number[] = [];
  widths.reduce((start, segmentWidth) => {
    starts.push(start);
    return start + segmentWidth;
  }, 0);
  const labels = scale.segments.map((segment, index) =>
    wrapText(canvas, segment.label, weightOf(segment.isResult), size, (widths[index] ?? 0) - 4),
  );
  const maxLines = Math.max(1, ...labels.map((lines) => lines.length));
  const barHeight = size * 1.1;
  const markerHeight = size * 1.45;
  const labelsHeight = maxLines * size * 1.15 + size * 0.3;
  return {
    scale,
    starts,
    widths,
    width,
    labels,
    barHeight,
    markerHeight,
    height: markerHeight + barHeight + labelsHeight,
  };
}

function drawScale(flow: Flow, layout: ScaleLayout, left: number): void {
  const { canvas, sizes } = flow;
  const size = sizes.scaleLabel;
  const { scale, width, barHeight, markerHeight } = layout;
  const barTop = flow.y - markerHeight;
  const barBottom = barTop - barHeight;
  const xOf = (point: HandoutScalePoint): number =>
    left +
    (layout.starts[point.segment] ?? 0) +
    (layout.widths[point.segment] ?? 0) * point.fraction;
  scale.segments.forEach((segment, index) => {
    const x = left + (layout.starts[index] ?? 0);
    const segmentWidth = layout.widths[index] ?? 0;
    canvas.rect(x, barBottom, segmentWidth, barHeight, {
      fill: BAND_FILL[segment.status],
      stroke: INK,
      lineWidth: 0.75,
    });
    // Band names in words under the bar: the scale reads without colour.
    const weight = segment.isResult ? 'bold' : 'regular';
    (layout.labels[index] ?? []).forEach((line, lineIndex) => {
      const lineWidth = canvas.measure(line, weight, size);
      const y = barBottom - (lineIndex + 1) * size * 1.15;
      canvas.text(line, x + (segmentWidth - lineWidth) / 2, y, weight, size, INK);
    });
  });
  // The band holding the result gets a heavy outline, drawn last so it sits on top.
  scale.segments.forEach((segment, index) => {
    if (!segment.isResult) return;
    const x = left + (layout.starts[index] ?? 0);
    canvas.rect(x, barBottom, layout.widths[index] ?? 0, barHeight, {
      stroke: INK,
      lineWidth: 2.5,
    });
  });

  const marker = scale.marker;
  const markY = barTop + size * 0.35;
  const head = size * 0.35;
  if (marker.kind === 'point') {
    const x = xOf(marker.at);
    const half = size * 0.45;
    canvas.polygon(
      [
        [x - half, barTop + size * 0.85],
        [x + half, barTop + size * 0.85],
        [x, barTop - 1],
      ],
      { fill: INK },
    );
    canvas.line(x, barTop, x, barBottom, { stroke: INK, lineWidth: 2.5 });
    const labelWidth = canvas.measure(marker.label, 'bold', size);
    let labelSide: 1 | -1 = x + half + 4 + labelWidth <= left + width ? 1 : -1;
    if (marker.openEnd !== 'none') {
      // An open-ended value ("<5", ">2000"): an arrow from the marker toward the open side,
      // and the label on the other side.
      const direction = marker.openEnd === 'below' ? -1 : 1;
      labelSide = direction === 1 ? -1 : 1;
      const room = direction < 0 ? x - half - left : left + width - x - half;
      const length = Math.min(size * 2.5, room);
      if (length > head * 2) {
        drawArrow(canvas, x + direction * (half + 1), x + direction * (half + length), markY, head);
      }
    }
    const labelX = labelSide === 1 ? x + half + 4 : x - half - 4 - labelWidth;
    canvas.text(marker.label, Math.max(left, labelX), barTop + size * 0.22, 'bold', size, INK);
  } else {
    // Indeterminate: a dashed frame over every band the value could be in, and a question mark.
    const from = xOf(marker.from);
    const to = xOf(marker.to);
    canvas.rect(from, barBottom - 2, to - from, barHeight + 4, {
      stroke: INK,
      lineWidth: 2,
      dash: [4, 3],
    });
    const label = `${marker.label} (?)`;
    const labelWidth = canvas.measure(label, 'bold', size);
    const middle = Math.min(
      Math.max((from + to) / 2, left + labelWidth / 2),
      left + width - labelWidth / 2,
    );
    const baseline = barTop + size * 0.4;
    canvas.text(label, middle - labelWidth / 2, baseline, 'bold', size, INK);
    const arrowLevel = baseline + size * 0.32;
    if (middle - labelWidth / 2 - 4 - from > head * 2) {
      drawArrow(canvas, middle - labelWidth / 2 - 4, from + 1, arrowLevel, head);
    }
    if (to - (middle + labelWidth / 2 + 4) > head * 2) {
      drawArrow(canvas, middle + labelWidth / 2 + 4, to - 1, arrowLevel, head);
    }
  }
  flow.y = barBottom - (layout.height - markerHeight - barHeight);
}

function drawArrow(
  canvas: HandoutCanvas,
  fromX: number,
  toX: number,
  y: number,
  head: number,
): void {
  const direction = toX >= fromX ? 1 : -1;
  canvas.line(fromX, y, toX - direction * head, y, { stroke: INK, lineWidth: 1.5 });
  canvas.polygon(
    [
      [toX, y],
      [toX - direction * head * 1.6, y + head],
      [toX - direction * head * 1.6, y - head],
    ],
    { fill: INK },
  );
}

/** A block wrapped to a width: heading lines, then paragraphs, then bullets. */
interface WrappedBlock {
  readonly heading: readonly string[];
  /** A heading set in bold at the start of the first line, when the block is prose. */
  readonly runIn: string | undefined;
  readonly runInWidth: number;
  readonly paragraphs: readonly (readonly string[])[];
  readonly bullets: readonly string[][];
}

/**
 * A block wrapped to a width: heading lines, then paragraphs, then bullets. A full-width block of
 * prose may take its heading run-in; blocks in a side-by-side pair keep a heading line.
 */
function wrapBlock(
  flow: Flow,
  block: HandoutSection['blocks'][number],
  width: number,
  allowRunIn = true,
): WrappedBlock {
  const { canvas, sizes } = flow;
  // A block of prose gets a run-in heading ("Why it matters for your back: ...") to save a line.
  const runIn = `${block.heading}:`;
  const runInWidth = canvas.measure(`${runIn} `, 'bold', sizes.body);
  const [firstParagraph, ...otherParagraphs] = block.paragraphs;
  const prose = block.bullets.length === 0 && firstParagraph !== undefined;
  if (allowRunIn && prose && runInWidth < width * 0.6) {
    const first = wrapText(
      canvas,
      firstParagraph,
      'regular',
      sizes.body,
      width,
      width - runInWidth,
    );
    return {
      heading: [],
      runIn,
      paragraphs: [
        first,
        ...otherParagraphs.map((text) => wrapText(canvas, text, 'regular', sizes.body, width)),
      ],
      runInWidth,
      bullets: [],
    };
  }
  return {
    heading: wrapText(canvas, block.heading, 'bold', sizes.h3, width),
    runIn: undefined,
    runInWidth: 0,
    paragraphs: block.paragraphs.map((text) =>
      wrapText(canvas, text, 'regular', sizes.body, width),
    ),
    bullets: bulletLines(flow, block.bullets, width),
  };
}

function blockHeight(flow: Flow, block: WrappedBlock): number {
  const lines = [...block.paragraphs, ...block.bullets].reduce((sum, item) => sum + item.length, 0);
  return block.heading.length * flow.sizes.h3 * 1.35 + lines * flow.sizes.line;
}

function drawBlock(flow: Flow, block: WrappedBlock, x: number): void {
  const { sizes, canvas } = flow;
  flow.lines(block.heading, x, 'bold', sizes.h3, INK, sizes.h3 * 1.35);
  block.paragraphs.forEach((lines, paragraphIndex) => {
    lines.forEach((line, lineIndex) => {
      flow.ensure(sizes.line);
      if (paragraphIndex === 0 && lineIndex === 0 && block.runIn !== undefined) {
        const y = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
        canvas.text(block.runIn, x, y, 'bold', sizes.body, INK);
        flow.lines([line], x + block.runInWidth, 'regular', sizes.body, INK, sizes.line);
      } else {
        flow.lines([line], x, 'regular', sizes.body, INK, sizes.line);
      }
    });
  });
  drawBullets(flow, block.bullets, x);
}

/**
 * Two blocks side by side, drawn row by row (headings, then item i of each column) so the pair
 * can break across pages between rows instead of leaving a gap.
 */
function drawBlockPair(
  flow: Flow,
  left: WrappedBlock,
  right: WrappedBlock,
  columnWidth: number,
): void {
  const { sizes } = flow;
  const itemsOf = (block: WrappedBlock): Array<{ lines: readonly string[]; bullet: boolean }> => [
    ...block.paragraphs.map((lines) => ({ lines, bullet: false })),
    ...block.bullets.map((lines) => ({ lines, bullet: true })),
  ];
  const columns = [
    { block: left, x: flow.left, items: itemsOf(left) },
    { block: right, x: flow.left + flow.width - columnWidth, items: itemsOf(right) },
  ];
  const headingHeight = Math.max(left.heading.length, right.heading.length) * sizes.h3 * 1.35;
  const rowCount = Math.max(...columns.map((column) => column.items.length));
  const rowHeight = (row: number): number =>
    Math.max(...columns.map((column) => (column.items[row]?.lines.length ?? 0) * sizes.line));
  // Prose cannot line up item by item with a list: then the pair is kept together instead.
  const bulletsOnly = left.paragraphs.length === 0 && right.paragraphs.length === 0;
  const total = Array.from({ length: rowCount }, (_, row) => rowHeight(row)).reduce(
    (a, b) => a + b,
    0,
  );
  flow.ensure(headingHeight + (bulletsOnly ? rowHeight(0) : total));
  const headingTop = flow.y;
  for (const column of columns) {
    flow.y = headingTop;
    flow.lines(column.block.heading, column.x, 'bold', sizes.h3, INK, sizes.h3 * 1.35);
  }
  flow.y = headingTop - headingHeight;
  if (!bulletsOnly) {
    const top = flow.y;
    for (const column of columns) {
      flow.y = top;
      for (const item of column.items) {
        if (item.bullet) drawBullets(flow, [[...item.lines]], column.x);
        else flow.lines(item.lines, column.x, 'regular', sizes.body, INK, sizes.line);
      }
    }
    flow.y =
      top - Math.max(...columns.map((column) => blockHeight(flow, column.block) - headingHeight));
    return;
  }
  for (let row = 0; row < rowCount; row++) {
    const height = rowHeight(row);
    flow.ensure(height);
    const top = flow.y;
    for (const column of columns) {
      const item = column.items[row];
      if (!item) continue;
      flow.y = top;
      drawBullets(flow, [[...item.lines]], column.x);
    }
    flow.y = top - height;
  }
}

function drawSection(flow: Flow, section: HandoutSection): void {
  const { sizes, canvas } = flow;
  const headingLines = wrapText(canvas, section.heading, 'bold', sizes.h2, flow.width);
  const columnWidth = (flow.width - COLUMN_GAP) / 2;
  const [why, foods, suggest, ...rest] = section.blocks;
  flow.space(sizes.body * 0.6);
  const first = why ? wrapBlock(flow, why, flow.width) : undefined;
  // Keep the heading with its first block's heading and first lines.
  const firstLines = first ? first.heading.length * sizes.h3 * 1.35 + sizes.line * 2 : 0;
  flow.ensure(headingLines.length * sizes.h2 * 1.3 + firstLines);
  flow.lines(headingLines, flow.left, 'bold', sizes.h2, HEADING, sizes.h2 * 1.3);
  if (first) drawBlock(flow, first, flow.left);
  // What to eat and what the clinician may suggest are short lists: side by side.
  if (foods && suggest) {
    flow.space(sizes.body * 0.2);
    drawBlockPair(
      flow,
      wrapBlock(flow, foods, columnWidth, false),
      wrapBlock(flow, suggest, columnWidth, false),
      columnWidth,
    );
  } else {
    for (const block of [foods, suggest])
      if (block) drawBlock(flow, wrapBlock(flow, block, flow.width), flow.left);
  }
  for (const block of rest) {
    flow.space(sizes.body * 0.2);
    const wrapped = wrapBlock(flow, block, flow.width);
    flow.ensure(blockHeight(flow, wrapped));
    drawBlock(flow, wrapped, flow.left);
  }
}

function drawHabits(flow: Flow, model: HandoutModel): void {
  const { sizes, canvas } = flow;
  const columnWidth = (flow.width - COLUMN_GAP) / 2;
  const half = Math.ceil(model.habits.items.length / 2);
  const left = bulletLines(flow, model.habits.items.slice(0, half), columnWidth);
  const right = bulletLines(flow, model.habits.items.slice(half), columnWidth);
  const count = (column: readonly string[][]): number =>
    column.reduce((sum, item) => sum + item.length, 0);
  const height = Math.max(count(left), count(right)) * sizes.line;
  const headingLines = wrapText(canvas, model.habits.heading, 'bold', sizes.h2, flow.width);
  flow.space(sizes.body * 0.6);
  flow.ensure(headingLines.length * sizes.h2 * 1.3 + height);
  flow.lines(headingLines, flow.left, 'bold', sizes.h2, HEADING, sizes.h2 * 1.3);
  const top = flow.y;
  drawBullets(flow, left, flow.left);
  flow.y = top;
  drawBullets(flow, right, flow.left + columnWidth + COLUMN_GAP);
  flow.y = top - height;
}

/** Writing lines in the notes box: at least this many, more when the page has room. */
const MIN_NOTE_LINES = 3;
const MAX_NOTE_LINES = 6;

/** Draws the notes box; returns the height of the writing lines beyond the minimum (slack). */
function drawNotes(flow: Flow, model: HandoutModel, reserve: number): number {
  const { sizes, canvas } = flow;
  const lineGap = sizes.body * 1.8;
  const headingHeight = sizes.h2 * 1.35;
  const pad = sizes.body * 0.6;
  const boxFor = (count: number): number => pad + count * lineGap + pad;
  flow.space(sizes.body * 0.8);
  flow.ensure(headingHeight + boxFor(MIN_NOTE_LINES) + reserve);
  flow.lines([model.notesHeading], flow.left, 'bold', sizes.h2, HEADING, headingHeight);
  // As many writing lines as the page has room for (leaving `reserve` below), within limits.
  const room = flow.y - flow.bottom - reserve - pad * 2;
  const count = Math.max(MIN_NOTE_LINES, Math.min(MAX_NOTE_LINES, Math.floor(room / lineGap)));
  const height = boxFor(count);
  canvas.rect(flow.left, flow.y - height, flow.width, height, { stroke: INK, lineWidth: 1 });
  for (let i = 1; i <= count; i++) {
    const y = flow.y - pad - i * lineGap + sizes.body * 0.3;
    canvas.line(flow.left + pad, y, flow.right - pad, y, { stroke: RULE, lineWidth: 0.75 });
  }
  flow.space(height);
  return (count - MIN_NOTE_LINES) * lineGap;
}

/** Rule sets, rules version and date: small print after the notes box, at the very end. */
function wrapRules(flow: Flow, model: HandoutModel): string[] {
  return wrapText(flow.canvas, model.footer.lines.join(' '), 'regular', FOOTER_SIZE, flow.width);
}

function rulesHeight(lines: readonly string[]): number {
  return FOOTER_SIZE * 0.6 + lines.length * FOOTER_SIZE * 1.3;
}

function drawRules(flow: Flow, lines: readonly string[]): void {
  flow.ensure(rulesHeight(lines));
  flow.space(FOOTER_SIZE * 0.6);
  flow.lines(lines, flow.left, 'regular', FOOTER_SIZE, MUTED, FOOTER_SIZE * 1.3);
}

const DISCLAIMER_SIZE = 11;
/** Height of the page footer: a rule, then the disclaimer and the page number. */
const FOOTER_HEIGHT = MARGIN_BOTTOM + DISCLAIMER_SIZE * 1.6;

function drawFooter(
  canvas: HandoutCanvas,
  model: HandoutModel,
  page: Page,
  pageNumber: number,
  pageCount: number,
): void {
  const left = MARGIN_X;
  const right = page.width - MARGIN_X;
  canvas.line(left, FOOTER_HEIGHT, right, FOOTER_HEIGHT, { stroke: RULE, lineWidth: 0.75 });
  const y = FOOTER_HEIGHT - DISCLAIMER_SIZE * 1.4;
  const pageLabel = model.footer.pageTemplate
    .replace('{page}', String(pageNumber))
    .replace('{pages}', String(pageCount));
  canvas.text(
    pageLabel,
    right - canvas.measure(pageLabel, 'regular', FOOTER_SIZE),
    y,
    'regular',
    FOOTER_SIZE,
    MUTED,
  );
  // The disclaimer is drawn last so it is also the last text of every page's text layer.
  canvas.text(model.footer.disclaimer, left, y, 'bold', DISCLAIMER_SIZE, INK);
}

/**
 * Lays the whole handout out on `canvas`, adding pages as needed, and draws a footer on each page.
 * @param canvas - the drawing surface (render.ts backs it with pdf-lib)
 * @param model - the handout model
 * @param paper - `letter` or `a4`
 * @returns the number of pages, and the height left free on the last one (points; writing lines
 *   beyond the minimum count as free)
 */
export function layoutHandout(
  canvas: HandoutCanvas,
  model: HandoutModel,
  paper: PaperSize,
): { pages: number; spareHeight: number } {
  const page = PAPER_SIZES[paper];
  const sizes = sizesFor(model.largePrint);
  const flow = new Flow(canvas, page, sizes, FOOTER_HEIGHT + 8);
  drawHeader(flow, model);
  drawSummary(flow, model);
  drawTable(flow, model);
  for (const section of model.sections) drawSection(flow, section);
  drawHabits(flow, model);
  const rules = wrapRules(flow, model);
  const extraNoteLines = drawNotes(flow, model, rulesHeight(rules));
  drawRules(flow, rules);
  const spareHeight = flow.y - flow.bottom + extraNoteLines;
  for (let index = 0; index < flow.pages; index++) {
    canvas.usePage(index);
    drawFooter(canvas, model, page, index + 1, flow.pages);
  }
  return { pages: flow.pages, spareHeight };
}
