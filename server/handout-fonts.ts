import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareHandoutFonts } from '../lib/handout/render';
import type { HandoutFonts } from '../lib/handout/render';

/** The font files the handout embeds, relative to the project root (licence alongside). */
const FONT_FILES = {
  regular: join('public', 'fonts', 'DejaVuSans.ttf'),
  bold: join('public', 'fonts', 'DejaVuSans-Bold.ttf'),
} as const;

let fonts: HandoutFonts | undefined;

/**
 * The handout fonts, read from `public/fonts` and parsed once per process (memoised). Node only.
 * Paths are resolved from the working directory, which is the project root for `next start`,
 * the CLI (`npm run labs`) and the tests.
 * @returns the parsed fonts to pass to `renderHandout`
 * @throws Error when the font files cannot be read
 */
export function loadHandoutFonts(): HandoutFonts {
  if (!fonts) {
    const read = (file: string): Uint8Array => {
      const buffer = readFileSync(join(process.cwd(), file));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    };
    fonts = prepareHandoutFonts({ regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) });
  }
  return fonts;
}
