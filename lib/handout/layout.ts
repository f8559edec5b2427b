import type { HandoutCanvas } from './canvas';
import type { HandoutModel } from './model';
import { drawAlertBox, drawHeader, drawRedFlagsAtFoot, drawSummary } from './layout/boxes';
import { DENSITIES, Flow, memoiseWrap, PAPER_SIZES, sizesFor } from './layout/flow';
import type { Density, PaperSize, Wrap } from './layout/flow';
import {
  drawFooter,
  drawNotes,
  drawRules,
  FOOTER_HEIGHT,
  rulesHeight,
  wrapRules,
} from './layout/footer';
import { RecordingCanvas } from './layout/recording-canvas';
import { drawBlock, drawHabits, drawSection } from './layout/sections';
import { drawTable } from './layout/table';

export { PAPER_SIZES } from './layout/flow';
export type { PaperSize } from './layout/flow';

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
