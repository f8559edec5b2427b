// Builds the handout PDF in the browser for "Save handout to chart" (the same renderer as the
// download), and encodes it for a FHIR Attachment. Loaded only when the clinician saves.
import { loadFonts } from '@/components/handout/download-handout';
import { renderHandout } from '@/lib/handout/render';
import type { HandoutLang, PaperSize } from '@/lib/handout/options';
import type { Interpretation } from '@/lib/types';

/**
 * The handout as base64 PDF.
 * @param interpretation - the interpretation on screen
 * @param choice - language, paper and date
 * @returns the PDF, base64
 */
export async function renderHandoutBase64(
  interpretation: Interpretation,
  choice: { lang: HandoutLang; paper: PaperSize; generatedOn: string },
): Promise<string> {
  // The same fonts as the download (any script), so the chart gets the same PDF bytes.
  const { bytes } = await renderHandout(interpretation, await loadFonts(), choice);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
