import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fallbackFontUrl } from '@/lib/handout/font/files';
import { prepareHandoutFonts, renderHandout } from '@/lib/handout/render';
import { readTrueTypeTables, subsetTrueType } from '@/lib/handout/truetype-subset';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { GENERATED_ON, GOLDEN, interpretOrThrow, readPdfText } from './handout-test-utils';

const fontBytes = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(process.cwd(), 'public', 'fonts', file)));

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
        const fresh = prepareHandoutFonts({
          regular: fontBytes('DejaVuSans.ttf'),
          bold: fontBytes('DejaVuSans-Bold.ttf'),
        });
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
  });
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
    const arabic = await serve(fallbackFontUrl('arabic', 'bold'));
    expect(arabic.status).toBe(200);
    expect(arabic.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const block = await serve(fallbackFontUrl('sc-4e', 'regular'));
    expect(block.status).toBe(200);
    // One block of 256 code points, not the 10 MB font.
    expect((await block.arrayBuffer()).byteLength).toBeLessThan(200_000);
    expect((await serve('/fonts/handout/old-version/arabic.bold.ttf')).status).toBe(404);
    expect((await serve(fallbackFontUrl('../../package.json', 'bold'))).status).toBe(404);
    expect((await serve(fallbackFontUrl('sc-zz', 'bold'))).status).toBe(404);
  });

  it('the browser (fonts fetched from those URLs) and the CLI make the same PDF bytes', async () => {
    const browserFonts = prepareHandoutFonts(
      { regular: fontBytes('DejaVuSans.ttf'), bold: fontBytes('DejaVuSans-Bold.ttf') },
      async (key) => {
        const [regular, bold] = await Promise.all(
          (['regular', 'bold'] as const).map((weight) => serve(fallbackFontUrl(key, weight))),
        );
        if (regular!.status === 404) return undefined;
        return {
          regular: new Uint8Array(await regular!.arrayBuffer()),
          bold: new Uint8Array(await bold!.arrayBuffer()),
        };
      },
    );
    const names = ['Ana García', '王小明 김민준', 'محمد عبد الله', 'राम शर्मा', 'สมชาย', 'דוד כהן'];
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
