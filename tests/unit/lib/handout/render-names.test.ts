import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHandout } from '@/lib/handout/render';
import type { RenderHandoutOptions } from '@/lib/handout/render';
import { REPLACEMENT_CHARACTER, sanitizeText } from '@/lib/handout/sanitize-text';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { GENERATED_ON, GOLDEN, interpretOrThrow, readPdfText } from '@/tests/unit/support/handout';

const fonts = loadHandoutFonts();
/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms; RTL blocks of the SMP. */
const RIGHT_TO_LEFT =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const panel = GOLDEN[0]!.panel;
const scratch = mkdtempSync(join(tmpdir(), 'handout-names-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function renderName(
  name: string,
  clinician?: string,
  options: Partial<RenderHandoutOptions> = {},
  clinic?: string,
) {
  const interpretation = interpretOrThrow({
    ...panel,
    patient: { name },
    clinician: {
      ...(panel.clinician as object),
      ...(clinician ? { name: clinician } : {}),
      ...(clinic ? { clinic } : {}),
    },
  });
  return renderHandout(interpretation, fonts, {
    lang: 'en',
    paper: 'letter',
    generatedOn: GENERATED_ON,
    ...options,
  });
}

/**
 * Text of a PDF as pdf.js lays it out: its items in order, joined as pdf.js marks them (it emits
 * its own space items for gaps, and an end-of-line flag), so glyphs of two fonts side by side
 * read as one word.
 * @param bytes - the PDF
 * @param lastPage - the last page read: the names are on page 1, and reading only that page
 *   halves the time (pdf.js loads each page's fonts and content again)
 */
async function pdfjsText(bytes: Uint8Array, lastPage = Number.POSITIVE_INFINITY): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  let text = '';
  for (let number = 1; number <= Math.min(pdf.numPages, lastPage); number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? ' ' : '');
    }
    text += ' ';
  }
  await pdf.cleanup();
  return text.replace(/\s+/g, ' ');
}

/** Text of page 1 as poppler reads it (an extractor independent of pdf.js), bidi marks removed. */
function popplerText(bytes: Uint8Array): string {
  const file = join(scratch, 'poppler.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-l', '1', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * Grey pixels of a page area, rendered by poppler (pdftoppm, PGM), for comparing drawings.
 * @param bytes - the PDF
 * @param box - area in PDF points from the top left: x, y, width, height
 * @returns width, height and one byte per pixel
 */
function renderArea(
  bytes: Uint8Array,
  box: readonly [number, number, number, number],
): { width: number; height: number; pixels: Uint8Array } {
  const file = join(scratch, 'area.pdf');
  writeFileSync(file, bytes);
  const dpi = 144;
  const px = (points: number): string => String(Math.round((points * dpi) / 72));
  const [x, y, w, h] = box;
  const output = execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-x',
    px(x),
    '-y',
    px(y),
    '-W',
    px(w),
    '-H',
    px(h),
    file,
  ]);
  const header = output.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!match) throw new Error('pdftoppm did not write a PGM image');
  return {
    width: Number(match[1]),
    height: Number(match[2]),
    pixels: new Uint8Array(output.subarray(match[0].length)),
  };
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

  it('replaces an unassigned code point that is also default-ignorable (U+FFF0, found by fast-check)', () => {
    expect(sanitizeText('Ana\uFFF0', latinOnly)).toEqual({
      text: `Ana${REPLACEMENT_CHARACTER}`,
      replaced: 1,
    });
  });

  it('replaces a lone surrogate', () => {
    expect(sanitizeText('A\ud800B', latinOnly)).toEqual({
      text: `A${REPLACEMENT_CHARACTER}B`,
      replaced: 1,
    });
  });
});

/** Real names per script: [script, patient, clinician, clinic]. */
const SCRIPT_NAMES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['han', '王小明', '李娜', '北京协和医院'],
  ['japanese', '山田 太郎', 'さとう ゆうこ', 'タナカ整形外科'],
  ['hangul', '김민준', '이서연', '서울 척추 병원'],
  ['arabic', 'محمد عبد الله', 'فاطمة الزهراء', 'عيادة الشفاء'],
  ['hebrew', 'דוד כהן', 'שרה לוי', 'מרפאת השלום'],
  ['devanagari', 'राम कुमार शर्मा', 'प्रिया सिंह', 'श्री क्लिनिक'],
  ['thai', 'สมชาย ใจดี', 'สมหญิง รักไทย', 'คลินิกกระดูกสันหลัง'],
  ['vietnamese', 'Nguyễn Thị Minh Khai', 'Trần Hưng Đạo', 'Phòng khám Bình An'],
];

describe('names in every script', () => {
  const cases = SCRIPT_NAMES.flatMap(([script, patient, clinician, clinic]) =>
    (['en', 'es'] as const).flatMap((lang) =>
      (['letter', 'a4'] as const).map(
        (paper) => [script, lang, paper, patient, clinician, clinic] as const,
      ),
    ),
  );

  it.each(cases)(
    '%s, %s, %s: drawn without warnings; pdf.js and poppler read back the same text',
    async (_script, lang, paper, patient, clinician, clinic) => {
      const { bytes, warnings } = await renderName(patient, clinician, { lang, paper }, clinic);
      expect(warnings).toEqual([]);
      // Both read page 1: the names are there.
      const pdfjs = await pdfjsText(bytes, 1);
      const poppler = popplerText(bytes);
      for (const name of [patient, clinician, clinic]) {
        expect(pdfjs).toContain(name);
        expect(poppler).toContain(name);
      }
      expect(bytes.length).toBeLessThanOrEqual(100_000);
    },
  );

  it('embeds only the glyphs used: a CJK name keeps the PDF small', async () => {
    const latin = await renderName('Ana García');
    const han = await renderName('王小明', '李娜', {}, '北京协和医院');
    expect(han.bytes.length).toBeLessThanOrEqual(100_000);
    // Each CJK glyph costs well under a kilobyte, compressed.
    expect(han.bytes.length - latin.bytes.length).toBeLessThan(12 * 1024);
  });

  const referenceDir = join(process.cwd(), 'tests', 'fixtures', 'handout-names');
  it.each(SCRIPT_NAMES.map(([script, patient]) => [script, patient] as const))(
    '%s: the drawn name matches the reference rendering',
    async (script, patient) => {
      const { bytes } = await renderName(patient);
      const { items, pageSizes } = await readPdfText(bytes);
      const label = items.find((item) => item.page === 1 && item.text.startsWith('For'))!;
      const top = pageSizes[0]!.height - label.y - label.size * 1.1;
      const area = renderArea(bytes, [label.x, top, 260, label.size * 1.6]);
      const file = join(referenceDir, `${script}.pgm`);
      if (process.env.UPDATE_REFERENCES === '1') {
        writeFileSync(
          file,
          Buffer.concat([Buffer.from(`P5\n${area.width} ${area.height}\n255\n`), area.pixels]),
        );
      }
      const reference = readFileSync(file);
      const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(
        reference.subarray(0, 64).toString('latin1'),
      )!;
      expect([Number(match[1]), Number(match[2])]).toEqual([area.width, area.height]);
      const pixels = reference.subarray(match[0].length);
      let differing = 0;
      let ink = 0;
      for (let i = 0; i < pixels.length; i++) {
        if (Math.abs(pixels[i]! - area.pixels[i]!) > 96) differing++;
        if (pixels[i]! < 128) ink++;
      }
      expect(ink).toBeGreaterThan(100);
      expect(differing / ink).toBeLessThan(0.02);
    },
  );
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

  it('draws CJK, replaces emoji visibly, warns without repeating the name, and strips controls', async () => {
    const { bytes, warnings } = await renderName('山田\u0007 太郎 🦄\nSmith', 'Dr. 李');
    expect(warnings).toEqual([
      {
        code: 'unsupported-characters',
        message: expect.stringMatching(/^1 character in the patient name cannot be shown/),
      },
    ]);
    for (const warning of warnings) expect(warning.message).not.toMatch(/山|太|李|Smith/);
    const text = await pdfjsText(bytes);
    const r = REPLACEMENT_CHARACTER;
    expect(text).toContain(`For: 山田 太郎 ${r} Smith`);
    expect(text).toContain('Dr. 李');
  });

  it('replaces an unassigned code point and a private-use character', async () => {
    const { bytes, warnings } = await renderName('Ana \u{e0100}\u0378\ue000 Li');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/^2 characters in the patient name cannot be shown/);
    const r = REPLACEMENT_CHARACTER;
    expect((await readPdfText(bytes)).text.replace(/\s+/g, ' ')).toContain(`For: Ana ${r}${r} Li`);
  });

  it('a very long name wraps and stays whole in the text layer', async () => {
    const name = `${'Bartholomew-Maximilian '.repeat(6)}Ωmega-Łukasiewicz`.slice(0, 200);
    const { bytes } = await renderName(name);
    // Read as pdf.js joins its items: Ω comes from the Greek piece of DejaVu, "mega" from the
    // core, side by side in one word.
    expect(await pdfjsText(bytes)).toContain(name.replace(/\s+/g, ' ').trim());
  });

  // 1,000 random names, three per handout (patient, clinician, clinic: the same sanitising,
  // shaping and font fallback), so the property costs 334 renders rather than 1,000.
  it('1,000 random Unicode names, three per handout: always a valid PDF, every name on page 1', async () => {
    const from = (ranges: ReadonlyArray<readonly [number, number]>) =>
      fc.string({
        unit: fc
          .constantFrom(...ranges)
          .chain(([low, high]) => fc.integer({ min: low, max: high }))
          .map((code) => String.fromCodePoint(code)),
        minLength: 1,
        maxLength: 30,
      });
    const SPACE: readonly [number, number] = [0x20, 0x20];
    const LATIN: readonly [number, number] = [0x41, 0x5a];
    const name = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
      // Right-to-left, mixed with Latin letters, digits and spaces.
      from([[0x0621, 0x064a], [0x064b, 0x0652], [0x05d0, 0x05ea], SPACE, LATIN, [0x30, 0x39]]),
      // CJK: Han, Kana, Hangul syllables, with spaces.
      from([[0x4e00, 0x9fff], [0x3041, 0x30fa], [0xac00, 0xd7a3], SPACE]),
      // Devanagari and Thai, marks included.
      from([[0x0900, 0x097f], [0x0e01, 0x0e5b], SPACE]),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 100,
      }),
    );
    // A long word may wrap mid-word: compare without white space. pdf.js applies NFKC to
    // compatibility characters, so compare NFKC forms.
    const flat = (value: string) => value.normalize('NFKC').replace(/\s+/g, '');
    let renders = 0;
    await fc.assert(
      fc.asyncProperty(name, name, name, async (patient, clinician, clinic) => {
        const { bytes, warnings } = await renderName(patient, clinician, {}, clinic);
        // parseSpeed Infinity: the same parse without pausing for the event loop every 100
        // objects (a timer each time), which was half the time of this check. An object pdf-lib
        // cannot parse throws (by default it would be kept as an "invalid object" and pass).
        const doc = await PDFDocument.load(bytes, {
          parseSpeed: Infinity,
          updateMetadata: false,
          throwOnInvalidObject: true,
        });
        expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
        for (const warning of warnings) expect(warning.code).toBe('unsupported-characters');
        // Reading the text layer is slower: check every 7th handout (48 of the 334, 144 names).
        if (renders++ % 7 !== 0) return;
        const text = flat(await pdfjsText(bytes, 1));
        const fields = [
          ['patient name', patient],
          // An empty clinician name or clinic keeps the panel's own (see renderName).
          ['clinician name', clinician],
          ['clinic name', clinic],
        ] as const;
        for (const [field, value] of fields) {
          // What the PDF should show: the name as drawn, characters no font has replaced.
          const visible = flat(sanitizeText(value, () => true).text);
          if (visible === '') continue;
          if (warnings.some((warning) => warning.message.includes(` in the ${field} `))) {
            expect(text).toContain(REPLACEMENT_CHARACTER);
          } else if (!RIGHT_TO_LEFT.test(visible)) {
            expect(text).toContain(visible);
          } else {
            // A random mix of directions has no single reading order a reader must recover:
            // every character must be there.
            for (const char of new Set(visible)) {
              expect(text.split(char).length - 1).toBeGreaterThanOrEqual(
                visible.split(char).length - 1,
              );
            }
          }
        }
      }),
      { numRuns: 334 },
    );
  }, 600_000);
});

describe('sanitizeText: format characters', () => {
  it('drops format characters even when the font has a glyph for them (found by fast-check)', () => {
    expect(sanitizeText('좜\u0000\ufff9', () => true)).toEqual({ text: '좜', replaced: 0 });
    expect(sanitizeText('Ma\u00adrie', () => true)).toEqual({ text: 'Marie', replaced: 0 });
  });
});
