import { bandScaleOneLineWidth, drawBandScale, layoutBandScale } from '../band-scale';
import type { BandScaleLayout } from '../band-scale';
import { PALETTE } from '../canvas';
import type { FontWeight } from '../canvas';
import type { HandoutModel, HandoutRow } from '../model';
import { paragraphBlock } from './columns';
import type { Flow } from './flow';

const { ink: INK, heading: HEADING, rule: RULE } = PALETTE;

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

export function drawTable(flow: Flow, model: HandoutModel): void {
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
