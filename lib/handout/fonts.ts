import { prepareFont } from './font/prepared-font';
import type { PreparedFont } from './font/prepared-font';
import { alternativeKey, fallbackKey, RIGHT_TO_LEFT } from './font/scripts';
import type { FallbackKey } from './font/scripts';
import { loadHarfBuzz } from './font/shaper';
import { TextEngine } from './font/text-engine';
import type { FontFamily } from './font/text-engine';
import type { HandoutModel } from './model';

/** The font files of one family: regular and bold. */
export interface HandoutFontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/**
 * Reads the files of a fallback family or CJK block (from disk on the server, over HTTP in the
 * browser); undefined when the family has no glyph in that block.
 */
export type FallbackFontSource = (key: FallbackKey) => Promise<HandoutFontBytes | undefined>;

/**
 * Parsed handout fonts, from {@link prepareHandoutFonts}: DejaVu Sans, and the Noto families,
 * read and parsed the first time a handout needs them. Reuse one value for every handout; it
 * holds no per-document state.
 */
export interface HandoutFonts {
  readonly regular: PreparedFont;
  readonly bold: PreparedFont;
  /** A fallback family, prepared once; undefined when this process has no fallback fonts. */
  readonly fallback?: (key: FallbackKey) => Promise<FontFamily | undefined>;
}

/**
 * Parses the handout fonts. Call once per process (or page) and pass the result to every
 * {@link renderHandout} call.
 * @param bytes - DejaVu Sans regular and bold
 * @param fallback - reads the Noto family of a script when a handout first needs it
 * @returns the parsed fonts
 * @throws Error when a file is not a TrueType font (the project ships the font: a programmer error)
 */
export function prepareHandoutFonts(
  bytes: HandoutFontBytes,
  fallback?: FallbackFontSource,
): HandoutFonts {
  const families = new Map<FallbackKey, Promise<FontFamily | undefined>>();
  const load = (key: FallbackKey): Promise<FontFamily | undefined> => {
    let family = families.get(key);
    if (!family) {
      family = fallback!(key).then((files) =>
        files ? { regular: prepareFont(files.regular), bold: prepareFont(files.bold) } : undefined,
      );
      // A failed read is not remembered: the next handout tries again.
      family.catch(() => families.delete(key));
      families.set(key, family);
    }
    return family;
  };
  return {
    regular: prepareFont(bytes.regular),
    bold: prepareFont(bytes.bold),
    ...(fallback ? { fallback: load } : {}),
  };
}

/** Every string in a value (the handout model), depth first. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

/**
 * The text engine for one handout: loads the fallback families its strings need, and HarfBuzz and
 * the bidi tables only when a string needs shaping or holds a right-to-left character.
 */
export async function prepareEngine(model: HandoutModel, fonts: HandoutFonts): Promise<TextEngine> {
  const wanted = new Set<FallbackKey>();
  let rtl = false;
  for (const text of strings(model)) {
    if (!/[^\u0020-\u058f]/.test(text)) continue;
    if (RIGHT_TO_LEFT.test(text)) rtl = true;
    for (const char of text.normalize('NFC')) {
      const key = fallbackKey(char.codePointAt(0)!);
      if (key) wanted.add(key);
    }
  }
  const families = new Map<FallbackKey, FontFamily>();
  if (fonts.fallback && wanted.size > 0) {
    const load = async (keys: Iterable<FallbackKey>): Promise<void> => {
      const loaded = await Promise.all(
        [...keys].map(async (key) => [key, await fonts.fallback!(key)] as const),
      );
      for (const [key, family] of loaded) if (family) families.set(key, family);
    };
    await load(wanted);
    // Han one CJK family lacks may be in the other (same block).
    const alternatives = new Set<FallbackKey>();
    for (const text of strings(model)) {
      for (const char of text.normalize('NFC')) {
        const codePoint = char.codePointAt(0)!;
        const key = fallbackKey(codePoint);
        const other = key && alternativeKey(key);
        if (!other || families.has(other)) continue;
        if ((families.get(key)?.regular.glyphFor(codePoint) ?? 0) === 0) alternatives.add(other);
      }
    }
    await load(alternatives);
  }
  const hb = families.size > 0 || rtl ? await loadHarfBuzz() : undefined;
  return new TextEngine({ regular: fonts.regular, bold: fonts.bold }, families, hb);
}
