// Loaded only when the clinician asks for a handout (or the browser is idle with results on
// screen): pdf-lib and the fonts stay out of the page's first load. The PDF is built in the
// browser; nothing is uploaded. The first handout needs only the DejaVu core (two small files);
// DejaVu blocks, Noto fonts for other scripts (and HarfBuzz) load only when a name needs them: a
// script's font, or one block of 256 code points per character. Every font URL is versioned by
// its bytes and cached as immutable, so a later page load fetches none of them again.
import { DEJAVU_CORE, fontFileUrl } from '@/lib/handout/font/files';
import { preloadFonts, prepareHandoutFonts } from '@/lib/handout/font/handout-fonts';
import type { HandoutFonts } from '@/lib/handout/font/handout-fonts';
import { renderHandout } from '@/lib/handout/render';
import type { HandoutLang, PaperSize } from '@/lib/handout/options';
import type { Interpretation } from '@/lib/types';

/** The handout options the clinician picks next to the button. */
export interface HandoutChoice {
  readonly lang: HandoutLang;
  readonly paper: PaperSize;
  /** Today's date, YYYY-MM-DD: printed on the sheet and used in the file name. */
  readonly generatedOn: string;
  /** The file name to save under: initials and date, never the patient's full name. */
  readonly fileName: string;
}

// Fonts are fetched and prepared once per page life.
let fontsPromise: Promise<HandoutFonts> | undefined;

/** Both weights of one font file set; undefined on 404 (the family has no glyph there). */
async function fetchPair(key: string) {
  const [regular, bold] = await Promise.all([
    fetch(fontFileUrl(key, 'regular')),
    fetch(fontFileUrl(key, 'bold')),
  ]);
  // 404: the family has no glyph in that block; its characters are replaced and reported.
  if (regular.status === 404 || bold.status === 404) return undefined;
  if (!regular.ok || !bold.ok) {
    throw new Error(
      `Could not load the handout font (${regular.ok ? bold.status : regular.status})`,
    );
  }
  return {
    regular: new Uint8Array(await regular.arrayBuffer()),
    bold: new Uint8Array(await bold.arrayBuffer()),
  };
}

/**
 * Fetches and prepares the handout fonts once per page life (a failure is retried next time).
 * @returns the prepared fonts
 */
export function loadFonts(): Promise<HandoutFonts> {
  fontsPromise ??= fetchPair(DEJAVU_CORE)
    .then((core) => {
      if (!core) throw new Error('Could not load the handout font (404)');
      return prepareHandoutFonts(core, fetchPair);
    })
    .catch((error: unknown) => {
      fontsPromise = undefined;
      throw error;
    });
  return fontsPromise;
}

/** The names the handout prints: the only strings that may need fonts beyond the core. */
function namesOf(interpretation: Interpretation): string[] {
  const { patient, clinician } = interpretation;
  return [patient.name, clinician.name, clinician.clinic, clinician.phone].filter(
    (value): value is string => value !== undefined,
  );
}

/** The PDF settings that decide the bytes: everything in {@link HandoutChoice} but the file name. */
type RenderChoice = Omit<HandoutChoice, 'fileName'>;

// PDFs made ahead of the click, per interpretation on screen (dropped with it) and choice. The
// same inputs always give the same bytes, so a ready one is exactly what the click would make.
// In memory only, for this page's life: nothing is stored or sent.
const ready = new WeakMap<Interpretation, Map<string, Promise<Uint8Array>>>();

function render(interpretation: Interpretation, choice: RenderChoice): Promise<Uint8Array> {
  const key = `${choice.lang} ${choice.paper} ${choice.generatedOn}`;
  let byChoice = ready.get(interpretation);
  if (!byChoice) {
    byChoice = new Map();
    ready.set(interpretation, byChoice);
  }
  let bytes = byChoice.get(key);
  if (!bytes) {
    const made = loadFonts().then(async (fonts) => {
      const { lang, paper, generatedOn } = choice;
      return (await renderHandout(interpretation, fonts, { lang, paper, generatedOn })).bytes;
    });
    // A failure is not kept: the click tries again and reports it.
    made.catch(() => byChoice.delete(key));
    byChoice.set(key, made);
    bytes = made;
  }
  return bytes;
}

/**
 * Readies the handout of the results on screen: the core fonts, the fonts its names need (and
 * HarfBuzz if a name needs shaping), then the PDF itself for the language and paper chosen.
 * Called when the browser is idle after the results appear, so the first click finds the file
 * made. Never rejects: the click reports errors.
 * @param interpretation - the interpretation on screen
 * @param choice - language, paper and today's date
 * @returns when done
 */
export async function prefetchHandout(
  interpretation: Interpretation,
  choice: RenderChoice,
): Promise<void> {
  try {
    await preloadFonts(namesOf(interpretation), await loadFonts());
    await render(interpretation, choice);
  } catch {
    // A failed prefetch is retried by the click, which reports the error.
  }
}

/**
 * Renders the patient handout (or takes the one made ahead for the same choice) and saves it
 * through a blob: URL under the chosen file name.
 * @param interpretation - the interpretation on screen
 * @param choice - language, paper size and date
 * @returns the file name used
 */
export async function downloadHandout(
  interpretation: Interpretation,
  choice: HandoutChoice,
): Promise<string> {
  const bytes = await render(interpretation, choice);
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
