import type { FallbackKey } from './scripts';

/**
 * Where the browser fetches fallback fonts. The version names the font packages in use
 * (package.json pins them); change it whenever a font package or the block builder changes, so
 * a browser never keeps an old file under a URL cached as immutable.
 */
export const FONT_SET_VERSION = 'noto-0.4.3-b1';

/**
 * The URL of one fallback font file.
 * @param key - "arabic", "sc-4e", ...
 * @param weight - regular or bold
 * @returns the path on this site
 */
export function fallbackFontUrl(key: FallbackKey, weight: 'regular' | 'bold'): string {
  return `/fonts/handout/${FONT_SET_VERSION}/${key}.${weight}.ttf`;
}
