/** Languages the month names are needed in (the screens and the handout). */
export type MonthLanguage = 'en' | 'es';

/** The twelve month names of a language, from the platform's locale data, in UTC (no clock). */
function monthsOf(language: MonthLanguage): readonly string[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2000, index, 1)));
}

const MONTHS: Readonly<Record<MonthLanguage, readonly string[]>> = {
  en: monthsOf('en'),
  es: monthsOf('es'),
};

/**
 * The name of a month ("November", "noviembre"): the one source of month names for the handout
 * text and the SMART history.
 * @param month - 1 to 12
 * @param language - `en` or `es`
 * @returns the name, or the number as written when it is not a month
 */
export function monthName(month: number, language: MonthLanguage): string {
  return MONTHS[language][month - 1] ?? String(month);
}
