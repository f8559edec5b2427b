import { isCoreText } from './dejavu-core';
import { prepareFont } from './prepared-font';
import type { PreparedFont } from './prepared-font';
import { alternativeKey, fallbackKey, needsShaping, RIGHT_TO_LEFT } from './scripts';
import type { FallbackKey } from './scripts';
import { loadHarfBuzz } from './shaper';
import { TextEngine } from './text-engine';
import type { FontFamily } from './text-engine';

/** The font files of one family: regular and bold. */
export interface HandoutFontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/**
 * Reads the files of a DejaVu block, a Noto family or a CJK block (from memory on the server,
 * over HTTP in the browser); undefined when the family has no glyph there.
 */
export type FallbackFontSource = (key: FallbackKey) => Promise<HandoutFontBytes | undefined>;

/**
 * Parsed handout fonts, from {@link prepareHandoutFonts}: the DejaVu Sans core, and the DejaVu
 * blocks and Noto families, read and parsed the first time a handout needs them. Reuse one value
 * for every handout; it holds no per-document state.
 */
export interface HandoutFonts {
  readonly regular: PreparedFont;
  readonly bold: PreparedFont;
  /** A fallback family, prepared once; undefined when this process has no fallback fonts. */
  readonly fallback?: (key: FallbackKey) => Promise<FontFamily | undefined>;
}

/**
 * Parses the handout fonts. Call once per process (or page) and pass the result to every
 * `renderHandout` call.
 * @param bytes - the DejaVu Sans core (dejavu-core.ts), regular and bold
 * @param fallback - reads a DejaVu block or the Noto family of a script when a handout first
 *   needs it
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

/**
 * The font files a set of strings needs beyond the DejaVu core, and whether one holds a
 * right-to-left character. Cheap: strings of the core alone are skipped at once.
 * @param texts - every string the handout draws
 * @returns the keys and the direction flag
 */
export function fontNeeds(texts: Iterable<string>): { keys: Set<FallbackKey>; rtl: boolean } {
  const keys = new Set<FallbackKey>();
  let rtl = false;
  for (const text of texts) {
    if (isCoreText(text)) continue;
    if (RIGHT_TO_LEFT.test(text)) rtl = true;
    for (const char of text.normalize('NFC')) {
      const key = fallbackKey(char.codePointAt(0)!);
      if (key) keys.add(key);
    }
  }
  return { keys, rtl };
}

/**
 * Loads (and parses) the font files some strings need, without drawing anything: what the page
 * does when the browser is idle, so the first handout finds them ready.
 * @param texts - the strings, e.g. the names on screen
 * @param fonts - from {@link prepareHandoutFonts}
 * @returns when the files are loaded; never rejects (the handout itself reports a failure)
 */
export async function preloadFonts(texts: Iterable<string>, fonts: HandoutFonts): Promise<void> {
  const { keys, rtl } = fontNeeds(texts);
  const families = [...keys].map((key) => fonts.fallback?.(key));
  const shaping = rtl || [...keys].some(needsShaping);
  await Promise.allSettled([...families, ...(shaping ? [loadHarfBuzz()] : [])]);
}

/**
 * The text engine for one handout: loads the DejaVu blocks and Noto families its strings need,
 * and HarfBuzz only when a string needs shaping (Arabic, Hebrew, Devanagari, Thai) or holds a
 * right-to-left character. Latin, Greek, Cyrillic and CJK are drawn one glyph per code point.
 * @param texts - every string the handout draws (read twice)
 * @param fonts - from {@link prepareHandoutFonts}
 * @returns the engine
 */
export async function prepareTextEngine(
  texts: () => Iterable<string>,
  fonts: HandoutFonts,
): Promise<TextEngine> {
  const { keys: wanted, rtl } = fontNeeds(texts());
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
    for (const text of texts()) {
      if (isCoreText(text)) continue;
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
  const shaping = rtl || [...families.keys()].some(needsShaping);
  const hb = shaping ? await loadHarfBuzz() : undefined;
  return new TextEngine({ regular: fonts.regular, bold: fonts.bold }, families, hb);
}
