import { beforeAll, describe, expect, it } from 'vitest';
import { buildHandoutModel, sectionBlocks } from '@/lib/handout/model';
import type { HandoutModel } from '@/lib/handout/model';
import { renderHandout } from '@/lib/handout/render';
import { getHandoutText } from '@/lib/handout/model';
import { loadHandoutFonts } from '@/server/handout-fonts';
import { NEVER, RED_FLAGS, SCENARIOS } from '@/tests/unit/support/handout-scenarios';
import {
  bodyText,
  fernandezHuerta,
  fernandezHuertaWordsPerSentence,
  fleschKincaidGrade,
  GENERATED_ON,
  interpretOrThrow,
  readPdfText,
} from '@/tests/unit/support/handout';
import type { PdfText } from '@/tests/unit/support/handout';

const LANGS = ['en', 'es'] as const;
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** The action beside a critical result, written out (clinical reference 8.2: "Call ... today"). */
const CALL_TODAY = {
  en: 'Call your clinician today. See the red box at the top.',
  es: 'Llame hoy a su proveedor de salud. Vea el cuadro rojo de arriba.',
} as const;

interface Rendered {
  readonly model: HandoutModel;
  readonly pdf: PdfText;
  /** Every line of text but the page footers, joined with spaces. */
  readonly flowing: string;
}

const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const fonts = loadHandoutFonts();
  for (const scenario of SCENARIOS) {
    const interpretation = interpretOrThrow(scenario.panel);
    for (const lang of LANGS) {
      const { bytes } = await renderHandout(interpretation, fonts, {
        lang,
        paper: 'letter',
        generatedOn: GENERATED_ON,
      });
      const pdf = await readPdfText(bytes);
      const model = buildHandoutModel(interpretation, { lang, generatedOn: GENERATED_ON });
      const text = getHandoutText(lang);
      const flowing = squash(
        pdf.items
          .filter((item) => item.text !== text.disclaimer && !/^(Page|Página) \d/.test(item.text))
          .map((item) => item.text)
          .join(' '),
      );
      rendered.set(`${scenario.id}/${lang}`, { model, pdf, flowing });
    }
  }
}, 120_000);

const rows = SCENARIOS.flatMap((scenario) => LANGS.map((lang) => [scenario.id, lang] as const));
const get = (id: string, lang: (typeof LANGS)[number]): Rendered => rendered.get(`${id}/${lang}`)!;
const scenarioOf = (id: string) => SCENARIOS.find((scenario) => scenario.id === id)!;

/** Every sentence the model puts in running text (not the table's per-row cells). */
function sentencesOf(model: HandoutModel): string[] {
  const strings = [
    ...model.intro,
    ...(model.critical
      ? [model.critical.call, ...model.critical.emergencies.flatMap((g) => [g.lead, ...g.items])]
      : []),
    ...model.summary.results,
    ...model.summary.notices,
    ...model.actions.items,
    ...model.redFlags.groups.flatMap((group) => [group.lead, ...group.items]),
    ...model.redFlags.extra,
    model.table.note,
    ...model.sections.flatMap((section) =>
      sectionBlocks(section).flatMap((block) => [...block.paragraphs, ...block.bullets]),
    ),
    ...(model.panelNotes?.paragraphs ?? []),
    ...model.habits.items,
  ];
  return strings.flatMap((text) =>
    text
      .split(/(?<=[.!?])\s+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== ''),
  );
}

describe('patient handout safety scenarios (text extracted from the real PDF)', () => {
  it.each(rows)('%s (%s): says what it must', (id, lang) => {
    const { flowing } = get(id, lang);
    for (const phrase of scenarioOf(id).mustAppear[lang]) expect(flowing).toContain(phrase);
  });

  it.each(rows)('%s (%s): never says what it must not', (id, lang) => {
    const { flowing } = get(id, lang);
    for (const phrase of [...scenarioOf(id).mustNotAppear[lang], ...NEVER[lang]]) {
      expect(flowing).not.toContain(phrase);
    }
  });

  it.each(rows)('%s (%s): the red-flag box is on page 1, whole', (id, lang) => {
    const { pdf, flowing } = get(id, lang);
    for (const phrase of RED_FLAGS[lang]) expect(flowing).toContain(phrase);
    const heading = pdf.items.find((item) => item.text === RED_FLAGS[lang][0]);
    expect(heading?.page).toBe(1);
    const last = pdf.items.find((item) => RED_FLAGS[lang][8].startsWith(item.text.slice(0, 12)));
    expect(last?.page).toBe(1);
  });

  it.each(rows)(
    '%s (%s): a critical result puts "call today" at the top of page 1 and beside the result',
    (id, lang) => {
      const { model, pdf } = get(id, lang);
      const interpretation = interpretOrThrow(scenarioOf(id).panel);
      const critical = interpretation.results.some((result) => result.critical);
      const text = getHandoutText(lang);
      expect(model.critical !== undefined).toBe(critical);
      if (!critical) return;
      const call = pdf.items.find((item) => model.critical!.call.startsWith(item.text));
      const summary = pdf.items.find((item) => item.text === text.summaryHeading);
      expect(call?.page).toBe(1);
      expect(call!.y).toBeGreaterThan(summary!.y);
      interpretation.results.forEach((result, index) => {
        if (result.critical) expect(model.table.rows[index]!.action).toBe(CALL_TODAY[lang]);
      });
      expect(model.actions.items).not.toContain(text.actions.book);
    },
  );

  it.each(rows)(
    '%s (%s): at most 2 pages at 12 pt, 3 in large print; print size from age or flag',
    (id, lang) => {
      const { model, pdf } = get(id, lang);
      const large = scenarioOf(id).largePrint === true;
      expect(model.largePrint).toBe(large);
      expect(pdf.pageCount).toBeLessThanOrEqual(large ? 3 : 2);
      // The summary box stays in large print.
      expect(pdf.items.some((item) => item.text === getHandoutText(lang).summaryHeading)).toBe(
        true,
      );
    },
  );

  it.each(rows)('%s (%s): one sentence, one place', (id, lang) => {
    const { model, flowing } = get(id, lang);
    const sentences = sentencesOf(model);
    const repeated = sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index);
    expect(repeated).toEqual([]);
    // And the PDF shows each longer sentence once (the footer disclaimer aside).
    for (const sentence of sentences.filter((s) => s.length > 30)) {
      expect(flowing.split(sentence).length - 1).toBe(1);
    }
  });

  it.each(SCENARIOS.map((scenario) => scenario.id))(
    '%s: grade 6 or below in English, Fernández-Huerta 70 or more in Spanish',
    (id) => {
      const en = get(id, 'en');
      const es = get(id, 'es');
      expect(fleschKincaidGrade(bodyText(en.model, en.pdf.items))).toBeLessThanOrEqual(6);
      const spanish = bodyText(es.model, es.pdf.items);
      expect(fernandezHuerta(spanish)).toBeGreaterThanOrEqual(70);
      expect(fernandezHuertaWordsPerSentence(spanish)).toBeGreaterThanOrEqual(70);
    },
  );
});
