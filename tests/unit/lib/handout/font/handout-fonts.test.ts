import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { blockOf } from '@/lib/handout/font/blocks';
import { buildDejaVuPiece } from '@/lib/handout/font/chunks';
import { dejavuPieceOf, inDejaVuCore } from '@/lib/handout/font/dejavu-core';
import { DEJAVU_CORE, FONT_SET_VERSION, fontFileUrl } from '@/lib/handout/font/files';
import { fontNeeds } from '@/lib/handout/font/handout-fonts';
import { needsShaping } from '@/lib/handout/font/scripts';
import type { ScriptFamily } from '@/lib/handout/font/scripts';
import { readFontFacts } from '@/lib/handout/font/sfnt';
import { buildHandoutModel } from '@/lib/handout/model';
import { HANDOUT_TEXT_EN } from '@/lib/handout/text/en';
import { HANDOUT_TEXT_ES } from '@/lib/handout/text/es';
import { prepareHandoutFonts, renderHandout } from '@/lib/handout/render';
import { readTrueTypeTables, subsetTrueType } from '@/lib/handout/truetype-subset';
import {
  handoutFontFile,
  loadHandoutFonts,
  readFallbackFont,
  sourceFontFile,
} from '@/server/handout-fonts';
import { SCENARIOS } from '@/tests/unit/support/handout-scenarios';
import { GENERATED_ON, GOLDEN, interpretOrThrow, readPdfText } from '@/tests/unit/support/handout';

const fontBytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(process.cwd(), 'public', 'fonts', file)));
const coreBytes = () => ({
  regular: handoutFontFile(DEJAVU_CORE, 'regular')!,
  bold: handoutFontFile(DEJAVU_CORE, 'bold')!,
});

/**
 * Names chosen so that documents share some letters and not others: the case that breaks a
 * font object reused across documents (letters first seen in an earlier document go missing
 * from the text layer of later ones, e.g. "arcía" for "García").
 */
const NAMES = [
  'García',
  'Łukasz García-Øster',
  'Zofia Wójcik',
  'Дмитрий Смирнов',
  'Νίκος Παπαδόπουλος',
  'Aoife Ní Bhriain',
  'María José Núñez',
  'Şükrü Öztürk',
  'Jiří Dvořák',
  'Ólafur Þórðarson',
  'Nguyễn Văn Hải',
  'Ærøskøbing Ågesen',
  'Ђорђе Јовановић',
  'Ἀλέξανδρος',
  'Grace Abernathy',
  'Zoë Brontë-Čapek',
];

const basePanel = GOLDEN[0]!.panel;
const panelFor = (name: string, index: number): Record<string, unknown> => ({
  ...basePanel,
  patient: { name },
  // Vary the results too, so that documents use different sets of glyphs.
  results: GOLDEN[index % GOLDEN.length]!.panel.results,
});

describe('handout fonts', () => {
  it('loads the fonts once per process', () => {
    expect(loadHandoutFonts()).toBe(loadHandoutFonts());
  });

  it('gives every document an exact text layer: sequential, concurrent and interleaved renders', async () => {
    const shared = loadHandoutFonts();
    const render = (name: string, index: number, fonts = shared) =>
      renderHandout(interpretOrThrow(panelFor(name, index)), fonts, {
        lang: index % 2 === 0 ? 'en' : 'es',
        paper: index % 3 === 0 ? 'a4' : 'letter',
        generatedOn: GENERATED_ON,
      });

    // Reference: each document rendered with fonts parsed just for it.
    const reference = await Promise.all(
      NAMES.map(async (name, index) => {
        const fresh = prepareHandoutFonts(coreBytes(), readFallbackFont);
        const { bytes } = await render(name, index, fresh);
        return { bytes, text: (await readPdfText(bytes)).text };
      }),
    );

    const sequential = [];
    for (const [index, name] of NAMES.entries()) sequential.push(await render(name, index));
    const concurrent = await Promise.all(NAMES.map((name, index) => render(name, index)));
    // Twice over, in reverse, all at once: the order in which glyphs are first met changes.
    const reversed = await Promise.all(
      [...NAMES, ...NAMES].reverse().map((name, position) => {
        const index = NAMES.length - 1 - (position % NAMES.length);
        return render(name, index);
      }),
    );

    for (const [index, name] of NAMES.entries()) {
      const expected = reference[index]!;
      expect(expected.text).toContain(name);
      const runs = [sequential[index]!, concurrent[index]!, reversed[NAMES.length - 1 - index]!];
      // Byte for byte the reference document, so the whole text layer is the reference's letter
      // for letter (reading it again from identical bytes could not differ).
      for (const run of runs) {
        expect(Buffer.from(run.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
      }
    }
  }, 240_000);
});

describe('subsetTrueType', () => {
  const tables = readTrueTypeTables(fontBytes('DejaVuSans.ttf'));
  const font = fontkit.create(fontBytes('DejaVuSans.ttf'));

  it('writes a font fontkit can read, with glyph i = the i-th requested glyph', () => {
    const text = 'Aé Łø Жж Ωά ≥';
    const gids = [0, ...[...text].map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id)];
    const subset = fontkit.create(subsetTrueType(tables, gids));
    expect(subset.numGlyphs).toBeGreaterThanOrEqual(gids.length);
    gids.forEach((gid, index) => {
      const original = font.getGlyph(gid);
      const copy = subset.getGlyph(index);
      expect(copy.advanceWidth).toBe(original.advanceWidth);
      // Same outline (composite glyphs such as é resolve through remapped components).
      expect(copy.path.toSVG()).toBe(original.path.toSVG());
    });
  });

  it('keeps a glyph requested twice as two glyphs (two code points drawn by one glyph)', () => {
    const gid = font.glyphForCodePoint(0x41).id;
    const subset = fontkit.create(subsetTrueType(tables, [0, gid, gid]));
    expect(subset.getGlyph(1).path.toSVG()).toBe(subset.getGlyph(2).path.toSVG());
  });
});

describe('fallback fonts for the browser', () => {
  const serve = async (url: string): Promise<Response> => {
    const match = /^\/fonts\/handout\/([^/]+)\/(.+)$/.exec(url)!;
    const { GET } = await import('@/app/fonts/handout/[version]/[file]/route');
    return GET(new Request(`http://localhost${url}`), {
      params: Promise.resolve({ version: match[1]!, file: match[2]! }),
    });
  };

  it('serves a script font and a CJK block as immutable files; unknown names are 404', async () => {
    const arabic = await serve(fontFileUrl('arabic', 'bold'));
    expect(arabic.status).toBe(200);
    expect(arabic.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const block = await serve(fontFileUrl('sc-4e', 'regular'));
    expect(block.status).toBe(200);
    // One block of 256 code points, not the 10 MB font.
    expect((await block.arrayBuffer()).byteLength).toBeLessThan(200_000);
    expect((await serve('/fonts/handout/old-version/arabic.bold.ttf')).status).toBe(404);
    expect((await serve(fontFileUrl('../../package.json', 'bold'))).status).toBe(404);
    expect((await serve(fontFileUrl('sc-zz', 'bold'))).status).toBe(404);
  });

  it('the browser (fonts fetched from those URLs) and the CLI make the same PDF bytes', async () => {
    const served = async (key: string) => {
      const [regular, bold] = await Promise.all(
        (['regular', 'bold'] as const).map((weight) => serve(fontFileUrl(key, weight))),
      );
      if (regular!.status === 404) return undefined;
      return {
        regular: new Uint8Array(await regular!.arrayBuffer()),
        bold: new Uint8Array(await bold!.arrayBuffer()),
      };
    };
    const browserFonts = prepareHandoutFonts((await served(DEJAVU_CORE))!, served);
    const names = [
      'Ana García',
      'Νίκος Παπαδόπουλος',
      'Дмитрий Смирнов',
      'Nguyễn Thị Minh Khai',
      '王小明 김민준',
      'محمد عبد الله',
      'राम शर्मा',
      'สมชาย',
      'דוד כהן',
    ];
    for (const [index, name] of names.entries()) {
      const interpretation = interpretOrThrow(panelFor(name, index));
      const options = {
        lang: index % 2 === 0 ? 'en' : 'es',
        paper: index % 3 === 0 ? 'a4' : 'letter',
        generatedOn: GENERATED_ON,
      } as const;
      const server = await renderHandout(interpretation, loadHandoutFonts(), options);
      const browser = await renderHandout(interpretation, browserFonts, options);
      expect(Buffer.from(browser.bytes).equals(Buffer.from(server.bytes))).toBe(true);
    }
  });
});

/** Every string in a value, depth first. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) yield* strings(item);
  }
}

const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

describe('the DejaVu core and its blocks', () => {
  it('the core holds every character of the handout wording, in both languages', () => {
    const panels = [...GOLDEN.map((golden) => golden.panel), ...SCENARIOS.map((s) => s.panel)];
    const models = panels.flatMap((panel) =>
      (['en', 'es'] as const).map((lang) =>
        buildHandoutModel(interpretOrThrow(panel), { lang, generatedOn: GENERATED_ON }),
      ),
    );
    // Everything but the names and contact details the clinician typed.
    const wording = models.map((model) => ({
      ...model,
      facts: model.facts.map((fact) => ({ ...fact, value: '' })),
    }));
    const outside = new Set<string>();
    for (const text of strings([HANDOUT_TEXT_EN, HANDOUT_TEXT_ES, wording])) {
      for (const char of text) if (!inDejaVuCore(char.codePointAt(0)!)) outside.add(char);
    }
    expect([...outside]).toEqual([]);
    expect(fontNeeds(strings(wording)).keys).toEqual(new Set());
  });

  it('the core draws every character it claims (a core character never falls back)', () => {
    const facts = readFontFacts(readTrueTypeTables(handoutFontFile(DEJAVU_CORE, 'bold')!));
    for (const char of 'AZaz09 áéíóúñ¿¡üÁÉÍÓÚÑ µ°±×÷ ŁłŞşČčŐőŒœ ȘșȚțƠơƯưễə ‐–—‘’“”• …′″−≤≥\uFFFD') {
      expect([char, facts.glyphFor(char.codePointAt(0)!)]).not.toEqual([char, 0]);
    }
  });

  it('the first handout needs two small files: the core, regular and bold', () => {
    const { regular, bold } = coreBytes();
    // The whole faces are 380 and 352 kB gzip; the core is the handout wording and Latin names.
    expect(gzipSize(regular) + gzipSize(bold)).toBeLessThan(90_000);
  });

  it.each([
    ['Łukasz Öztürk-Ó Briain', [], 'Latin'],
    ['Νίκος Παπαδόπουλος, Ἀλέξανδρος', ['dejavu-3'], 'Greek, polytonic too'],
    ['Дмитрий Смирнов, Ђорђе', ['dejavu-4'], 'Cyrillic'],
    ['Nguyễn Thị Minh Khai, Trần Hưng Đạo', [], 'Vietnamese'],
    ['Ștefan Țurcanu, Əliyev', [], 'Romanian, Azerbaijani'],
    ['王小明', ['sc-5c', 'sc-66', 'sc-73'], 'Han'],
  ])('%s loads only %j (%s), without HarfBuzz', (name, keys) => {
    const needs = fontNeeds([name]);
    expect([...needs.keys].sort()).toEqual(keys);
    expect(needs.rtl).toBe(false);
    expect([...needs.keys].some(needsShaping)).toBe(false);
  });

  it('an Arabic or Devanagari name loads its family and HarfBuzz', () => {
    expect(fontNeeds(['محمد']).rtl).toBe(true);
    expect([...fontNeeds(['राम']).keys].some(needsShaping)).toBe(true);
  });

  it('a block holds only what lies outside the core, and a Greek block stays small', () => {
    const whole = readTrueTypeTables(fontBytes('DejaVuSans.ttf'));
    const greek = buildDejaVuPiece(whole, '3')!;
    const facts = readFontFacts(readTrueTypeTables(greek));
    expect(facts.glyphFor(0x3a9)).not.toBe(0); // Ω
    expect(facts.glyphFor(0x41)).toBe(0); // A: in the core
    expect(gzipSize(greek)).toBeLessThan(30_000);
    expect(buildDejaVuPiece(whole, blockOf(0x4e00))).toBeUndefined(); // no Han in DejaVu
  });

  it('FONT_SET_VERSION is the digest of the files served under it', () => {
    const hash = createHash('sha256');
    for (const weight of ['regular', 'bold'] as const) {
      // Every DejaVu piece (the cut itself is covered, as the CJK blocks use the same builder).
      const source = readFileSync(join(process.cwd(), sourceFontFile('dejavu', weight)));
      const facts = readFontFacts(readTrueTypeTables(new Uint8Array(source)));
      const blocks = new Set<string>();
      for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
        if (!inDejaVuCore(codePoint) && facts.glyphFor(codePoint) !== 0) {
          blocks.add(dejavuPieceOf(codePoint));
        }
      }
      hash.update(handoutFontFile(DEJAVU_CORE, weight)!);
      for (const block of blocks) hash.update(handoutFontFile(`dejavu-${block}`, weight)!);
      const families: ScriptFamily[] = ['arabic', 'hebrew', 'devanagari', 'thai', 'sc', 'kr'];
      for (const family of families) {
        hash.update(readFileSync(join(process.cwd(), sourceFontFile(family, weight))));
      }
    }
    const digest = `f-${hash.digest('hex').slice(0, 8)}`;
    // On failure: the served files changed; set FONT_SET_VERSION (lib/handout/font/files.ts) to
    // the new digest so no browser keeps an old file cached as immutable under the same URL.
    expect(FONT_SET_VERSION).toBe(digest);
  });
});
