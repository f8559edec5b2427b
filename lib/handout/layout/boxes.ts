import { PALETTE } from '../canvas';
import type { Rgb, StructId } from '../canvas';
import type { HandoutGroup, HandoutModel } from '../model';
import { bulletLines, drawBullet, paragraphBlock, splitColumns } from './columns';
import { COLUMN_GAP } from './flow';
import type { Flow } from './flow';

const { ink: INK, heading: HEADING, muted: MUTED, rule: RULE } = PALETTE;
/** Dark red outline and pale red fill of the urgent boxes (contrast of the text stays > 12:1). */
const ALERT_STROKE: Rgb = { r: 0.62, g: 0.1, b: 0.1 };
const ALERT_FILL: Rgb = { r: 0.99, g: 0.93, b: 0.93 };

export function drawHeader(flow: Flow, model: HandoutModel): void {
  const { canvas, sizes } = flow;
  const titleLines = flow.wrap(model.title, 'bold', sizes.title, flow.width);
  flow.tag(flow.element('H1'));
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
      // Label and value are one paragraph ("For: Ana"); the space after the label (drawn as
      // nothing) keeps the two words apart in the text a screen reader gets.
      flow.tag(flow.element('P'));
      canvas.text(`${label} `, x, labelY, 'bold', sizes.body, MUTED);
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

export function drawSummary(flow: Flow, model: HandoutModel): void {
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
  // What the results' warnings mean: full width under the results, in the same list.
  const notices = bulletLines(flow, model.summary.notices, inner);
  const actions = bulletLines(flow, model.actions.items, inner);
  const lineCount =
    rowLines.reduce((sum, count) => sum + count, 0) +
    [...notices, ...actions].reduce((sum, lines) => sum + lines.length, 0);
  const headingHeight = sizes.h3Line;
  const gap = sizes.body * 0.3;
  const height = pad * 2 + headingHeight * 2 + gap + lineCount * sizes.line;
  flow.space(sizes.body * 0.5);
  flow.ensure(height);
  canvas.rect(flow.left, flow.y - height, flow.width, height, { fill: PALETTE.summaryFill });
  flow.y -= pad;
  flow.tag(flow.element('H2'));
  flow.lines([model.summary.heading], flow.left + pad, 'bold', sizes.h3, HEADING, headingHeight);
  // Read row by row, left to right: the order the results are drawn in.
  const results = flow.element('L');
  rows.forEach((row, rowIndex) => {
    const top = flow.y;
    row.forEach((lines, index) => {
      flow.y = top;
      drawBullet(flow, lines, flow.left + pad + index * (columnWidth + COLUMN_GAP), results);
    });
    flow.y = top - (rowLines[rowIndex] ?? 0) * sizes.line;
  });
  for (const lines of notices) drawBullet(flow, lines, flow.left + pad, results);
  flow.y -= gap;
  flow.tag(flow.element('H2'));
  flow.lines([model.actions.heading], flow.left + pad, 'bold', sizes.h3, HEADING, headingHeight);
  const actionList = flow.element('L');
  for (const lines of actions) drawBullet(flow, lines, flow.left + pad, actionList);
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

/** Draws groups in a column: each lead a paragraph of `parent`, its bullets a list. */
function drawGroups(
  flow: Flow,
  groups: readonly GroupLines[],
  x: number,
  parent: StructId | null,
): void {
  const { sizes } = flow;
  groups.forEach((group, index) => {
    if (index > 0) flow.y -= sizes.body * 0.3;
    flow.tag(flow.element('P', parent));
    flow.lines(group.lead, x, 'bold', sizes.body, INK, sizes.line);
    if (group.items.length === 0) return;
    const list = flow.element('L', parent);
    for (const item of group.items) drawBullet(flow, item, x, list);
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
): { readonly height: number; readonly draw: (top: number) => StructId } {
  const { sizes, canvas } = flow;
  const pad = sizes.body * 0.5;
  const inner = flow.width - pad * 2;
  const heading = flow.wrap(box.heading, 'bold', sizes.h2, inner);
  const bold = box.bold.map((text) => flow.wrap(text, 'bold', sizes.body, inner));
  const paragraphs = box.paragraphs.map((text) => flow.wrap(text, 'regular', sizes.body, inner));
  const lineCount = (texts: ReadonlyArray<readonly string[]>): number =>
    texts.reduce((sum, lines) => sum + lines.length, 0);
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
    lineCount(bold) * sizes.line +
    gap(box.groups.length) +
    groupHeight +
    gap(paragraphs.length) +
    lineCount(paragraphs) * sizes.line;
  // The box is one section of the reading order; its frame is decoration.
  const draw = (top: number): StructId => {
    const section = flow.element('Sect');
    flow.y = top;
    canvas.rect(flow.left, top - height, flow.width, height, {
      fill: ALERT_FILL,
      stroke: ALERT_STROKE,
      lineWidth: 2,
    });
    flow.y -= pad;
    const x = flow.left + pad;
    flow.tag(flow.element('H2', section));
    flow.lines(heading, x, 'bold', sizes.h2, ALERT_STROKE, sizes.h2Line);
    for (const lines of bold) {
      flow.tag(flow.element('P', section));
      flow.lines(lines, x, 'bold', sizes.body, INK, sizes.line);
    }
    flow.y -= gap(box.groups.length);
    if (useSplit && split !== null) {
      const groupsTop = flow.y;
      split.forEach((column, index) => {
        flow.y = groupsTop;
        drawGroups(flow, column, x + index * (half + COLUMN_GAP), section);
      });
      flow.y = groupsTop - groupHeight;
    } else {
      drawGroups(flow, single, x, section);
    }
    flow.y -= gap(paragraphs.length);
    for (const lines of paragraphs) {
      flow.tag(flow.element('P', section));
      flow.lines(lines, x, 'regular', sizes.body, INK, sizes.line);
    }
    flow.y = top - height;
    return section;
  };
  return { height, draw };
}

/** An alert box at the cursor, moved to the next page whole if it does not fit. */
export function drawAlertBox(flow: Flow, box: Parameters<typeof layoutAlertBox>[1]): void {
  const { height, draw } = layoutAlertBox(flow, box);
  flow.space(flow.sizes.body * 0.6);
  flow.ensure(height);
  draw(flow.y);
}

/**
 * The red-flag box, at the foot of page 1 whatever comes before it: the space above it is kept
 * for the flow (the results table starts on page 1 and runs on), and it never moves to page 2.
 */
export function drawRedFlagsAtFoot(flow: Flow, model: HandoutModel): void {
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
  flow.footBox = draw(flow.bottom + height);
  flow.y = y;
  flow.reserved = height + gap;
}
