import { PALETTE } from '../canvas';
import type { Flow, Sizes } from './flow';

const { ink: INK } = PALETTE;

export function paragraphBlock(flow: Flow, text: string, x: number, width: number): void {
  const lines = flow.wrap(text, 'regular', flow.sizes.body, width);
  flow.ensure(lines.length * flow.sizes.line);
  flow.lines(lines, x, 'regular', flow.sizes.body, INK, flow.sizes.line);
}

const bulletIndent = (sizes: Sizes): number => sizes.body * 1.1;

export function bulletLines(
  flow: Flow,
  items: readonly string[],
  width: number,
): Array<readonly string[]> {
  const indent = bulletIndent(flow.sizes);
  return items.map((item) => flow.wrap(item, 'regular', flow.sizes.body, width - indent));
}

/** Draws one bulleted item at the cursor (the caller has ensured room). */
export function drawBullet(flow: Flow, lines: readonly string[], x: number): void {
  const { sizes, canvas } = flow;
  const baseline = flow.y - sizes.line + (sizes.line - sizes.body) * 0.6;
  canvas.text('•', x + sizes.body * 0.2, baseline, 'bold', sizes.body, INK);
  flow.lines(lines, x + bulletIndent(sizes), 'regular', sizes.body, INK, sizes.line);
}

/** A piece of a column that is never split across pages: a heading, a line of prose, a bullet. */
export interface ColumnItem {
  readonly height: number;
  /** Kept on the same page as the item after it (a heading with its first item). */
  readonly keepWithNext: boolean;
  /** Draws the item at the cursor, moving the cursor down by `height`. */
  readonly draw: (flow: Flow, x: number) => void;
}

/** A column of items at a horizontal position. */
export interface Column {
  readonly x: number;
  readonly items: readonly ColumnItem[];
}

export const columnHeight = (items: readonly ColumnItem[]): number =>
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
export function drawColumns(flow: Flow, columns: readonly Column[]): void {
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

export function bulletItems(flow: Flow, items: readonly string[], width: number): ColumnItem[] {
  return bulletLines(flow, items, width).map((lines) => ({
    height: lines.length * flow.sizes.line,
    keepWithNext: false,
    draw: (target, x) => drawBullet(target, lines, x),
  }));
}

/**
 * The split of a width between two columns that makes the taller one shortest: an even split,
 * or up to three steps of 5% of the width towards the taller column when that makes it shorter.
 * @param evaluate - lays the columns out with `share` of the width on the left: their heights
 */
export function splitColumns<T>(
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
