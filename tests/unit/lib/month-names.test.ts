import { describe, expect, it } from 'vitest';
import { getHandoutText } from '@/lib/handout/model';
import { monthName } from '@/lib/month-names';
import { formatMonth } from '@/lib/smart/chart';

describe('monthName', () => {
  it('names every month in English and Spanish', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'en'))).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'es'))).toEqual([
      'enero',
      'febrero',
      'marzo',
      'abril',
      'mayo',
      'junio',
      'julio',
      'agosto',
      'septiembre',
      'octubre',
      'noviembre',
      'diciembre',
    ]);
  });

  it('writes a number that is not a month as it is', () => {
    expect(monthName(13, 'en')).toBe('13');
    expect(monthName(0, 'es')).toBe('0');
  });

  it('is the source of the handout dates and the SMART history months', () => {
    expect(getHandoutText('en').formatDate(2026, 1, 31)).toBe('January 31, 2026');
    expect(getHandoutText('es').formatDate(2026, 12, 1)).toBe('1 de diciembre de 2026');
    expect(formatMonth('2025-12-31')).toBe('December 2025');
  });
});
