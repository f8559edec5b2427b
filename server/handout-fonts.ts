import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareHandoutFonts } from '../lib/handout/render';
import type { HandoutFontBytes, HandoutFonts } from '../lib/handout/render';
import type { FontWeight } from '../lib/handout/canvas';
import { buildBlockFont } from '../lib/handout/font/chunks';
import { FALLBACK_KEY } from '../lib/handout/font/scripts';
import type { FallbackKey, ScriptFamily } from '../lib/handout/font/scripts';
import { readTrueTypeTables } from '../lib/handout/truetype-subset';
import type { TrueTypeTables } from '../lib/handout/truetype-subset';

/** The font files the handout embeds, relative to the project root (licence alongside). */
const FONT_FILES = {
  regular: join('public', 'fonts', 'DejaVuSans.ttf'),
  bold: join('public', 'fonts', 'DejaVuSans-Bold.ttf'),
} as const;

/**
 * The Noto Sans families (SIL Open Font License 1.1) for scripts DejaVu Sans lacks, as the npm
 * packages `@expo-google-fonts/noto-sans-*` install them (static TrueType files from Google
 * Fonts; the licence is each package's LICENSE_FONT). Read only when a handout needs one; the
 * CJK families are served by block (lib/handout/font/chunks.ts).
 */
const FALLBACK_FILES: Readonly<Record<ScriptFamily, string>> = {
  arabic: 'noto-sans-arabic/{w}/NotoSansArabic_{w}.ttf',
  hebrew: 'noto-sans-hebrew/{w}/NotoSansHebrew_{w}.ttf',
  devanagari: 'noto-sans-devanagari/{w}/NotoSansDevanagari_{w}.ttf',
  thai: 'noto-sans-thai/{w}/NotoSansThai_{w}.ttf',
  sc: 'noto-sans-sc/{w}/NotoSansSC_{w}.ttf',
  kr: 'noto-sans-kr/{w}/NotoSansKR_{w}.ttf',
};

const WEIGHTS = { regular: '400Regular', bold: '700Bold' } as const;

let fonts: HandoutFonts | undefined;
const wholeCjk = new Map<string, TrueTypeTables>();
const blocks = new Map<string, Uint8Array | undefined>();

function read(file: string): Uint8Array {
  const buffer = readFileSync(join(process.cwd(), file));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function familyFile(family: ScriptFamily, weight: FontWeight): string {
  return join(
    'node_modules',
    '@expo-google-fonts',
    FALLBACK_FILES[family].replaceAll('{w}', WEIGHTS[weight]),
  );
}

/**
 * One font file of a fallback family or CJK block, as the handout embeds it and as
 * /fonts/handout/ serves it to the browser.
 * @param key - "arabic", "sc-4e", ... (see FALLBACK_KEY)
 * @param weight - regular or bold
 * @returns the TrueType file, or undefined when the key is unknown or the block is empty
 */
export function fallbackFontFile(key: FallbackKey, weight: FontWeight): Uint8Array | undefined {
  if (!FALLBACK_KEY.test(key)) return undefined;
  const [family, block] = key.split('-') as [ScriptFamily, string | undefined];
  if (block === undefined) return read(familyFile(family, weight));
  const id = `${key}.${weight}`;
  if (!blocks.has(id)) {
    let whole = wholeCjk.get(`${family}.${weight}`);
    if (!whole) {
      whole = readTrueTypeTables(read(familyFile(family, weight)));
      wholeCjk.set(`${family}.${weight}`, whole);
    }
    blocks.set(id, buildBlockFont(whole, block));
  }
  return blocks.get(id);
}

/**
 * The files of a fallback family or CJK block.
 * @param key - the family or block
 * @returns regular and bold, or undefined when the family has no glyph there
 */
export function readFallbackFont(key: FallbackKey): Promise<HandoutFontBytes | undefined> {
  const regular = fallbackFontFile(key, 'regular');
  const bold = fallbackFontFile(key, 'bold');
  return Promise.resolve(regular && bold ? { regular, bold } : undefined);
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
