// Stands in for `@pdf-lib/standard-fonts` in the browser bundle (next.config.mjs). pdf-lib imports
// the metrics of the 14 standard PDF fonts (about 95 kB gzip of compressed tables) for
// `embedStandardFont` and form fields; the handout embeds only its own TrueType subsets
// (document-font.ts), so the first handout does not download them. The names stay (pdf-lib lists
// them at load time); loading a font or an encoding says why it cannot.

const UNAVAILABLE = 'the standard PDF fonts are not bundled: the handout embeds its own fonts';

/** The 14 standard font names, as pdf-lib's `FontNames`. */
export const FontNames = {
  Courier: 'Courier',
  CourierBold: 'Courier-Bold',
  CourierOblique: 'Courier-Oblique',
  CourierBoldOblique: 'Courier-BoldOblique',
  Helvetica: 'Helvetica',
  HelveticaBold: 'Helvetica-Bold',
  HelveticaOblique: 'Helvetica-Oblique',
  HelveticaBoldOblique: 'Helvetica-BoldOblique',
  TimesRoman: 'Times-Roman',
  TimesRomanBold: 'Times-Bold',
  TimesRomanItalic: 'Times-Italic',
  TimesRomanBoldItalic: 'Times-BoldItalic',
  Symbol: 'Symbol',
  ZapfDingbats: 'ZapfDingbats',
} as const;

/** pdf-lib's `Font`: never loadable here. */
export class Font {
  static load(): never {
    throw new Error(UNAVAILABLE);
  }
}

/** pdf-lib's `Encodings`: never readable here. */
export const Encodings = {
  get Symbol(): never {
    throw new Error(UNAVAILABLE);
  },
  get ZapfDingbats(): never {
    throw new Error(UNAVAILABLE);
  },
  get WinAnsi(): never {
    throw new Error(UNAVAILABLE);
  },
};
