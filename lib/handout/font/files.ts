import type { FallbackKey } from './scripts';

/**
 * Where the browser fetches the handout fonts:
 * /fonts/handout/<FONT_SET_VERSION>/<key>.<weight>.ttf, served with `Cache-Control: immutable`. The
 * version is a digest of the font files served (the DejaVu core and blocks, and the Noto sources
 * the other blocks are cut from), so a URL never names two different files:
 * tests/unit/lib/handout/font/handout-fonts.test.ts recomputes it and fails, naming the new value,
 * whenever a font, a package version or the piece builder changes.
 */
export const FONT_SET_VERSION = 'f-714ee89a';

/** The DejaVu Sans core every handout loads (dejavu-core.ts). */
export const DEJAVU_CORE = 'dejavu-core';

/**
 * The URL of one font file.
 * @param key - {@link DEJAVU_CORE}, "dejavu-3", "arabic", "sc-4e", ...
 * @param weight - regular or bold
 * @returns the path on this site
 */
export function fontFileUrl(key: FallbackKey, weight: 'regular' | 'bold'): string {
  return `/fonts/handout/${FONT_SET_VERSION}/${key}.${weight}.ttf`;
}
