import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HANDOUT_LANG,
  DEFAULT_PAPER,
  HANDOUT_LANG_LABELS,
  HANDOUT_LANGS,
  PAPER_LABELS,
  PAPER_NAMES,
  PAPER_SIZES,
  toHandoutLang,
  toPaperSize,
} from '@/lib/handout/options';

describe('handout options', () => {
  it('offers English and Spanish, on Letter and A4, with Letter and English by default', () => {
    expect([...HANDOUT_LANGS]).toEqual(['en', 'es']);
    expect([...PAPER_NAMES]).toEqual(['letter', 'a4']);
    expect(DEFAULT_HANDOUT_LANG).toBe('en');
    expect(DEFAULT_PAPER).toBe('letter');
  });

  it('names every choice in a selector', () => {
    expect(HANDOUT_LANG_LABELS).toEqual({ en: 'English', es: 'Spanish (Español)' });
    expect(PAPER_LABELS).toEqual({ letter: 'Letter', a4: 'A4' });
  });

  it('gives the paper sizes in points (8.5 x 11 in; 210 x 297 mm)', () => {
    expect(PAPER_SIZES.letter).toEqual({ width: 612, height: 792 });
    expect(PAPER_SIZES.a4.width).toBeCloseTo((210 / 25.4) * 72, 1);
    expect(PAPER_SIZES.a4.height).toBeCloseTo((297 / 25.4) * 72, 1);
  });

  it('reads only the names it offers', () => {
    expect(toHandoutLang('es')).toBe('es');
    expect(toHandoutLang('ES')).toBeUndefined();
    expect(toHandoutLang('fr')).toBeUndefined();
    expect(toHandoutLang(undefined)).toBeUndefined();
    expect(toPaperSize('a4')).toBe('a4');
    expect(toPaperSize('legal')).toBeUndefined();
    expect(toPaperSize('')).toBeUndefined();
  });
});
