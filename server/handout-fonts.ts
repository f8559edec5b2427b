import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FontWeight } from '../lib/handout/canvas';
import { buildBlockFont, buildDejaVuPiece } from '../lib/handout/font/chunks';
import { DEJAVU_CORE } from '../lib/handout/font/files';
import { prepareHandoutFonts } from '../lib/handout/font/handout-fonts';
import type { HandoutFontBytes, HandoutFonts } from '../lib/handout/font/handout-fonts';
import { FALLBACK_KEY } from '../lib/handout/font/scripts';
import type { FallbackKey, ScriptFamily } from '../lib/handout/font/scripts';
import { readTrueTypeTables } from '../lib/handout/truetype-subset';
import type { TrueTypeTables } from '../lib/handout/truetype-subset';

/**
 * DejaVu Sans, in public/fonts (licence alongside). The handout never uses the whole face: it
 * is cut into the core and blocks (lib/handout/font/dejavu-core.ts, chunks.ts).
 */
const DEJAVU_NAMES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

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
/** Whole faces that pieces are cut from, by "family.weight". */
const wholeFaces = new Map<string, TrueTypeTables>();
/** Pieces cut so far (undefined: no glyph there), by "key.weight". */
const pieces = new Map<string, Uint8Array | undefined>();

function notoFile(family: ScriptFamily, weight: FontWeight): string {
  return FALLBACK_FILES[family].replaceAll('{w}', WEIGHTS[weight]);
}

/**
 * Reads a source font. Each path starts with a fixed folder: the build's file tracer then copies
 * those two folders into the standalone output, not the whole project (which a path made of a
 * variable alone would make it do).
 */
function readSourceFont(family: ScriptFamily | 'dejavu', weight: FontWeight): Uint8Array {
  const buffer =
    family === 'dejavu'
      ? readFileSync(join(process.cwd(), 'public', 'fonts', DEJAVU_NAMES[weight]))
      : readFileSync(
          join(process.cwd(), 'node_modules', '@expo-google-fonts', notoFile(family, weight)),
        );
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The source file of a family, relative to the project root.
 * @param family - "dejavu" or a Noto family
 * @param weight - regular or bold
 * @returns the path
 */
export function sourceFontFile(family: ScriptFamily | 'dejavu', weight: FontWeight): string {
  if (family === 'dejavu') return join('public', 'fonts', DEJAVU_NAMES[weight]);
  return join('node_modules', '@expo-google-fonts', notoFile(family, weight));
}

function wholeFace(family: ScriptFamily | 'dejavu', weight: FontWeight): TrueTypeTables {
  const id = `${family}.${weight}`;
  let whole = wholeFaces.get(id);
  if (!whole) {
    whole = readTrueTypeTables(readSourceFont(family, weight));
    wholeFaces.set(id, whole);
  }
  return whole;
}

/**
 * One font file as the handout embeds it and as /fonts/handout/ serves it to the browser: the
 * DejaVu core, a DejaVu or CJK block, or a Noto family. Pieces are cut once per process.
 * @param key - {@link DEJAVU_CORE}, "dejavu-3", "arabic", "sc-4e", ... (see FALLBACK_KEY)
 * @param weight - regular or bold
 * @returns the TrueType file, or undefined when the key is unknown or the block is empty
 */
export function handoutFontFile(key: FallbackKey, weight: FontWeight): Uint8Array | undefined {
  if (key !== DEJAVU_CORE && !FALLBACK_KEY.test(key)) return undefined;
  const [family, block] = key.split('-') as [ScriptFamily | 'dejavu', string | undefined];
  if (block === undefined) return readSourceFont(family, weight);
  const id = `${key}.${weight}`;
  if (!pieces.has(id)) {
    const whole = wholeFace(family, weight);
    pieces.set(
      id,
      family === 'dejavu' ? buildDejaVuPiece(whole, block) : buildBlockFont(whole, block),
    );
  }
  return pieces.get(id);
}

/**
 * The files of a DejaVu block, a Noto family or a CJK block.
 * @param key - the family or block
 * @returns regular and bold, or undefined when the family has no glyph there
 */
export function readFallbackFont(key: FallbackKey): Promise<HandoutFontBytes | undefined> {
  const regular = handoutFontFile(key, 'regular');
  const bold = handoutFontFile(key, 'bold');
  return Promise.resolve(regular && bold ? { regular, bold } : undefined);
}

/**
 * The handout fonts: the DejaVu core (cut from `public/fonts`) parsed once per process
 * (memoised), with the DejaVu blocks and Noto fallbacks read on first need: the same files the
 * browser fetches, so both make the same PDF. Node only. Paths are resolved from the working
 * directory, which is the project root for `next start`, the CLI (`npm run labs`) and the tests.
 * @returns the parsed fonts to pass to `renderHandout`
 * @throws Error when the font files cannot be read
 */
export function loadHandoutFonts(): HandoutFonts {
  fonts ??= prepareHandoutFonts(
    {
      regular: handoutFontFile(DEJAVU_CORE, 'regular')!,
      bold: handoutFontFile(DEJAVU_CORE, 'bold')!,
    },
    readFallbackFont,
  );
  return fonts;
}
