// Builds the handout PDF in the browser for "Save handout to chart" (the same renderer as the
// download), and encodes it for a FHIR Attachment. Loaded only when the clinician saves.
import { prepareHandoutFonts, renderHandout } from '@/lib/handout/render';
import type { Interpretation } from '@/lib/types';

type HandoutFonts = ReturnType<typeof prepareHandoutFonts>;
let fontsPromise: Promise<HandoutFonts> | undefined;

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the handout font (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The handout as base64 PDF.
 * @param interpretation - the interpretation on screen
 * @param choice - language, paper and date
 * @returns the PDF, base64
 */
export async function renderHandoutBase64(
  interpretation: Interpretation,
  choice: { lang: 'en' | 'es'; paper: 'letter' | 'a4'; generatedOn: string },
): Promise<string> {
  fontsPromise ??= Promise.all([
    fetchFont('/fonts/DejaVuSans.ttf'),
    fetchFont('/fonts/DejaVuSans-Bold.ttf'),
  ])
    .then(([regular, bold]) => prepareHandoutFonts({ regular, bold }))
    .catch((error: unknown) => {
      fontsPromise = undefined;
      throw error;
    });
  const { bytes } = await renderHandout(interpretation, await fontsPromise, choice);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
