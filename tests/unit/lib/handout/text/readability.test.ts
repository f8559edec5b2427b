import { beforeAll, describe, expect, it } from 'vitest';
import { buildHandoutModel } from '@/lib/handout/model';
import { renderHandout } from '@/lib/handout/render';
import { loadHandoutFonts } from '@/server/handout-fonts';
import {
  countEnglishSyllables,
  countSpanishSyllables,
  fernandezHuerta,
  fernandezHuertaWordsPerSentence,
  fleschKincaidGrade,
  GENERATED_ON,
  GOLDEN,
  interpretOrThrow,
  readPdfText,
  bodyText,
} from '@/tests/unit/support/handout';

const texts = new Map<string, string>();

beforeAll(async () => {
  const fonts = loadHandoutFonts();
  for (const golden of GOLDEN) {
    const interpretation = interpretOrThrow(golden.panel);
    for (const lang of ['en', 'es'] as const) {
      const { bytes } = await renderHandout(interpretation, fonts, {
        lang,
        paper: 'letter',
        generatedOn: GENERATED_ON,
      });
      const model = buildHandoutModel(interpretation, { lang, generatedOn: GENERATED_ON });
      texts.set(`${golden.id}/${lang}`, bodyText(model, (await readPdfText(bytes)).items));
    }
  }
});

describe('syllable counters', () => {
  it.each([
    ['bone', 1],
    ['water', 2],
    ['vitamin', 3],
    ['magnesium', 4],
    ['calcium', 3],
    ['clinician', 3],
  ])('English %s has about %i syllables', (word, count) => {
    // The heuristic may count one high (never low) on these words: stricter grades.
    expect(countEnglishSyllables(word)).toBeGreaterThanOrEqual(count);
    expect(countEnglishSyllables(word)).toBeLessThanOrEqual(count + 1);
  });

  it.each([
    ['sol', 1],
    ['agua', 2],
    ['huesos', 2],
    ['vitamina', 4],
    ['magnesio', 3],
    ['día', 2],
    ['que', 1],
    ['guiso', 2],
    ['calambres', 3],
    ['proveedor', 4],
  ])('Spanish %s has %i syllables', (word, count) => {
    expect(countSpanishSyllables(word)).toBe(count);
  });
});

describe('handout reading level (text extracted from the real PDF)', () => {
  it.each(GOLDEN.map((golden) => golden.id))('%s: English body text is grade 6 or below', (id) => {
    const text = texts.get(`${id}/en`)!;
    expect(text.split(' ').length).toBeGreaterThan(250);
    expect(fleschKincaidGrade(text)).toBeLessThanOrEqual(6);
  });

  it.each(GOLDEN.map((golden) => golden.id))(
    '%s: Spanish body text scores 70 or more on Fernández-Huerta',
    (id) => {
      const text = texts.get(`${id}/es`)!;
      expect(text.split(' ').length).toBeGreaterThan(250);
      expect(fernandezHuerta(text)).toBeGreaterThanOrEqual(70);
      expect(fernandezHuertaWordsPerSentence(text)).toBeGreaterThanOrEqual(70);
    },
  );

  it('the body text excludes the header, the numbers and the footer', () => {
    const text = texts.get('all-low-us-units/en')!;
    expect(text).not.toContain('Łukasz');
    expect(text).not.toContain('12 ng/mL');
    expect(text).not.toContain('Rules version');
    expect(text).toContain('Why it matters:');
  });
});
