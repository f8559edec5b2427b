import { bandScaleOneLineWidth, drawBandScale, layoutBandScale } from './band-scale';
import type { BandScaleLayout } from './band-scale';
import { PALETTE, wrapText } from './canvas';
import type { FontWeight, HandoutCanvas, Rgb, ShapeStyle } from './canvas';
import type { HandoutBlock, HandoutGroup, HandoutModel, HandoutRow, HandoutSection } from './model';

/**
 * Lays a handout model out on pages. Pure: it draws through {@link HandoutCanvas}, so the PDF
 * details (fonts, operators) stay in `render.ts`, the one file that imports pdf-lib.
 *
 * Budget: a full three-test panel must fit on two pages in large print (14 pt body) on Letter
 * and A4 at 12 pt, and on three in large print (14 pt), in English and Spanish. Page 1 carries
 * the safety content whatever the print size: the critical-result box, the summary, the patient's
 * actions and the red-flag box. Vertical space is spent on text, not on gaps: band names sit
 * inside the scale bars, side-by-side columns each flow on their own, and when a handout would
 * otherwise spill onto another page the spacing (never the type size) tightens: see
 * {@link DENSITIES}.
 */

/** Paper sizes in points (Letter 8.5 x 11 in; A4 210 x 297 mm). */
export const PAPER_SIZES = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const;
/** One of the keys of {@link PAPER_SIZES}. */
export type PaperSize = keyof typeof PAPER_SIZES;

const { ink: INK, heading: HEADING, muted: MUTED, rule: RULE } = PALETTE;
/** Dark red outline and pale red fill of the urgent boxes (contrast of the text stays > 12:1). */
const ALERT_STROKE: Rgb = { r: 0.62, g: 0.1, b: 0.1 };
const ALERT_FILL: Rgb = { r: 0.99, g: 0.93, b: 0.93 };

// Margins in points: 0.5 in (36 pt) or more on every side.
const MARGIN_X = 36;
const MARGIN_TOP = 36;
const MARGIN_BOTTOM = 30;
const FOOTER_SIZE = 9;
const COLUMN_GAP = 18;

/**
 * How tightly a layout packs, from the most open (first) to the tightest. A handout that would
 * run past two pages takes the most open one that needs no more pages than the tightest (see
 * {@link layoutHandout}): type sizes never change, only the space between lines and blocks.
 */
const DENSITIES = [
  { lineRatio: 1.25, headingRatio: 1.3, spacing: 1, cellPad: 0.35, noteLineGap: 22 },
  { lineRatio: 1.2, headingRatio: 1.25, spacing: 0.7, cellPad: 0.3, noteLineGap: 21 },
  { lineRatio: 1.15, headingRatio: 1.2, spacing: 0.5, cellPad: 0.25, noteLineGap: 20 },
] as const;
type Density = (typeof DENSITIES)[number];

/** Type sizes derived from the body size (12 pt, or 14 pt in large print), and spacing. */
interface Sizes {
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

function sizesFor(largePrint: boolean, density: Density): Sizes {
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

interface Page {
  readonly width: number;
  readonly height: number;
}

/** {@link wrapText} bound to a canvas; the lines it returns are shared, never to be changed. */
type Wrap = (
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
function memoiseWrap(canvas: Pick<HandoutCanvas, 'measure'>): Wrap {
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
class Flow {
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

  newPage(): void {
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

function drawHeader(flow: Flow, model: HandoutModel): void {
  const { canvas, sizes } = flow;
  const titleLines = flow.wrap(model.title, 'bold', sizes.title, flow.width);
  flow.lines(titleLines, flow.left, 'bold', sizes.title, HEADING, sizes.title * 1.15);
  flow.y -= sizes.body * 0.4;

  // Facts in two columns: the patient and date on the left, the clinician on the right, split
  // so that a long label or name gets room.
  const gap = 16;
  const columns = [
    model.facts.filter((fact) => fact.kind === 'patient' || fact.kind === 'collectedOn'),
    model.facts.filter((fact) => fact.kind !== 'patient' && fact.kind !== 'collectedOn'),
  ];
  const widths = splitColumns((share) => {
    const shares = [(flow.width - gap) * share, (flow.width - gap) * (1 - share)];
    const [left = 0, right = 0] = columns.map((facts, index) =>
      facts.reduce((sum, fact) => sum + layoutFact(flow, fact, shares[index] ?? 0).height, 0),
    );
    return { left, right, value: shares };
  });
  const top = flow.y;
  let lowest = top;
  columns.forEach((facts, index) => {
    flow.y = top;
    const x = flow.left + (index === 0 ? 0 : (widths[0] ?? 0) + gap);
    for (const fact of facts) {
      const { label, labelWidth, inline, valueLines } = layoutFact(flow, fact, widths[index] ?? 0);
      const labelY = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
      canvas.text(label, x, labelY, 'bold', sizes.body, MUTED);
      if (!inline) flow.y -= sizes.line;
      flow.lines(valueLines, inline ? x + labelWidth : x, 'regular', sizes.body, INK, sizes.line);
    }
    lowest = Math.min(lowest, flow.y);
  });
  flow.y = lowest - sizes.body * 0.35;
  canvas.line(flow.left, flow.y, flow.right, flow.y, { stroke: RULE, lineWidth: 1 });
  flow.y -= sizes.body * 0.2;
  for (const paragraph of model.intro) paragraphBlock(flow, paragraph, flow.left, flow.width);
}

/** A fact of the header: its label, and its value after the label or on the lines below it. */
function layoutFact(
  flow: Flow,
  fact: HandoutModel['facts'][number],
  width: number,
): {
  label: string;
  labelWidth: number;
  inline: boolean;
  valueLines: readonly string[];
  height: number;
} {
  const { canvas, sizes } = flow;
  const label = `${fact.label}:`;
  const labelWidth = canvas.measure(`${label} `, 'bold', sizes.body);
  // The value starts after the label when there is room for it there, else on the next line.
  // A word of the value wider than the room after the label (a long name) moves the value to
  // its own line, so it wraps at spaces and is never cut inside a word that fits a full line.
  const widestWord = Math.max(
    0,
    ...fact.value.split(' ').map((word) => canvas.measure(word, 'regular', sizes.body)),
  );
  const inline = labelWidth < width * 0.65 && widestWord <= width - labelWidth;
  const valueWidth = inline ? width - labelWidth : width;
  const valueLines = flow.wrap(fact.value, 'regular', sizes.body, valueWidth);
  const height = (valueLines.length + (inline ? 0 : 1)) * sizes.line;
  return { label, labelWidth, inline, valueLines, height };
}

function paragraphBlock(flow: Flow, text: string, x: number, width: number): void {
  const lines = flow.wrap(text, 'regular', flow.sizes.body, width);
  flow.ensure(lines.length * flow.sizes.line);
  flow.lines(lines, x, 'regular', flow.sizes.body, INK, flow.sizes.line);
}

const bulletIndent = (sizes: Sizes): number => sizes.body * 1.1;

function bulletLines(
  flow: Flow,
  items: readonly string[],
  width: number,
): Array<readonly string[]> {
  const indent = bulletIndent(flow.sizes);
  return items.map((item) => flow.wrap(item, 'regular', flow.sizes.body, width - indent));
}

/** Draws one bulleted item at the cursor (the caller has ensured room). */
function drawBullet(flow: Flow, lines: readonly string[], x: number): void {
  const { sizes, canvas } = flow;
  const baseline = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
  canvas.text('•', x + sizes.body * 0.2, baseline, 'bold', sizes.body, INK);
  flow.lines(lines, x + bulletIndent(sizes), 'regular', sizes.body, INK, sizes.line);
}

function drawSummary(flow: Flow, model: HandoutModel): void {
  const { sizes, canvas } = flow;
  const pad = sizes.body * 0.5;
  const inner = flow.width - pad * 2;
  // One short line per result, side by side (up to three a row), then the patient's actions
  // under their own heading: one box, so the summary and what to do stay together on page 1.
  const perRow = Math.max(1, Math.min(3, model.summary.results.length));
  const columnWidth = (inner - (perRow - 1) * COLUMN_GAP) / perRow;
  const cells = bulletLines(flow, model.summary.results, columnWidth);
  const rows: Array<Array<readonly string[]>> = [];
  for (let i = 0; i < cells.length; i += perRow) rows.push(cells.slice(i, i + perRow));
  const rowLines = rows.map((row) => Math.max(...row.map((lines) => lines.length)));
  const actions = bulletLines(flow, model.actions.items, inner);
  const lineCount =
    rowLines.reduce((sum, count) => sum + count, 0) +
    actions.reduce((sum, lines) => sum + lines.length, 0);
  const headingHeight = sizes.h3Line;
  const gap = sizes.body * 0.3;
  const height = pad * 2 + headingHeight * 2 + gap + lineCount * sizes.line;
  flow.space(sizes.body * 0.5);
  flow.ensure(height);
  canvas.rect(flow.left, flow.y - height, flow.width, height, { fill: PALETTE.summaryFill });
  flow.y -= pad;
  flow.lines([model.summary.heading], flow.left + pad, 'bold', sizes.h3, HEADING, headingHeight);
  rows.forEach((row, rowIndex) => {
    const top = flow.y;
    row.forEach((lines, index) => {
      flow.y = top;
      drawBullet(flow, lines, flow.left + pad + index * (columnWidth + COLUMN_GAP));
    });
    flow.y = top - (rowLines[rowIndex] ?? 0) * sizes.line;
  });
  flow.y -= gap;
  flow.lines([model.actions.heading], flow.left + pad, 'bold', sizes.h3, HEADING, headingHeight);
  for (const lines of actions) drawBullet(flow, lines, flow.left + pad);
  flow.y -= pad;
}

/** A group laid out in a column: the lead in bold, then its bullets. */
interface GroupLines {
  readonly lead: readonly string[];
  readonly items: ReadonlyArray<readonly string[]>;
}

function layoutGroups(flow: Flow, groups: readonly HandoutGroup[], width: number): GroupLines[] {
  const { sizes } = flow;
  return groups.map((group) => ({
    lead: flow.wrap(group.lead, 'bold', sizes.body, width),
    items: bulletLines(flow, group.items, width),
  }));
}

function groupsHeight(flow: Flow, groups: readonly GroupLines[]): number {
  const lines = groups.reduce(
    (sum, group) => sum + group.lead.length + group.items.reduce((n, item) => n + item.length, 0),
    0,
  );
  return lines * flow.sizes.line + Math.max(0, groups.length - 1) * flow.sizes.body * 0.3;
}

function drawGroups(flow: Flow, groups: readonly GroupLines[], x: number): void {
  const { sizes } = flow;
  groups.forEach((group, index) => {
    if (index > 0) flow.y -= sizes.body * 0.3;
    flow.lines(group.lead, x, 'bold', sizes.body, INK, sizes.line);
    for (const item of group.items) drawBullet(flow, item, x);
  });
}

/**
 * An outlined box that is never split across pages: a heading, optional lines in bold, groups
 * (in two columns when there are several and the split is shorter), then paragraphs.
 */
function layoutAlertBox(
  flow: Flow,
  box: {
    readonly heading: string;
    readonly bold: readonly string[];
    readonly groups: readonly HandoutGroup[];
    readonly paragraphs: readonly string[];
  },
): { readonly height: number; readonly draw: (top: number) => void } {
  const { sizes, canvas } = flow;
  const pad = sizes.body * 0.5;
  const inner = flow.width - pad * 2;
  const heading = flow.wrap(box.heading, 'bold', sizes.h2, inner);
  const bold = box.bold.flatMap((text) => flow.wrap(text, 'bold', sizes.body, inner));
  const paragraphs = box.paragraphs.flatMap((text) =>
    flow.wrap(text, 'regular', sizes.body, inner),
  );
  // Several groups go in two columns (the first on the left) when that is shorter than one.
  const half = (inner - COLUMN_GAP) / 2;
  const single = layoutGroups(flow, box.groups, inner);
  const split =
    box.groups.length > 1
      ? [
          layoutGroups(flow, box.groups.slice(0, 1), half),
          layoutGroups(flow, box.groups.slice(1), half),
        ]
      : null;
  const splitHeight =
    split === null ? Infinity : Math.max(...split.map((column) => groupsHeight(flow, column)));
  const useSplit = split !== null && splitHeight < groupsHeight(flow, single);
  const groupHeight = useSplit ? splitHeight : groupsHeight(flow, single);
  const gap = (part: number): number => (part > 0 ? sizes.body * 0.3 : 0);
  const height =
    pad * 2 +
    heading.length * sizes.h2Line +
    bold.length * sizes.line +
    gap(box.groups.length) +
    groupHeight +
    gap(paragraphs.length) +
    paragraphs.length * sizes.line;
  const draw = (top: number): void => {
    flow.y = top;
    canvas.rect(flow.left, top - height, flow.width, height, {
      fill: ALERT_FILL,
      stroke: ALERT_STROKE,
      lineWidth: 2,
    });
    flow.y -= pad;
    const x = flow.left + pad;
    flow.lines(heading, x, 'bold', sizes.h2, ALERT_STROKE, sizes.h2Line);
    flow.lines(bold, x, 'bold', sizes.body, INK, sizes.line);
    flow.y -= gap(box.groups.length);
    if (useSplit && split !== null) {
      const groupsTop = flow.y;
      split.forEach((column, index) => {
        flow.y = groupsTop;
        drawGroups(flow, column, x + index * (half + COLUMN_GAP));
      });
      flow.y = groupsTop - groupHeight;
    } else {
      drawGroups(flow, single, x);
    }
    flow.y -= gap(paragraphs.length);
    flow.lines(paragraphs, x, 'regular', sizes.body, INK, sizes.line);
    flow.y = top - height;
  };
  return { height, draw };
}

/** An alert box at the cursor, moved to the next page whole if it does not fit. */
function drawAlertBox(flow: Flow, box: Parameters<typeof layoutAlertBox>[1]): void {
  const { height, draw } = layoutAlertBox(flow, box);
  flow.space(flow.sizes.body * 0.6);
  flow.ensure(height);
  draw(flow.y);
}

/**
 * The red-flag box, at the foot of page 1 whatever comes before it: the space above it is kept
 * for the flow (the results table starts on page 1 and runs on), and it never moves to page 2.
 */
function drawRedFlagsAtFoot(flow: Flow, model: HandoutModel): void {
  const { height, draw } = layoutAlertBox(flow, {
    heading: model.redFlags.heading,
    bold: [],
    groups: model.redFlags.groups,
    paragraphs: model.redFlags.extra,
  });
  const gap = flow.sizes.body * 0.6;
  if (height + gap > flow.room) {
    // Page 1 is full already (a very long header): the box comes next, as it is.
    flow.ensure(height);
    draw(flow.y);
    return;
  }
  const y = flow.y;
  draw(flow.bottom + height);
  flow.y = y;
  flow.reserved = height + gap;
}

/**
 * Column widths of the results table. The test, result and meaning columns get the width their
 * longest cell (or heading) needs on one line, and together at least the width at which the band
 * scale under them shows every band name on one line; the action column gets the rest, between
 * 28% and 40% of the width. When the three do not fit, the result and the meaning wrap first.
 */
function tableWidths(flow: Flow, model: HandoutModel, pad: number): number[] {
  const { canvas, sizes } = flow;
  const { rows, columns } = model.table;
  const total = flow.width;
  const sum = (widths: readonly number[]): number => widths.reduce((a, b) => a + b, 0);
  // One point of slack: a cell exactly as wide as its text must not wrap on rounding.
  const widest = (heading: string, texts: readonly string[], weight: FontWeight): number =>
    Math.max(
      canvas.measure(heading, 'bold', sizes.body),
      ...texts.map((text) => canvas.measure(text, weight, sizes.body)),
    ) +
    pad * 2 +
    1;
  const test = widest(
    columns.test,
    rows.map((row) => row.test),
    'bold',
  );
  const result = widest(
    columns.result,
    rows.map((row) => row.result),
    'regular',
  );
  const meaning = widest(
    columns.meaning,
    rows.map((row) => row.meaning),
    'bold',
  );
  const budget = total * 0.72;
  let cells = [test, result, meaning];
  if (sum(cells) > budget) {
    // Result and meaning are phrases that wrap well: the longer one gives way first (both are
    // capped at the same width), while the test name keeps its width unless even that is too much.
    const room = Math.max(budget * 0.5, budget - test);
    const shorter = Math.min(result, meaning);
    const cap = test + shorter * 2 <= budget ? room - shorter : room / 2;
    cells = [test, Math.min(result, cap), Math.min(meaning, cap)];
    if (sum(cells) > budget) cells = cells.map((width) => (width * budget) / sum(cells));
  }
  const scale =
    Math.max(0, ...rows.map((r) => bandScaleOneLineWidth(canvas, r.scale, sizes.scaleLabel))) +
    pad * 2;
  const action = Math.min(total * 0.4, total - Math.min(budget, Math.max(sum(cells), scale)));
  const stretch = (total - action) / sum(cells);
  return [...cells.map((width) => width * stretch), action];
}

interface RowLayout {
  readonly cells: readonly (readonly string[])[];
  /** Height of the first three cells and the gap before the scale. */
  readonly cellsHeight: number;
  readonly scale: BandScaleLayout;
  readonly height: number;
}

function layoutRow(flow: Flow, row: HandoutRow, widths: readonly number[], pad: number): RowLayout {
  const { canvas, sizes } = flow;
  const cellWidth = (index: number): number => (widths[index] ?? 0) - pad * 2;
  const cells = [
    flow.wrap(row.test, 'bold', sizes.body, cellWidth(0)),
    flow.wrap(row.result, 'regular', sizes.body, cellWidth(1)),
    flow.wrap(row.meaning, 'bold', sizes.body, cellWidth(2)),
    flow.wrap(row.action, 'regular', sizes.body, cellWidth(3)),
  ];
  const leftLines = Math.max(...cells.slice(0, 3).map((lines) => lines.length));
  const cellsHeight = leftLines * sizes.line + pad;
  // The scale sits under the first three columns; the action runs down the fourth beside it.
  const scaleWidth = widths.slice(0, 3).reduce((sum, width) => sum + width, 0) - pad * 2;
  const scale = layoutBandScale(canvas, row.scale, scaleWidth, sizes.scaleLabel);
  const height =
    Math.max(cellsHeight + scale.height, (cells[3]?.length ?? 0) * sizes.line) + pad * 2;
  return { cells, cellsHeight, scale, height };
}

function drawTable(flow: Flow, model: HandoutModel): void {
  const { sizes, canvas } = flow;
  const { pad } = sizes;
  const widths = tableWidths(flow, model, pad);
  const xs: number[] = [];
  widths.reduce((x, width) => {
    xs.push(x);
    return x + width;
  }, flow.left);
  const { columns } = model.table;
  const headerCells = [columns.test, columns.result, columns.meaning, columns.action].map(
    (text, index) => flow.wrap(text, 'bold', sizes.body, (widths[index] ?? 0) - pad * 2),
  );
  const headerHeight = Math.max(...headerCells.map((lines) => lines.length)) * sizes.line + pad * 2;

  const drawHeaderRow = (): void => {
    canvas.rect(flow.left, flow.y - headerHeight, flow.width, headerHeight, {
      fill: PALETTE.headerFill,
    });
    const top = flow.y - pad;
    headerCells.forEach((lines, index) => {
      flow.y = top;
      flow.lines(lines, (xs[index] ?? 0) + pad, 'bold', sizes.body, INK, sizes.line);
    });
    flow.y = top - (headerHeight - pad);
  };

  flow.space(sizes.body * 0.6);
  const rows = model.table.rows.map((row) => layoutRow(flow, row, widths, pad));
  const headingHeight = sizes.h2Line;
  flow.ensure(headingHeight + headerHeight + (rows[0]?.height ?? 0));
  flow.lines([model.table.heading], flow.left, 'bold', sizes.h2, HEADING, headingHeight);
  drawHeaderRow();
  for (const row of rows) {
    if (row.height > flow.room) {
      flow.newPage();
      drawHeaderRow();
    }
    const top = flow.y;
    row.cells.forEach((lines, index) => {
      flow.y = top - pad;
      const weight = index === 0 || index === 2 ? 'bold' : 'regular';
      flow.lines(lines, (xs[index] ?? 0) + pad, weight, sizes.body, INK, sizes.line);
    });
    drawBandScale(canvas, row.scale, flow.left + pad, top - pad - row.cellsHeight);
    flow.y = top - row.height;
    canvas.line(flow.left, flow.y, flow.right, flow.y, { stroke: RULE, lineWidth: 0.75 });
  }
  flow.y -= sizes.body * 0.2;
  paragraphBlock(flow, model.table.note, flow.left, flow.width);
}

/** A piece of a column that is never split across pages: a heading, a line of prose, a bullet. */
interface ColumnItem {
  readonly height: number;
  /** Kept on the same page as the item after it (a heading with its first item). */
  readonly keepWithNext: boolean;
  /** Draws the item at the cursor, moving the cursor down by `height`. */
  readonly draw: (flow: Flow, x: number) => void;
}

/** A column of items at a horizontal position. */
interface Column {
  readonly x: number;
  readonly items: readonly ColumnItem[];
}

const columnHeight = (items: readonly ColumnItem[]): number =>
  items.reduce((sum, item) => sum + item.height, 0);

/** How many items from the start fit in `room`, never parting an item from the one it keeps. */
function fittingCount(items: readonly ColumnItem[], room: number): number {
  let used = 0;
  let count = 0;
  while (count < items.length) {
    let end = count;
    let height = 0;
    do {
      height += items[end]?.height ?? 0;
      end++;
    } while (end < items.length && items[end - 1]?.keepWithNext === true);
    if (used + height > room) break;
    used += height;
    count = end;
  }
  return count;
}

/**
 * Columns side by side, each flowing on its own: an item that wraps in one column leaves no gap
 * in the other. The cursor ends below the taller column. When the columns do not fit on the page,
 * each fills the page as far as it can and continues at the top of the next.
 */
function drawColumns(flow: Flow, columns: readonly Column[]): void {
  const queues = columns.map((column) => [...column.items]);
  while (queues.some((queue) => queue.length > 0)) {
    let counts = queues.map((queue) => fittingCount(queue, flow.room));
    if (counts.every((count) => count === 0)) {
      if (!flow.atTop) {
        flow.newPage();
        continue;
      }
      // Taller than a whole page: draw one item of each column and let it overflow.
      counts = queues.map((queue) => Math.min(1, queue.length));
    }
    const top = flow.y;
    let lowest = top;
    columns.forEach((column, index) => {
      flow.y = top;
      for (const item of queues[index]?.splice(0, counts[index] ?? 0) ?? []) {
        item.draw(flow, column.x);
      }
      lowest = Math.min(lowest, flow.y);
    });
    flow.y = lowest;
    if (queues.some((queue) => queue.length > 0)) flow.newPage();
  }
}

function bulletItems(flow: Flow, items: readonly string[], width: number): ColumnItem[] {
  return bulletLines(flow, items, width).map((lines) => ({
    height: lines.length * flow.sizes.line,
    keepWithNext: false,
    draw: (target, x) => drawBullet(target, lines, x),
  }));
}

/** A block as column items: its heading (set in `headingHeight`, bottom-aligned), then the rest. */
function blockItems(
  flow: Flow,
  block: HandoutBlock,
  headingLines: readonly string[],
  headingHeight: number,
  width: number,
): ColumnItem[] {
  const { sizes } = flow;
  const heading: ColumnItem = {
    height: headingHeight,
    keepWithNext: true,
    draw: (target, x) => {
      // Bottom-aligned, so a one-line heading sits right on top of its list.
      target.y -= headingHeight - headingLines.length * sizes.h3Line;
      target.lines(headingLines, x, 'bold', sizes.h3, INK, sizes.h3Line);
    },
  };
  // One item per line, so a paragraph can continue on the next page, but never leaving a
  // single line behind or carrying a single line over.
  const paragraphs = block.paragraphs.flatMap((text) => {
    const lines = flow.wrap(text, 'regular', sizes.body, width);
    return lines.map((line, index): ColumnItem => ({
      height: sizes.line,
      keepWithNext: lines.length > 1 && (index === 0 || index === lines.length - 2),
      draw: (target, x) => target.lines([line], x, 'regular', sizes.body, INK, sizes.line),
    }));
  });
  return [heading, ...paragraphs, ...bulletItems(flow, block.bullets, width)];
}

/**
 * The split of a width between two columns that makes the taller one shortest: an even split,
 * or up to three steps of 5% of the width towards the taller column when that makes it shorter.
 * @param evaluate - lays the columns out with `share` of the width on the left: their heights
 */
function splitColumns<T>(
  evaluate: (share: number) => { left: number; right: number; value: T },
): T {
  let best = evaluate(0.5);
  const taller = (entry: { left: number; right: number }): number =>
    Math.max(entry.left, entry.right);
  // Widths only change a height a whole line at a time: compare with half a point of slack.
  if (Math.abs(best.left - best.right) > 0.5) {
    const direction = best.left > best.right ? 1 : -1;
    for (const step of [1, 2, 3]) {
      const next = evaluate(0.5 + direction * step * 0.05);
      if (taller(next) < taller(best) - 0.5) best = next;
    }
  }
  return best.value;
}

/**
 * Two blocks side by side ("Foods with vitamin D", "What your clinician may suggest"), split by
 * {@link splitColumns}, so a long heading or list gets the wider column.
 */
function drawBlockPair(flow: Flow, left: HandoutBlock, right: HandoutBlock): void {
  const { sizes } = flow;
  const available = flow.width - COLUMN_GAP;
  const columns = splitColumns((share) => {
    const widths = [available * share, available * (1 - share)];
    const headings = [left, right].map((block, index) =>
      flow.wrap(block.heading, 'bold', sizes.h3, widths[index] ?? 0),
    );
    const headingHeight = Math.max(...headings.map((lines) => lines.length)) * sizes.h3Line;
    const items = [left, right].map((block, index) =>
      blockItems(flow, block, headings[index] ?? [], headingHeight, widths[index] ?? 0),
    );
    const [leftItems = [], rightItems = []] = items;
    return {
      left: columnHeight(leftItems),
      right: columnHeight(rightItems),
      value: [
        { x: flow.left, items: leftItems },
        { x: flow.left + available * share + COLUMN_GAP, items: rightItems },
      ],
    };
  });
  drawColumns(flow, columns);
}

/** A full-width block: prose takes its heading run-in ("Good to know: ..."), to save a line. */
function drawBlock(flow: Flow, block: HandoutBlock): void {
  const { sizes, canvas } = flow;
  const width = flow.width;
  const runIn = `${block.heading}:`;
  const runInWidth = canvas.measure(`${runIn} `, 'bold', sizes.body);
  const [first, ...others] = block.paragraphs;
  if (block.bullets.length === 0 && first !== undefined && runInWidth < width * 0.6) {
    const paragraphs = [
      flow.wrap(first, 'regular', sizes.body, width, width - runInWidth),
      ...others.map((text) => flow.wrap(text, 'regular', sizes.body, width)),
    ];
    // Keep the first two lines together: no heading alone at the foot of a page.
    flow.ensure(Math.min(2, paragraphs[0]?.length ?? 1) * sizes.line);
    paragraphs.forEach((lines, paragraphIndex) => {
      lines.forEach((line, lineIndex) => {
        flow.ensure(sizes.line);
        if (paragraphIndex === 0 && lineIndex === 0) {
          const y = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
          canvas.text(runIn, flow.left, y, 'bold', sizes.body, INK);
          flow.lines([line], flow.left + runInWidth, 'regular', sizes.body, INK, sizes.line);
        } else {
          flow.lines([line], flow.left, 'regular', sizes.body, INK, sizes.line);
        }
      });
    });
    return;
  }
  const headingLines = flow.wrap(block.heading, 'bold', sizes.h3, width);
  const items = blockItems(flow, block, headingLines, headingLines.length * sizes.h3Line, width);
  drawColumns(flow, [{ x: flow.left, items }]);
}

function drawSection(flow: Flow, section: HandoutSection): void {
  const { sizes } = flow;
  const headingLines = flow.wrap(section.heading, 'bold', sizes.h2, flow.width);
  const headingHeight = headingLines.length * sizes.h2Line;
  const { why, doNow, foods, suggest, goodToKnow } = section;
  flow.space(sizes.body * 0.7);
  // Keep the heading with the first two lines under it.
  flow.ensure(headingHeight + sizes.line * 2);
  flow.lines(headingLines, flow.left, 'bold', sizes.h2, HEADING, sizes.h2Line);
  drawBlock(flow, why);
  if (doNow) {
    flow.space(sizes.body * 0.3);
    drawBlock(flow, doNow);
  }
  // What to eat and what the clinician may suggest are short lists: side by side.
  if (foods && suggest) {
    flow.space(sizes.body * 0.3);
    drawBlockPair(flow, foods, suggest);
  } else {
    for (const block of [foods, suggest]) {
      if (!block) continue;
      flow.space(sizes.body * 0.3);
      drawBlock(flow, block);
    }
  }
  if (goodToKnow) {
    flow.space(sizes.body * 0.2);
    drawBlock(flow, goodToKnow);
  }
}

function drawHabits(flow: Flow, model: HandoutModel): void {
  const { sizes } = flow;
  const columnWidth = (flow.width - COLUMN_GAP) / 2;
  const half = Math.ceil(model.habits.items.length / 2);
  const columns = [model.habits.items.slice(0, half), model.habits.items.slice(half)].map(
    (items, index): Column => ({
      x: flow.left + index * (columnWidth + COLUMN_GAP),
      items: bulletItems(flow, items, columnWidth),
    }),
  );
  const headingLines = flow.wrap(model.habits.heading, 'bold', sizes.h2, flow.width);
  const headingHeight = headingLines.length * sizes.h2Line;
  const firstRow = Math.max(...columns.map((column) => column.items[0]?.height ?? 0));
  flow.space(sizes.body * 0.7);
  flow.ensure(headingHeight + firstRow);
  flow.lines(headingLines, flow.left, 'bold', sizes.h2, HEADING, sizes.h2Line);
  drawColumns(flow, columns);
}

/** Writing lines in the notes box: at least this many, more when the page has room. */
const MIN_NOTE_LINES = 3;
const MAX_NOTE_LINES = 6;

/** Draws the notes box; returns the height of the writing lines beyond the minimum (slack). */
function drawNotes(flow: Flow, model: HandoutModel, reserve: number): number {
  const { sizes, canvas } = flow;
  const headingHeight = sizes.h2Line;
  const pad = sizes.pad * 1.4;
  const boxFor = (count: number): number => pad + count * sizes.noteLineGap + pad;
  flow.space(sizes.body * 0.7);
  flow.ensure(headingHeight + boxFor(MIN_NOTE_LINES) + reserve);
  flow.lines([model.notesHeading], flow.left, 'bold', sizes.h2, HEADING, headingHeight);
  // As many writing lines as the page has room for (leaving `reserve` below), within limits.
  const room = flow.room - reserve - pad * 2;
  const count = Math.max(
    MIN_NOTE_LINES,
    Math.min(MAX_NOTE_LINES, Math.floor(room / sizes.noteLineGap)),
  );
  const height = boxFor(count);
  canvas.rect(flow.left, flow.y - height, flow.width, height, { stroke: INK, lineWidth: 1 });
  for (let i = 1; i <= count; i++) {
    const y = flow.y - pad - i * sizes.noteLineGap + sizes.body * 0.3;
    canvas.line(flow.left + pad, y, flow.right - pad, y, { stroke: RULE, lineWidth: 0.75 });
  }
  flow.y -= height;
  return (count - MIN_NOTE_LINES) * sizes.noteLineGap;
}

/** Rule sets, rules version and date: small print after the notes box, at the very end. */
function wrapRules(flow: Flow, model: HandoutModel): readonly string[] {
  return flow.wrap(model.footer.lines.join(' '), 'regular', FOOTER_SIZE, flow.width);
}

function rulesHeight(lines: readonly string[]): number {
  return FOOTER_SIZE * 0.5 + lines.length * FOOTER_SIZE * 1.3;
}

function drawRules(flow: Flow, lines: readonly string[]): void {
  flow.ensure(rulesHeight(lines));
  flow.y -= FOOTER_SIZE * 0.5;
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

/** Lays the handout out at one density; returns the page count and the room left at the end. */
function layoutAt(
  canvas: HandoutCanvas,
  model: HandoutModel,
  paper: PaperSize,
  density: Density,
  wrap: Wrap,
): { pages: number; spareHeight: number } {
  const page = PAPER_SIZES[paper];
  const sizes = sizesFor(model.largePrint, density);
  const flow = new Flow(canvas, page, sizes, FOOTER_HEIGHT + 6, wrap);
  drawHeader(flow, model);
  if (model.critical) {
    drawAlertBox(flow, {
      heading: model.critical.call,
      bold: [],
      groups: model.critical.emergencies,
      paragraphs: [],
    });
  }
  drawSummary(flow, model);
  drawRedFlagsAtFoot(flow, model);
  drawTable(flow, model);
  for (const section of model.sections) drawSection(flow, section);
  if (model.panelNotes) {
    flow.space(sizes.body * 0.7);
    drawBlock(flow, model.panelNotes);
  }
  if (model.habits.items.length > 0) drawHabits(flow, model);
  const rules = wrapRules(flow, model);
  const extraNoteLines = drawNotes(flow, model, rulesHeight(rules));
  drawRules(flow, rules);
  for (let index = 0; index < flow.pages; index++) {
    canvas.usePage(index);
    drawFooter(canvas, model, page, index + 1, flow.pages);
  }
  return { pages: flow.pages, spareHeight: flow.room + extraNoteLines };
}

/**
 * A canvas for trial layouts: it measures with the real canvas and records what is drawn, so the
 * layout that is kept is replayed onto the real canvas instead of being laid out again.
 */
class RecordingCanvas implements HandoutCanvas {
  private readonly drawings: Array<(canvas: HandoutCanvas) => void> = [];
  private pages = 0;

  constructor(readonly measure: HandoutCanvas['measure']) {}

  addPage(): number {
    this.drawings.push((canvas) => canvas.addPage());
    return this.pages++;
  }

  usePage(index: number): void {
    this.drawings.push((canvas) => canvas.usePage(index));
  }

  text(text: string, x: number, y: number, weight: FontWeight, size: number, color: Rgb): void {
    this.drawings.push((canvas) => canvas.text(text, x, y, weight, size, color));
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.rect(x, y, width, height, style));
  }

  line(x1: number, y1: number, x2: number, y2: number, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.line(x1, y1, x2, y2, style));
  }

  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.polygon(points, style));
  }

  /** Draws everything recorded onto `canvas`, in order. */
  replay(canvas: HandoutCanvas): void {
    for (const draw of this.drawings) draw(canvas);
  }
}

/** The page limit: two pages at 12 pt, three in large print (14 pt). */
const pageBudget = (model: HandoutModel): number => (model.largePrint ? 3 : 2);

/**
 * Lays the whole handout out on `canvas`, adding pages as needed, and draws a footer on each page.
 * The most open density is kept when it fits in the page budget (2 pages, 3 in large print); otherwise trial
 * layouts pick the most open density that needs no more pages than the tightest. The layout
 * kept is replayed onto `canvas`, not laid out again.
 * @param canvas - the drawing surface (render.ts backs it with pdf-lib)
 * @param model - the handout model
 * @param paper - `letter` or `a4`
 * @returns the number of pages, the height left free on the last one (points; writing lines
 *   beyond the minimum count as free) and the density used (0 is the most open)
 */
export function layoutHandout(
  canvas: HandoutCanvas,
  model: HandoutModel,
  paper: PaperSize,
): { pages: number; spareHeight: number; density: number } {
  const wrap = memoiseWrap(canvas);
  const measure: HandoutCanvas['measure'] = (text, weight, size) =>
    canvas.measure(text, weight, size);
  const attempt = (density: number) => {
    const recording = new RecordingCanvas(measure);
    const result = layoutAt(recording, model, paper, DENSITIES[density] ?? DENSITIES[0], wrap);
    return { recording, result: { ...result, density } };
  };
  let kept = attempt(0);
  if (kept.result.pages > pageBudget(model)) {
    const tightest = attempt(DENSITIES.length - 1);
    if (tightest.result.pages < kept.result.pages) {
      kept = tightest;
      for (let density = 1; density < DENSITIES.length - 1; density++) {
        const trial = attempt(density);
        if (trial.result.pages <= tightest.result.pages) {
          kept = trial;
          break;
        }
      }
    }
  }
  kept.recording.replay(canvas);
  return kept.result;
}
