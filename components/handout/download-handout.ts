// Loaded only when the clinician asks for a handout (or the browser is idle with results on
// screen): pdf-lib and the fonts stay out of the page's first load. The PDF is built in the
// browser; nothing is uploaded. Fonts for scripts DejaVu lacks (and HarfBuzz) load only when a
// name needs them: a script's font, or for CJK one block of 256 code points per character.
import { fallbackFontUrl } from '@/lib/handout/font/files';
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

async function fetchFallback(key: string) {
  const [regular, bold] = await Promise.all([
    fetch(fallbackFontUrl(key, 'regular')),
    fetch(fallbackFontUrl(key, 'bold')),
  ]);
  // 404: the family has no glyph in that block; its characters are replaced and reported.
  if (regular.status === 404 || bold.status === 404) return undefined;
  if (!regular.ok || !bold.ok) throw new Error('Could not load a handout font');
  return {
    regular: new Uint8Array(await regular.arrayBuffer()),
    bold: new Uint8Array(await bold.arrayBuffer()),
  };
}

/**
 * Fetches and prepares the handout fonts once per page life (a failure is retried next time).
 * Called on idle once results are on screen, so the first click finds them ready.
 * @returns the prepared fonts
 */
export function loadFonts(): Promise<HandoutFonts> {
  fontsPromise ??= Promise.all([fetchFont(FONT_URLS.regular), fetchFont(FONT_URLS.bold)])
    .then(([regular, bold]) => prepareHandoutFonts({ regular, bold }, fetchFallback))
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
