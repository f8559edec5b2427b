import { PALETTE } from '../canvas';
import type { HandoutBlock, HandoutModel, HandoutSection } from '../model';
import { bulletItems, columnHeight, drawColumns, splitColumns } from './columns';
import type { Column, ColumnItem } from './columns';
import { COLUMN_GAP } from './flow';
import type { Flow } from './flow';

const { ink: INK, heading: HEADING } = PALETTE;

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
export function drawBlock(flow: Flow, block: HandoutBlock): void {
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

export function drawSection(flow: Flow, section: HandoutSection): void {
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

export function drawHabits(flow: Flow, model: HandoutModel): void {
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
