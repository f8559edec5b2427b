import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderHandout } from '@/lib/handout/render';
import { REPLACEMENT_CHARACTER, sanitizeText } from '@/lib/handout/sanitize-text';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { GENERATED_ON, GOLDEN, interpretOrThrow, readPdfText } from './handout-test-utils';

const fonts = loadHandoutFonts();
/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms; RTL blocks of the SMP. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const panel = GOLDEN[0]!.panel;

async function renderName(name: string, clinician?: string) {
  const interpretation = interpretOrThrow({
    ...panel,
    patient: { name },
    clinician: { ...(panel.clinician as object), ...(clinician ? { name: clinician } : {}) },
  });
  return renderHandout(interpretation, fonts, {
    lang: 'en',
    paper: 'letter',
    generatedOn: GENERATED_ON,
  });
}

describe('sanitizeText', () => {
  const latinOnly = (codePoint: number): boolean => codePoint >= 0x20 && codePoint < 0x250;

  it('keeps text the font can draw, NFC-normalised', () => {
    expect(sanitizeText('Jose\u0301 Łukasz', latinOnly)).toEqual({
      text: 'José Łukasz',
      replaced: 0,
    });
  });

  it('turns line breaks and tabs into spaces and drops other control characters', () => {
    expect(sanitizeText('Ana\n\tMaría\u0000\u0007\u009f Pérez', latinOnly)).toEqual({
      text: 'Ana María Pérez',
      replaced: 0,
    });
  });

  it('replaces what the font lacks with U+FFFD and counts it', () => {
    expect(sanitizeText('李 Ana 🦄', latinOnly)).toEqual({
      text: `${REPLACEMENT_CHARACTER} Ana ${REPLACEMENT_CHARACTER}`,
      replaced: 2,
    });
  });

  it('drops invisible format characters the font lacks instead of showing them', () => {
    // Zero-width joiner, variation selector, right-to-left mark.
    expect(sanitizeText('A\u200dB\ufe0fC\u200f', latinOnly)).toEqual({ text: 'ABC', replaced: 0 });
  });

  it('replaces a lone surrogate', () => {
    expect(sanitizeText('A\ud800B', latinOnly)).toEqual({
      text: `A${REPLACEMENT_CHARACTER}B`,
      replaced: 1,
    });
  });
});

describe('renderHandout with any name', () => {
  it.each([
    ['Latin extended', 'Łukasz García-Øster, Şükrü Öztürk, Nguyễn Văn Hải, Ólafur Þórðarson'],
    ['Greek', 'Νίκος Παπαδόπουλος, Ἀλέξανδρος'],
    ['Cyrillic', 'Дмитрий Смирнов, Ђорђе Јовановић, Їжак Ґудзь'],
  ])('%s names render and extract as the same text', async (_script, name) => {
    const { bytes, warnings } = await renderName(name);
    expect(warnings).toEqual([]);
    const { text } = await readPdfText(bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(`For: ${name}`);
  });

  it('replaces CJK and emoji visibly, warns without repeating the name, and strips controls', async () => {
    const { bytes, warnings } = await renderName('山田\u0007 太郎 🦄\nSmith', 'Dr. 李');
    expect(warnings).toEqual([
      {
        code: 'unsupported-characters',
        message: expect.stringMatching(/^5 characters in the patient name cannot be shown/),
      },
      {
        code: 'unsupported-characters',
        message: expect.stringMatching(/^1 character in the clinician name cannot be shown/),
      },
    ]);
    for (const warning of warnings) expect(warning.message).not.toMatch(/山|太|李|Smith/);
    const text = (await readPdfText(bytes)).text.replace(/\s+/g, ' ');
    const r = REPLACEMENT_CHARACTER;
    expect(text).toContain(`For: ${r}${r} ${r}${r} ${r} Smith`);
    expect(text).toContain(`Dr. ${r}`);
  });

  it('a very long name wraps and stays whole in the text layer', async () => {
    const name = `${'Bartholomew-Maximilian '.repeat(6)}Ωmega-Łukasiewicz`.slice(0, 200);
    const { bytes } = await renderName(name);
    const { text } = await readPdfText(bytes);
    expect(text.replace(/\s+/g, ' ')).toContain(name.replace(/\s+/g, ' ').trim());
  });

  it('1,000 random Unicode names: always a valid PDF, the name on page 1', async () => {
    const name = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 100,
      }),
    );
    let checkedText = 0;
    await fc.assert(
      fc.asyncProperty(name, async (value) => {
        const { bytes, warnings } = await renderName(value);
        const doc = await PDFDocument.load(bytes);
        expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
        for (const warning of warnings) expect(warning.code).toBe('unsupported-characters');
        // Reading the text layer is slower: check every 20th name in full.
        if (checkedText++ % 20 === 0) {
          const { text } = await readPdfText(bytes);
          const visible = sanitizeText(
            value,
            (codePoint) =>
              fonts.regular.glyphFor(codePoint) !== 0 && fonts.bold.glyphFor(codePoint) !== 0,
          ).text.trim();
          // A long word may wrap mid-word: compare without white space. pdf.js applies NFKC to
          // compatibility characters and reorders right-to-left runs when it reads text back, so
          // compare NFKC forms and leave RTL names to the valid-PDF check above.
          const flat = (value: string) => value.normalize('NFKC').replace(/\s+/g, '');
          if (visible !== '' && !RIGHT_TO_LEFT.test(visible))
            expect(flat(text)).toContain(flat(visible));
        }
      }),
      { numRuns: 1000 },
    );
  }, 600_000);
});

describe('sanitizeText: format characters', () => {
  it('drops format characters even when the font has a glyph for them (found by fast-check)', () => {
    expect(sanitizeText('좜\u0000\ufff9', () => true)).toEqual({ text: '좜', replaced: 0 });
    expect(sanitizeText('Ma\u00adrie', () => true)).toEqual({ text: 'Marie', replaced: 0 });
  });
});
