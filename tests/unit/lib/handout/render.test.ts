import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHandoutModel, getHandoutText, sectionBlocks } from '@/lib/handout/model';
import type { HandoutModel } from '@/lib/handout/model';
import { renderHandout } from '@/lib/handout/render';
import type { HandoutFonts } from '@/lib/handout/render';
import type { Interpretation } from '@/lib/types';
import { loadHandoutFonts } from '@/server/handout-fonts';
import {
  GENERATED_ON,
  GOLDEN,
  interpretOrThrow,
  readPdfText,
  withPrintSize,
} from '@/tests/unit/support/handout';
import type { PdfText, PrintSize } from '@/tests/unit/support/handout';

const LANGS = ['en', 'es'] as const;
const PAPERS = ['letter', 'a4'] as const;
/** Every golden panel is rendered in normal and in large print (the 'age-65-plus' context). */
const PRINTS = ['normal', 'large'] as const satisfies readonly PrintSize[];
const PAGE_SIZE = { letter: [612, 792], a4: [595.28, 841.89] } as const;

interface Rendered {
  readonly interpretation: Interpretation;
  readonly model: HandoutModel;
  readonly bytes: Uint8Array;
  readonly warnings: ReadonlyArray<{ code: string; message: string }>;
  readonly pdf: PdfText;
}

let fonts: HandoutFonts;
const rendered = new Map<string, Rendered>();
const key = (id: string, lang: string, paper: string, print: PrintSize = 'normal'): string =>
  `${id}/${lang}/${paper}/${print}`;
/** The print size a golden panel has as written (its own context). */
const ownPrint = (panel: Record<string, unknown>): PrintSize =>
  Array.isArray(panel.context) && panel.context.includes('age-65-plus') ? 'large' : 'normal';
const cases = GOLDEN.flatMap((golden) =>
  LANGS.flatMap((lang) =>
    PAPERS.flatMap((paper) => PRINTS.map((print) => ({ golden, lang, paper, print }))),
  ),
);
const caseRows = cases.map(
  ({ golden, lang, paper, print }) => [golden.id, lang, paper, print] as const,
);

beforeAll(async () => {
  fonts = loadHandoutFonts();
  for (const { golden, lang, paper, print } of cases) {
    const interpretation = interpretOrThrow(withPrintSize(golden.panel, print));
    const { bytes, warnings } = await renderHandout(interpretation, fonts, {
      lang,
      paper,
      generatedOn: GENERATED_ON,
    });
    const model = buildHandoutModel(interpretation, { lang, generatedOn: GENERATED_ON });
    rendered.set(key(golden.id, lang, paper, print), {
      interpretation,
      model,
      bytes,
      warnings,
      pdf: await readPdfText(bytes),
    });
  }
});

/** A rendered golden case; by default in the print size its own context asks for. */
function get(id: string, lang: string, paper: string, print?: PrintSize): Rendered {
  const golden = GOLDEN.find((entry) => entry.id === id);
  const wanted = key(id, lang, paper, print ?? (golden ? ownPrint(golden.panel) : 'normal'));
  const entry = rendered.get(wanted);
  if (!entry) throw new Error(`not rendered: ${wanted}`);
  return entry;
}

/** pdf.js joins the drawn lines with spaces; wrapped text is compared with spaces collapsed. */
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('renderHandout', () => {
  it.each(caseRows)(
    '%s (%s, %s, %s print): the text layer holds the header, every result and the footer',
    (id, lang, paper, print) => {
      const { interpretation, model, pdf, warnings } = get(id, lang, paper, print);
      const text = getHandoutText(lang);
      const all = squash(pdf.text);
      expect(warnings).toEqual([]);
      expect(all).toContain(text.title);
      const name = interpretation.patient.name;
      if (name !== undefined) expect(all).toContain(`${text.facts.patient}: ${name}`);
      for (const fact of model.facts) expect(all).toContain(squash(fact.value));
      for (const [index, result] of interpretation.results.entries()) {
        const row = model.table.rows[index]!;
        expect(all).toContain(text.analytes[result.analyte].name);
        // The value and unit interpret() wrote, comparator in words.
        const shown = result.input.display.replace(/^(<=|>=|<|>)/, '');
        expect(squash(all.replace(/ /g, ''))).toContain(shown.replace(/ /g, ''));
        // Whole phrases, wrapped lines joined: a lost word anywhere fails.
        expect(all).toContain(squash(row.meaning));
        expect(all).toContain(squash(row.action));
        expect(all).toContain(
          text.ruleSetNames[result.ruleSet.id]?.(result.cutoffs) ?? result.ruleSet.name,
        );
      }
      // Every section, block heading, paragraph and list item of the model is in the PDF (read
      // without the page footers, which a paragraph running onto the next page straddles).
      const flowing = squash(
        pdf.items
          .filter((item) => item.text !== text.disclaimer && !/^(Page|Página) \d/.test(item.text))
          .map((item) => item.text)
          .join(' '),
      );
      for (const section of model.sections) {
        expect(flowing).toContain(section.heading);
        for (const block of sectionBlocks(section)) {
          expect(flowing).toContain(block.heading);
          for (const item of [...block.paragraphs, ...block.bullets]) {
            expect(flowing).toContain(item);
          }
        }
      }
      for (const habit of model.habits.items) expect(flowing).toContain(habit);
      expect(all).toContain(interpretation.rulesVersion);
      expect(all).toContain(text.formatDate(2026, 11, 26));
      expect(all).toContain(text.notesHeading);
      expect(all).toContain(text.habitsHeading);
      // The last words of the document are the disclaimer.
      expect(pdf.items.at(-1)?.text).toBe(text.disclaimer);
    },
  );

  it.each(caseRows)(
    '%s (%s, %s, %s print): paper size, at most two pages (three in large print), body text 12 pt or 14 pt in large print',
    (id, lang, paper, print) => {
      const { interpretation, model, pdf } = get(id, lang, paper, print);
      for (const size of pdf.pageSizes) {
        expect(size.width).toBeCloseTo(PAGE_SIZE[paper][0], 1);
        expect(size.height).toBeCloseTo(PAGE_SIZE[paper][1], 1);
      }
      // A full panel (three results, or fewer) fits on two pages, three in large print.
      expect(interpretation.results.length).toBeLessThanOrEqual(3);
      expect(pdf.pageCount).toBeLessThanOrEqual(print === 'large' ? 3 : 2);
      expect(model.largePrint).toBe(print === 'large');
      const body = print === 'large' ? 14 : 12;
      // Every drawn line of the body text (intro, results' actions, the sections' prose and
      // lists, the habits) is set at exactly the body size.
      const bodyStrings = [
        ...model.intro,
        ...model.table.rows.map((row) => row.action),
        model.table.note,
        ...model.sections.flatMap((section) =>
          sectionBlocks(section).flatMap((block) => [...block.paragraphs, ...block.bullets]),
        ),
        ...model.habits.items,
      ].map(squash);
      const bodyItems = pdf.items.filter(
        (item) => item.text.length > 12 && bodyStrings.some((text) => text.includes(item.text)),
      );
      expect(bodyItems.length).toBeGreaterThan(25);
      for (const item of bodyItems) expect(item.size).toBeCloseTo(body, 5);
      // Every line of the "why it matters" prose is there at the body size.
      const why = model.sections[0]!.why.paragraphs[0]!;
      const whyItems = pdf.items.filter((item) => item.text.length > 20 && why.includes(item.text));
      expect(whyItems.length).toBeGreaterThan(1);
      for (const item of whyItems) expect(item.size).toBeCloseTo(body, 5);
      // The most common size on the page is the body size; nothing is smaller than 9 pt.
      const counts = new Map<number, number>();
      for (const item of pdf.items) counts.set(item.size, (counts.get(item.size) ?? 0) + 1);
      const [mode] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      expect(mode).toBeCloseTo(body, 5);
      expect(Math.min(...pdf.items.map((item) => item.size))).toBeGreaterThanOrEqual(9);
    },
  );

  it.each(caseRows)(
    '%s (%s, %s, %s print): each food list runs on without gaps, whatever the column beside it does',
    (id, lang, paper, print) => {
      const { model, pdf } = get(id, lang, paper, print);
      for (const section of model.sections) {
        const foods = section.foods;
        const [first] = foods?.bullets ?? [];
        if (foods === undefined) continue;
        if (first === undefined) continue;
        const start = pdf.items.find((item) => item.text.length > 4 && first.startsWith(item.text));
        expect(start).toBeDefined();
        // The list's lines (first lines and wrapped lines share one indent), top down.
        const column = pdf.items
          .filter(
            (item) =>
              item.page === start!.page && Math.abs(item.x - start!.x) < 0.5 && item.y <= start!.y,
          )
          .sort((a, b) => b.y - a.y);
        const whole = squash(foods.bullets.join(' '));
        const lines: typeof column = [];
        let joined = '';
        for (const item of column) {
          const next = squash(`${joined} ${item.text}`);
          if (!whole.startsWith(next)) break;
          lines.push(item);
          joined = next;
        }
        expect(joined.length).toBeGreaterThan(first.length - 1);
        // Equal steps from line to line: no blank line where the other column wrapped.
        const steps = lines.slice(1).map((item, index) => lines[index]!.y - item.y);
        for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 3);
      }
    },
  );

  it.each(LANGS)(
    'writes title, language, producer and dates into the metadata (%s)',
    async (lang) => {
      const { bytes, model } = get(GOLDEN[0]!.id, lang, 'letter');
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(doc.getTitle()).toBe(model.title);
      expect(doc.getProducer()).toMatch(/handout/);
      const language = doc.catalog.get(PDFName.of('Lang'));
      expect(language).toBeInstanceOf(PDFString);
      expect((language as PDFString).decodeText()).toBe(lang === 'en' ? 'en-US' : 'es-US');
      expect(doc.getCreationDate()?.toISOString()).toBe(`${GENERATED_ON}T00:00:00.000Z`);
    },
  );

  it('is deterministic: the same input gives the same bytes', async () => {
    const { interpretation, bytes } = get(GOLDEN[3]!.id, 'es', 'a4');
    const again = await renderHandout(interpretation, fonts, {
      lang: 'es',
      paper: 'a4',
      generatedOn: GENERATED_ON,
    });
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('prints generatedOn, not the clock', async () => {
    const { interpretation } = get(GOLDEN[0]!.id, 'en', 'letter');
    const { bytes } = await renderHandout(interpretation, fonts, {
      lang: 'en',
      paper: 'letter',
      generatedOn: '2031-02-03',
    });
    expect((await readPdfText(bytes)).text).toContain('Made on February 3, 2031.');
  });

  it('embeds each font once, as a subset, with a ToUnicode map', async () => {
    const { bytes } = get(GOLDEN[0]!.id, 'en', 'letter');
    const doc = await PDFDocument.load(bytes);
    const type0 = doc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter(
        (object): object is PDFDict =>
          object instanceof PDFDict && object.get(PDFName.of('Subtype')) === PDFName.of('Type0'),
      );
    const names = type0.map((dict) => String(dict.get(PDFName.of('BaseFont'))));
    for (const name of names) expect(name).toMatch(/^\/[A-Z]{6}\+DejaVuSans/);
    expect(names.map((name) => name.slice('/ABCDEF+'.length)).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    for (const dict of type0) expect(dict.get(PDFName.of('ToUnicode'))).toBeDefined();
  });

  it('keeps every handout under 60 KB', () => {
    for (const entry of rendered.values()) expect(entry.bytes.length).toBeLessThan(60 * 1024);
  });

  it('says "we can\'t tell" for an indeterminate result, "Low (below 300)" when low either way, and marks a range', () => {
    const { model, pdf } = get('censored-indeterminate', 'en', 'letter');
    expect(model.table.rows.map((row) => row.meaning)).toEqual([
      "We can't tell from this result",
      'Low (below 300)',
    ]);
    for (const row of model.table.rows) expect(row.scale.marker.kind).toBe('range');
    expect(squash(pdf.text)).toContain('You are somewhere in here (?)');
    expect(squash(pdf.text)).toContain('more than 25 ng/mL');
    expect(squash(pdf.text)).toContain('less than 300 pg/mL');
  });

  it.each([
    [
      'en',
      'Call your clinician today. See the red box at the top.',
      'Your clinician may repeat the test. Tell them about any pills you take.',
    ],
    [
      'es',
      'Llame hoy a su proveedor de salud. Vea el cuadro rojo de arriba.',
      'Puede que repitan el análisis. Dígale qué pastillas toma.',
    ],
  ] as const)(
    'tells the patient to call today about a critical value, beside the result (%s)',
    (lang, callToday, highNotCritical) => {
      // Vitamin D 160 ng/mL and magnesium 2.2 mmol/L are critical (> 150 ng/mL, > 2.0 mmol/L);
      // B12 1500 pg/mL is high, not critical (clinical reference 1, 8.2).
      const { interpretation, model, pdf } = get('high-and-critical', lang, 'letter');
      expect(interpretation.results.map((result) => [result.analyte, result.critical])).toEqual([
        ['vitamin-d', true],
        ['vitamin-b12', false],
        ['magnesium', true],
      ]);
      expect(model.table.rows.map((row) => row.action)).toEqual([
        callToday,
        highNotCritical,
        callToday,
      ]);
      expect(squash(pdf.text)).toContain(callToday);
    },
  );

  it.each([
    ['normal', 'Dr. Maximiliana Alexandrina Featherstonehaugh-Montgomery-Wolfeschlegel'],
    ['large', 'Dr. Maximiliana Alexandrina Featherstonehaugh-Montgomery-Wolfeschlegel'],
    ['normal', `Dr. ${'Wolfeschlegelsteinhausenbergerdorff'.repeat(3)} Smith`],
  ] as const)(
    'a long clinician name (%s print) wraps at spaces; only a word longer than the line is hyphenated; the summary box stays',
    async (print, name) => {
      const golden = GOLDEN.find((entry) => entry.id === 'all-low-us-units')!;
      const panel = withPrintSize(
        { ...golden.panel, clinician: { ...(golden.panel.clinician as object), name } },
        print,
      );
      const interpretation = interpretOrThrow(panel);
      const { bytes } = await renderHandout(interpretation, fonts, {
        lang: 'en',
        paper: 'letter',
        generatedOn: GENERATED_ON,
      });
      const pdf = await readPdfText(bytes);
      const label = pdf.items.find((item) => item.text.startsWith('Your clinician:'))!;
      // The name's lines: the label's line and the lines under it in the same column.
      const lines = pdf.items
        .filter(
          (item) =>
            item.page === 1 &&
            item.y <= label.y + 0.5 &&
            item.y > label.y - label.size * 8 &&
            item.x >= label.x - 0.5,
        )
        .sort((a, b) => b.y - a.y || a.x - b.x)
        .map((item) => item.text.replace(/^Your clinician:\s*/, ''))
        .filter((text) => text !== '');
      const joined = lines.join(' ');
      const maxLine = Math.max(...lines.map((line) => line.length));
      for (const word of name.split(' ')) {
        if (word.length <= maxLine) {
          // A word that fits a line is drawn whole on one line.
          expect(
            lines.some((line) => line.split(' ').includes(word)),
            word,
          ).toBe(true);
        } else {
          // A longer word is cut with a visible hyphen at each break.
          expect(joined.replace(/- /g, '')).toContain(word);
          expect(lines.filter((line) => line.endsWith('-')).length).toBeGreaterThan(0);
        }
      }
      expect(pdf.items.some((item) => item.text === 'In short')).toBe(true);
    },
  );
});
