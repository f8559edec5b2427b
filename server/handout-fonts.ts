import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareHandoutFonts } from '../lib/handout/render';
import type { HandoutFontBytes, HandoutFonts } from '../lib/handout/render';
import type { FallbackKey } from '../lib/handout/font/scripts';

/** The font files the handout embeds, relative to the project root (licence alongside). */
const FONT_FILES = {
  regular: join('public', 'fonts', 'DejaVuSans.ttf'),
  bold: join('public', 'fonts', 'DejaVuSans-Bold.ttf'),
} as const;

/**
 * The Noto Sans families (SIL Open Font License 1.1) for scripts DejaVu Sans lacks, as the npm
 * packages `@expo-google-fonts/noto-sans-*` install them (static TrueType files from Google
 * Fonts; the licence is each package's LICENSE_FONT). Read only when a handout needs one.
 */
const FALLBACK_FILES: Readonly<Record<FallbackKey, string>> = {
  arabic: 'noto-sans-arabic/{w}/NotoSansArabic_{w}.ttf',
  hebrew: 'noto-sans-hebrew/{w}/NotoSansHebrew_{w}.ttf',
  devanagari: 'noto-sans-devanagari/{w}/NotoSansDevanagari_{w}.ttf',
  thai: 'noto-sans-thai/{w}/NotoSansThai_{w}.ttf',
  sc: 'noto-sans-sc/{w}/NotoSansSC_{w}.ttf',
  kr: 'noto-sans-kr/{w}/NotoSansKR_{w}.ttf',
};

let fonts: HandoutFonts | undefined;

function read(file: string): Uint8Array {
  const buffer = readFileSync(join(process.cwd(), file));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The files of a fallback family, read from node_modules.
 * @param key - the family
 * @returns regular and bold
 */
export function readFallbackFont(key: FallbackKey): Promise<HandoutFontBytes> {
  const path = (weight: string): string =>
    join('node_modules', '@expo-google-fonts', FALLBACK_FILES[key].replaceAll('{w}', weight));
  return Promise.resolve({ regular: read(path('400Regular')), bold: read(path('700Bold')) });
}

/**
 * The handout fonts, read from `public/fonts` and parsed once per process (memoised), with the
 * Noto fallbacks read on first need. Node only. Paths are resolved from the working directory,
 * which is the project root for `next start`, the CLI (`npm run labs`) and the tests.
 * @returns the parsed fonts to pass to `renderHandout`
 * @throws Error when the font files cannot be read
 */
export function loadHandoutFonts(): HandoutFonts {
  fonts ??= prepareHandoutFonts(
    { regular: read(FONT_FILES.regular), bold: read(FONT_FILES.bold) },
    readFallbackFont,
  );
  return fonts;
}
