import { PALETTE } from '../canvas';
import type { HandoutCanvas } from '../canvas';
import type { HandoutModel } from '../model';
import { FOOTER_SIZE, MARGIN_BOTTOM, MARGIN_X } from './flow';
import type { Flow, Page } from './flow';

const { ink: INK, heading: HEADING, muted: MUTED, rule: RULE } = PALETTE;

/** Writing lines in the notes box: at least this many, more when the page has room. */
const MIN_NOTE_LINES = 3;
const MAX_NOTE_LINES = 6;

/** Draws the notes box; returns the height of the writing lines beyond the minimum (slack). */
export function drawNotes(flow: Flow, model: HandoutModel, reserve: number): number {
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
export function wrapRules(flow: Flow, model: HandoutModel): readonly string[] {
  return flow.wrap(model.footer.lines.join(' '), 'regular', FOOTER_SIZE, flow.width);
}

export function rulesHeight(lines: readonly string[]): number {
  return FOOTER_SIZE * 0.5 + lines.length * FOOTER_SIZE * 1.3;
}

export function drawRules(flow: Flow, lines: readonly string[]): void {
  flow.ensure(rulesHeight(lines));
  flow.y -= FOOTER_SIZE * 0.5;
  flow.lines(lines, flow.left, 'regular', FOOTER_SIZE, MUTED, FOOTER_SIZE * 1.3);
}

const DISCLAIMER_SIZE = 11;
/** Height of the page footer: a rule, then the disclaimer and the page number. */
export const FOOTER_HEIGHT = MARGIN_BOTTOM + DISCLAIMER_SIZE * 1.6;

export function drawFooter(
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
