import { describe, expect, it } from 'vitest';
import { ageInYears, localCalendarDate } from '@/lib/calendar-date';

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

describe('ageInYears', () => {
  it.each([
    ['1961-11-26', '2026-11-26', 65],
    ['1961-11-27', '2026-11-26', 64],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ] as const)('born %s, on %s: %i', (born, on, age) => {
    expect(ageInYears(born, on)).toBe(age);
  });

  it('is null without both dates', () => {
    expect(ageInYears(undefined, '2026-11-26')).toBeNull();
    expect(ageInYears('1961-11-26', null)).toBeNull();
  });

  it('is null for a date that is not exactly YYYY-MM-DD', () => {
    expect(ageInYears('1961-11-26', 'x')).toBeNull();
    expect(ageInYears('x1961-11-26', '2026-11-26')).toBeNull();
    expect(ageInYears('1961-11-26', '2026-11-26T10:00')).toBeNull();
    expect(ageInYears('61-11-26', '2026-11-26')).toBeNull();
  });
});
