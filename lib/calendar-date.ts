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
