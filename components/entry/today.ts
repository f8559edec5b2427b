/**
 * Today's local date as YYYY-MM-DD: the `asOf` of an interpretation and the handout date. The
 * library reads no clock, so the screen passes the date in.
 * @returns the date
 */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
