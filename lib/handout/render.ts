import { PDFDocument } from 'pdf-lib';
import type { Interpretation } from '../types';
import { prepareEngine } from './fonts';
import type { HandoutFonts } from './fonts';
import { layoutHandout, PAPER_SIZES } from './layout';
import type { PaperSize } from './layout';
import { buildHandoutModel } from './model';
import type { HandoutLang } from './model';
import { PdfCanvas } from './pdf/canvas';
import { sanitizeModel } from './sanitize-model';

export { prepareHandoutFonts } from './fonts';
export type { FallbackFontSource, HandoutFontBytes, HandoutFonts } from './fonts';
export type { HandoutWarning } from './sanitize-model';

/** Options of {@link renderHandout}. */
export interface RenderHandoutOptions {
  readonly lang: HandoutLang;
  readonly paper: PaperSize;
  /** The date printed on the handout, YYYY-MM-DD (the caller's clock). */
  readonly generatedOn: string;
}

const PRODUCER = 'Lab result interpreter: patient handout (pdf-lib)';

/**
 * Renders the patient handout PDF. Works in Node and in the browser (no fs, no fetch, no clock:
 * the date comes from `options.generatedOn`). Never fails because of a name: characters the font
 * lacks are replaced by U+FFFD and reported in `warnings`; control characters are dropped.
 * @param interpretation - the output of `interpret()`
 * @param fonts - from {@link prepareHandoutFonts}, shared across calls
 * @param options - language, paper size and the date generated
 * @returns the PDF bytes and any warnings
 */
export async function renderHandout(
  interpretation: Interpretation,
  fonts: HandoutFonts,
  options: RenderHandoutOptions,
): Promise<{ bytes: Uint8Array; warnings: Array<{ code: string; message: string }> }> {
  const built = buildHandoutModel(interpretation, {
    lang: options.lang,
    generatedOn: options.generatedOn,
  });
  const engine = await prepareEngine(built, fonts);
  const { model, warnings } = sanitizeModel(built, engine);

  // updateMetadata: false keeps pdf-lib from stamping the wall-clock time: same input, same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { width, height } = PAPER_SIZES[options.paper];
  const canvas = new PdfCanvas(doc, engine, fonts, [width, height]);
  layoutHandout(canvas, model, options.paper);
  canvas.flush();
  for (const font of canvas.documentFonts.values()) if (font.used) font.embed(doc.context);

  doc.setTitle(model.title, { showInWindowTitleBar: true });
  doc.setSubject(model.subject);
  doc.setLanguage(model.pdfLanguage);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  const generated = new Date(`${options.generatedOn}T00:00:00Z`);
  if (!Number.isNaN(generated.getTime())) {
    doc.setCreationDate(generated);
    doc.setModificationDate(generated);
  }
  // objectsPerTick: Infinity: a two-page file has no need to yield to the event loop mid-save
  // (each yield is a setTimeout, a millisecond or more in Node).
  const bytes = await doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    objectsPerTick: Infinity,
  });
  return { bytes, warnings };
}
