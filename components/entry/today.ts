import { localCalendarDate } from '@/lib/calendar-date';

/**
 * Today's local date as YYYY-MM-DD: the `asOf` of an interpretation (the handout takes its date
 * from it). The library reads no clock, so the screen reads it here and passes the date in.
 * @returns the date
 */
export function todayIso(): string {
  return localCalendarDate(new Date());
}
