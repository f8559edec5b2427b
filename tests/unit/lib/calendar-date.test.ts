import { describe, expect, it } from 'vitest';
import { localCalendarDate } from '@/lib/calendar-date';

describe('localCalendarDate', () => {
  it.each([
    [new Date(2026, 0, 5, 0, 0), '2026-01-05'],
    [new Date(2026, 11, 31, 23, 59, 59), '2026-12-31'],
    [new Date(2028, 1, 29, 12), '2028-02-29'],
  ])('writes %s as %s (local time, zero-padded)', (moment, expected) => {
    expect(localCalendarDate(moment)).toBe(expected);
  });

  it('pads a year below 1000 to four digits', () => {
    const moment = new Date(2026, 5, 1);
    moment.setFullYear(987);
    expect(localCalendarDate(moment)).toBe('0987-06-01');
  });
});
