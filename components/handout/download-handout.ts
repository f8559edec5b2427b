// Loaded only when the clinician asks for a handout: pdf-lib, fontkit and the fonts stay out of
// the page's first load. The PDF is built in the browser; nothing is uploaded.
import { prepareHandoutFonts, renderHandout } from '@/lib/handout/render';
import type { Interpretation } from '@/lib/types';

type HandoutFonts = ReturnType<typeof prepareHandoutFonts>;

/** The handout options the clinician picks next to the button. */
export interface HandoutChoice {
  readonly lang: 'en' | 'es';
  readonly paper: 'letter' | 'a4';
  /** Today's date, YYYY-MM-DD: printed on the sheet and used in the file name. */
  readonly generatedOn: string;
  /** The file name to save under: initials and date, never the patient's full name. */
  readonly fileName: string;
}

const FONT_URLS = { regular: '/fonts/DejaVuSans.ttf', bold: '/fonts/DejaVuSans-Bold.ttf' } as const;

// Fonts are fetched and prepared once per page life.
let fontsPromise: Promise<HandoutFonts> | undefined;

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the handout font (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadFonts(): Promise<HandoutFonts> {
  fontsPromise ??= Promise.all([fetchFont(FONT_URLS.regular), fetchFont(FONT_URLS.bold)])
    .then(([regular, bold]) => prepareHandoutFonts({ regular, bold }))
    .catch((error: unknown) => {
      fontsPromise = undefined;
      throw error;
    });
  return fontsPromise;
}

/**
 * Renders the patient handout and saves it through a blob: URL under the chosen file name.
 * @param interpretation - the interpretation on screen
 * @param choice - language, paper size and date
 * @returns the file name used
 */
export async function downloadHandout(
  interpretation: Interpretation,
  choice: HandoutChoice,
): Promise<string> {
  const fonts = await loadFonts();
  const { bytes } = await renderHandout(interpretation, fonts, choice);
  const blob = new Blob([bytes.slice().buffer], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const { fileName } = choice;
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return fileName;
}
