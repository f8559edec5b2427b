/**
 * The calendar date of a moment in the local time zone, written YYYY-MM-DD: the `asOf` of an
 * interpretation and the date on its handout. Pure: the library reads no clock, so each door
 * (the screen, the CLI, the API) reads it once and passes the moment in.
 * @param now - the moment
 * @returns the local calendar date
 */
export function localCalendarDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/**
 * Whole years from a birth date to a date, both YYYY-MM-DD (no clock: the caller passes the
 * date). The one age rule: the handout's patient rules and the SMART context suggestion use it.
 * @param birthDate - the birth date
 * @param onDate - the date the age is wanted at (the interpretation's asOf)
 * @returns the age in whole years, or null when either date is missing or malformed
 */
export function ageInYears(
  birthDate: string | undefined | null,
  onDate: string | undefined | null,
): number | null {
  const parse = (date: string | undefined | null) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const born = parse(birthDate);
  const on = parse(onDate);
  if (!born || !on) return null;
  const years = Number(on[1]) - Number(born[1]);
  const beforeBirthday = `${on[2]}-${on[3]}` < `${born[2]}-${born[3]}`;
  return Math.max(0, beforeBirthday ? years - 1 : years);
}
