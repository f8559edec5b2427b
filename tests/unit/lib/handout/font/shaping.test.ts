import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { visualRuns } from '@/lib/handout/font/bidi';
import { preferredFallback } from '@/lib/handout/font/scripts';
import type { FallbackKey } from '@/lib/handout/font/scripts';
import { readFontFacts } from '@/lib/handout/font/sfnt';
import { loadHarfBuzz } from '@/lib/handout/font/shaper';
import { TextEngine } from '@/lib/handout/font/text-engine';
import type { FontFamily } from '@/lib/handout/font/text-engine';
import { readTrueTypeTables } from '@/lib/handout/truetype-subset';
import { loadHandoutFonts, readFallbackFont } from '@/server/handout-fonts';

const fonts = loadHandoutFonts();

async function engineWith(...keys: FallbackKey[]): Promise<TextEngine> {
  const families = new Map<FallbackKey, FontFamily>();
  for (const key of keys) families.set(key, (await fonts.fallback!(key))!);
  return new TextEngine(fonts, families, await loadHarfBuzz());
}

describe('choosing a font per script', () => {
  it.each([
    ['A', undefined],
    ['Ж', undefined],
    ['ễ', undefined],
    ['Ω', undefined],
    ['م', 'arabic'],
    ['ש', 'hebrew'],
    ['क', 'devanagari'],
    ['ก', 'thai'],
    ['山', 'sc'],
    ['や', 'sc'],
    ['한', 'kr'],
    ['𠀀', 'sc'],
  ])('%s -> %s', (char, key) => {
    expect(preferredFallback(char.codePointAt(0)!)).toBe(key);
  });
});

describe('bidi: visual runs of a line', () => {
  it('keeps a left-to-right line as one run', () => {
    expect(visualRuns('Ana García')).toEqual([{ text: 'Ana García', rtl: false }]);
  });

  it('puts an Arabic name inside an English line in its own right-to-left run', () => {
    const line = 'For: محمد عبد الله and Ana';
    const runs = visualRuns(line);
    expect(runs.map((run) => run.rtl)).toEqual([false, true, false]);
    expect(runs[1]!.text).toBe('محمد عبد الله');
    expect(runs.map((run) => run.text).join('')).toBe(line);
  });

  it('orders runs visually: a Latin word inside a right-to-left name sits between its parts', () => {
    // Logical: ARABIC1 space ANA space ARABIC2 in an RTL context inside an LTR page: bidi keeps
    // "Ana" left to right; the Arabic words swap sides around it only within an RTL embedding,
    // which a left-to-right paragraph does not create, so the order stays as typed.
    const runs = visualRuns('محمد Ana علي');
    expect(runs.map((run) => [run.text, run.rtl])).toEqual([
      ['محمد', true],
      [' Ana ', false],
      ['علي', true],
    ]);
  });
});

describe('shaping (HarfBuzz)', () => {
  it('joins Arabic letters: shaped glyphs differ from the isolated forms typed', async () => {
    const engine = await engineWith('arabic');
    const [segment] = engine.layout('محمد', 'regular');
    const font = segment!.font;
    const isolated = [...'محمد'].map((char) => font.glyphFor(char.codePointAt(0)!));
    const drawn = segment!.glyphs.filter((glyph) => glyph.text !== '').map((glyph) => glyph.gid);
    // Visual order is right to left: the first letter typed is drawn last (rightmost).
    expect(drawn).toHaveLength(4);
    expect(drawn).not.toEqual([...isolated].reverse());
    expect(segment!.glyphs.map((glyph) => glyph.text).join('')).toBe('دمحم');
  });

  it('draws Devanagari conjuncts and the reph, text layer in typing order', async () => {
    const engine = await engineWith('devanagari');
    const [segment] = engine.layout('शर्मा', 'regular');
    const nominal = [...'शर्मा'].map((char) => segment!.font.glyphFor(char.codePointAt(0)!));
    const drawn = segment!.glyphs.map((glyph) => glyph.gid);
    expect(drawn).not.toEqual(nominal);
    expect(segment!.glyphs.map((glyph) => glyph.text).join('')).toBe('शर्मा');
  });

  it('measures shaped text as the sum of its advances, additively across spaces', async () => {
    const engine = await engineWith('arabic');
    const whole = engine.measure('محمد عبد', 'regular', 10);
    const parts =
      engine.measure('محمد', 'regular', 10) +
      engine.measure(' ', 'regular', 10) +
      engine.measure('عبد', 'regular', 10);
    expect(whole).toBeCloseTo(parts, 6);
  });

  it('keeps the DejaVu path unshaped: one glyph per code point, core and blocks alike', async () => {
    const cyrillic = (await fonts.fallback!('dejavu-4'))!;
    for (const hb of [undefined, await loadHarfBuzz()]) {
      const engine = new TextEngine(fonts, new Map([['dejavu-4', cyrillic]]), hb);
      const segments = engine.layout('Łukasz Дмитрий Смирнов', 'bold');
      // The core draws the Latin name and the space after it; the Cyrillic block the rest.
      expect(segments.map((segment) => segment.font)).toEqual([fonts.bold, cyrillic.bold]);
      for (const segment of segments) expect(segment.plain).toBe(true);
      const text = segments.flatMap((segment) => segment.glyphs.map((glyph) => glyph.text));
      expect(text.join('')).toBe('Łukasz Дмитрий Смирнов');
    }
  });

  it('draws nothing from a block it was not given: the character is replaced', () => {
    const engine = new TextEngine(fonts, new Map(), undefined);
    expect(engine.canDraw('Ж'.codePointAt(0)!)).toBe(false);
    expect(engine.canDraw('Ł'.codePointAt(0)!)).toBe(true);
  });
});

describe('our cmap reader', () => {
  it.each([
    ['DejaVu Sans', () => fonts.regular.tables.bytes],
    ['Noto Sans Arabic', async () => (await readFallbackFont('arabic'))!.regular],
    ['Noto Sans SC, block U+4Exx', async () => (await readFallbackFont('sc-4e'))!.regular],
  ])(
    'agrees with fontkit on every code point of %s',
    async (_name, bytes) => {
      const data = await bytes();
      const ours = readFontFacts(readTrueTypeTables(data));
      const theirs = fontkit.create(data);
      let checked = 0;
      for (let codePoint = 0; codePoint < 0x30000; codePoint++) {
        if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
        const expected = theirs.hasGlyphForCodePoint(codePoint)
          ? theirs.glyphForCodePoint(codePoint).id
          : 0;
        if (ours.glyphFor(codePoint) !== expected) {
          expect([codePoint.toString(16), ours.glyphFor(codePoint)]).toEqual([
            codePoint.toString(16),
            expected,
          ]);
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(190_000);
      expect(ours.postscriptName).toBe(theirs.postscriptName);
    },
    60_000,
  );
});
