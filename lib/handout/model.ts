import type {
  AnalyteId,
  Band,
  BandStatus,
  Interpretation,
  ResultInterpretation,
  Status,
} from '../types';
import {
  ageInYears,
  foodsId,
  habitId,
  CRITICAL_CITATION_IDS,
  LARGE_PRINT_AGE_YEARS,
  PATIENT_RULES,
  RED_FLAG_CITATION_IDS,
} from '../safety/patient-rules';
import type { PatientPlace, PatientRuleId } from '../safety/patient-rules';
import { allIn, anyIn, applyRules, factsOf } from '../safety/rule';
import type { RuleFacts } from '../safety/rule';
import { HANDOUT_TEXT_EN } from './text/en';
import { HANDOUT_TEXT_ES } from './text/es';
import { HABIT_IDS, HANDOUT_WARNING_CODES } from './text/handout-text';
import type { CriticalKind, HandoutLang, HandoutText } from './text/handout-text';

export type { HandoutLang } from './text/handout-text';

/** Options of {@link buildHandoutModel}. */
export interface HandoutModelOptions {
  readonly lang: HandoutLang;
  /** The date printed as "made on", YYYY-MM-DD (the caller's clock, never read here). */
  readonly generatedOn: string;
}

/** What each header line holds, so a renderer can style the name or leave it out of checks. */
export type HandoutFactKind = 'patient' | 'collectedOn' | 'clinician' | 'clinic' | 'phone';

/** One segment of a band scale, in scale order. */
export interface HandoutScaleSegment {
  readonly status: BandStatus;
  readonly label: string;
  /** The band the result falls in (drawn with a heavier outline). */
  readonly isResult: boolean;
}

/** A place on the scale: a segment index and how far across it (0 to 1). */
export interface HandoutScalePoint {
  readonly segment: number;
  readonly fraction: number;
}

/**
 * Where the result sits on the scale. `point` is an exact or decided censored value (an open
 * end points `below` or `above`); `range` is an indeterminate censored value: somewhere between
 * `from` and `to`. Segment widths are the layout's business; positions are given per segment.
 */
export type HandoutScaleMarker =
  | {
      readonly kind: 'point';
      readonly at: HandoutScalePoint;
      readonly openEnd: 'none' | 'below' | 'above';
      readonly label: string;
    }
  | {
      readonly kind: 'range';
      readonly from: HandoutScalePoint;
      readonly to: HandoutScalePoint;
      readonly label: string;
    };

/** A simple band scale: bands labelled in words, and a marker. */
export interface HandoutScale {
  readonly segments: readonly HandoutScaleSegment[];
  readonly marker: HandoutScaleMarker;
}

/** One row of the results table. */
export interface HandoutRow {
  readonly analyte: AnalyteId;
  readonly test: string;
  /** The value with its unit, a comparator written in words ("less than 5 ng/mL"). */
  readonly result: string;
  readonly status: Status;
  readonly meaning: string;
  readonly action: string;
  readonly critical: boolean;
  readonly scale: HandoutScale;
}

/** A titled block of a test section: paragraphs, then a bulleted list. */
export interface HandoutBlock {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly bullets: readonly string[];
}

/** Everything the handout says about one test; a block with nothing to say is left out. */
export interface HandoutSection {
  readonly analyte: AnalyteId;
  readonly heading: string;
  /** Why it matters, and the patient's own level. */
  readonly why: HandoutBlock;
  /** What the patient does now (stop lines, "your clinician will decide today"). */
  readonly doNow?: HandoutBlock;
  /** The food list headed by the nutrient, or why no more is needed. */
  readonly foods?: HandoutBlock;
  readonly suggest?: HandoutBlock;
  /** Notes on the ticked context, worded by the direction of the result. */
  readonly goodToKnow?: HandoutBlock;
}

/**
 * The blocks of a section in reading order, the empty ones left out.
 * @param section - a section of the model
 * @returns why, what to do, foods, suggestions, good to know: those present
 */
export function sectionBlocks(section: HandoutSection): HandoutBlock[] {
  const blocks = [section.why, section.doNow, section.foods, section.suggest, section.goodToKnow];
  return blocks.filter((block): block is HandoutBlock => block !== undefined);
}

/** A lead line and the bullets under it. */
export interface HandoutGroup {
  readonly lead: string;
  readonly items: readonly string[];
}

/** The whole handout as strings and simple structures: the renderer only lays it out. */
export interface HandoutModel {
  readonly lang: HandoutLang;
  readonly pdfLanguage: 'en-US' | 'es-US';
  /** 14 pt body text instead of 12 pt: 65 or older by birth date at asOf, or the context flag. */
  readonly largePrint: boolean;
  readonly title: string;
  readonly subject: string;
  readonly intro: readonly string[];
  readonly facts: ReadonlyArray<{
    readonly kind: HandoutFactKind;
    readonly label: string;
    readonly value: string;
  }>;
  readonly summary: {
    readonly heading: string;
    /** One short line per result. */
    readonly results: readonly string[];
  };
  /** A critical result: call today (the box's heading), and when to call 911 (top of page 1). */
  readonly critical?: {
    readonly call: string;
    readonly emergencies: readonly HandoutGroup[];
  };
  /** The patient's own actions (page 1). */
  readonly actions: { readonly heading: string; readonly items: readonly string[] };
  /** Back-pain red flags (page 1, every handout); `extra` is shown under the groups. */
  readonly redFlags: {
    readonly heading: string;
    readonly groups: readonly HandoutGroup[];
    readonly extra: readonly string[];
  };
  readonly table: {
    readonly heading: string;
    readonly columns: HandoutText['columns'];
    readonly rows: readonly HandoutRow[];
    readonly note: string;
  };
  readonly sections: readonly HandoutSection[];
  /** Notes about the whole handout (medicines, kidneys, pregnancy), each once. */
  readonly panelNotes?: HandoutBlock;
  readonly habits: { readonly heading: string; readonly items: readonly string[] };
  /** Every citation behind the sentences shown (patient rules, red flags, critical lists). */
  readonly citationIds: readonly string[];
  readonly notesHeading: string;
  readonly footer: {
    /** Rule sets, rules version and date generated. */
    readonly lines: readonly string[];
    /** Page label template with `{page}` and `{pages}`. */
    readonly pageTemplate: string;
    readonly disclaimer: string;
  };
}

const TEXTS: Readonly<Record<HandoutLang, HandoutText>> = {
  en: HANDOUT_TEXT_EN,
  es: HANDOUT_TEXT_ES,
};

/**
 * The wording of one language.
 * @param lang - `en` or `es`
 * @returns the handout text of that language
 */
export function getHandoutText(lang: HandoutLang): HandoutText {
  return TEXTS[lang];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function formatIsoDate(text: HandoutText, isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return isoDate;
  return text.formatDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "<5 ng/mL" -> "less than 5 ng/mL": the comparator in words, the rest as interpret() wrote it. */
function describeResult(text: HandoutText, result: ResultInterpretation): string {
  const { comparator, display } = result.input;
  if (comparator === null || !display.startsWith(comparator)) return display;
  return `${text.comparatorWords[comparator]} ${display.slice(comparator.length).trim()}`;
}

/** A point marker stays this far inside its band so it is never read as the next band. */
const POINT_INSET = 0.12;

/** Where a value sits inside a band, 0 to 1; an open end is drawn one band-width wide. */
function fractionInBand(band: Band, value: number): number {
  const lower = band.lower ?? 0;
  const upper = band.upper ?? (band.lower !== null ? band.lower * 2 : 1);
  if (upper <= lower) return 0.5;
  return Math.min(1, Math.max(0, (value - lower) / (upper - lower)));
}

/** Where a bound sits on the scale (ties at a shared edge go to the lower band: same spot). */
function locate(bands: readonly Band[], value: number): HandoutScalePoint {
  const index = bands.findIndex(
    (band) =>
      (band.lower === null || value >= band.lower) && (band.upper === null || value <= band.upper),
  );
  const segment = index === -1 ? bands.length - 1 : index;
  const band = bands[segment];
  return { segment, fraction: band ? fractionInBand(band, value) : 0.5 };
}

function buildScale(text: HandoutText, result: ResultInterpretation): HandoutScale {
  const segments = result.bands.map((band): HandoutScaleSegment => ({
    status: band.status,
    label: text.bandWords[band.status],
    isResult: band.status === result.status,
  }));
  const { value, comparator } = result.input;
  const openEnd = comparator === null ? 'none' : comparator.startsWith('<') ? 'below' : 'above';
  const last = Math.max(0, segments.length - 1);

  if (result.status === 'indeterminate') {
    const bound = locate(result.bands, value);
    const marker: HandoutScaleMarker =
      openEnd === 'below'
        ? { kind: 'range', from: { segment: 0, fraction: 0 }, to: bound, label: text.somewhereHere }
        : {
            kind: 'range',
            from: bound,
            to: { segment: last, fraction: 1 },
            label: text.somewhereHere,
          };
    return { segments, marker };
  }
  // The marker goes inside the band interpret() chose, so the picture always agrees with the words.
  const own = result.bands.findIndex((band) => band.status === result.status);
  const band = result.bands[own];
  const at: HandoutScalePoint = band
    ? {
        segment: own,
        fraction: Math.min(1 - POINT_INSET, Math.max(POINT_INSET, fractionInBand(band, value))),
      }
    : locate(result.bands, value);
  return { segments, marker: { kind: 'point', at, openEnd, label: text.youAreHere } };
}

/**
 * The status whose wording a result takes: a censored value that is low whichever band it is in
 * ("<25 ng/mL") reads as low, not "we can't tell" (section 8.6).
 */
function wordingStatus(facts: RuleFacts): Status {
  if (facts.status === 'indeterminate' && allIn(facts, ['deficient', 'insufficient'])) {
    return facts.possible.includes('deficient') ? 'deficient' : 'insufficient';
  }
  return facts.status;
}

function describeMeaning(
  text: HandoutText,
  result: ResultInterpretation,
  facts: RuleFacts,
): string {
  const words = text.analytes[result.analyte];
  const status = wordingStatus(facts);
  if (status !== result.status) {
    return fill(words.lowCensored, { bound: String(result.input.value) });
  }
  return words.statusWords[status];
}

function criticalKind(facts: RuleFacts): CriticalKind | null {
  if (facts.analyte === 'vitamin-d' && facts.critical === 'high') return 'vitamin-d-high';
  if (facts.analyte === 'magnesium' && facts.critical === 'high') return 'magnesium-high';
  if (facts.analyte === 'magnesium' && facts.critical === 'low') return 'magnesium-low';
  return null;
}

const isPreliminary = (result: ResultInterpretation): boolean =>
  result.reportStatus === 'preliminary' ||
  result.warnings.some((warning) => warning.code === 'preliminary-result');

/**
 * What the lab document's warnings on a test's results mean for the patient, each once: said
 * under "good to know" in the test's section (see HANDOUT_WARNING_CODES). A preliminary result
 * is said in the summary and beside its value instead, where it is seen first.
 */
function labNotes(text: HandoutText, results: readonly ResultInterpretation[]): string[] {
  const codes = new Set(
    results.flatMap((result) => result.warnings.map((warning) => warning.code)),
  );
  return HANDOUT_WARNING_CODES.filter(
    (code) => code !== 'preliminary-result' && codes.has(code),
  ).map((code) => text.resultNotices[code]);
}

function buildRow(text: HandoutText, result: ResultInterpretation, facts: RuleFacts): HandoutRow {
  const words = text.analytes[result.analyte];
  const shown = describeResult(text, result);
  return {
    analyte: result.analyte,
    test: words.name,
    result: isPreliminary(result) ? `${shown} ${text.preliminaryMark}` : shown,
    status: result.status,
    meaning: describeMeaning(text, result, facts),
    action: result.critical ? text.critical.rowAction : words.action[wordingStatus(facts)],
    critical: result.critical,
    scale: buildScale(text, result),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** One result with its rule facts and the rules that matched it. */
interface Evaluated {
  readonly result: ResultInterpretation;
  readonly facts: RuleFacts;
  readonly shown: ReadonlyArray<{ readonly id: PatientRuleId; readonly place: PatientPlace }>;
}

/**
 * Keeps each sentence once across the whole handout (one sentence, one place): the first use, in
 * reading order, wins.
 */
class SentenceLedger {
  private readonly seen = new Set<string>();

  take(sentences: readonly string[]): string[] {
    return sentences.filter((sentence) => {
      if (this.seen.has(sentence)) return false;
      this.seen.add(sentence);
      return true;
    });
  }
}

function block(
  heading: string,
  paragraphs: readonly string[],
  bullets: readonly string[],
): HandoutBlock | undefined {
  return paragraphs.length + bullets.length === 0 ? undefined : { heading, paragraphs, bullets };
}

function buildSection(
  text: HandoutText,
  analyte: AnalyteId,
  evaluated: readonly Evaluated[],
  suppressed: ReadonlySet<string>,
  ledger: SentenceLedger,
): HandoutSection {
  const words = text.analytes[analyte];
  const own = evaluated.filter((entry) => entry.result.analyte === analyte);
  const statuses = unique(own.map((entry) => wordingStatus(entry.facts)));
  const sentences = (place: PatientPlace): string[] =>
    ledger.take(
      unique(
        own.flatMap((entry) =>
          entry.shown.filter((rule) => rule.place === place).map((rule) => rule.id),
        ),
      )
        .filter((id) => !suppressed.has(id))
        .map((id) => text.rules[id]),
    );
  // What a low level does only where the level is (or may be) low; on a healthy level, that
  // extra pills have not been shown to help (8.5). A high level gets neither: it has its stop lines.
  const mayBeLow = own.some((entry) => anyIn(entry.facts, ['deficient', 'insufficient']));
  const healthy = own.some((entry) => entry.facts.status === 'sufficient');
  const why = ledger.take([
    ...words.why,
    ...(mayBeLow ? words.whyWhenLow : []),
    ...(healthy && !mayBeLow ? words.whyWhenNotLow : []),
    ...unique(statuses.map((s) => words.yourLevel[s])),
  ]);
  const doNow = sentences('doNow');
  const foodNotes = sentences('foods');
  const foods = suppressed.has(foodsId(analyte)) ? [] : ledger.take(words.foods);
  const suggest = sentences('suggest');
  const notes = [
    ...labNotes(
      text,
      own.map((entry) => entry.result),
    ),
    ...sentences('goodToKnow'),
  ];
  const headings = text.sectionHeadings;
  return {
    analyte,
    heading: words.heading,
    why: { heading: headings.why, paragraphs: [why.join(' ')], bullets: [] },
    // Short instructions: run on after their heading, to keep the sheet to two pages.
    doNow: block(
      headings.doNow,
      [doNow.join(' ')].filter((line) => line !== ''),
      [],
    ),
    foods: block(words.foodsHeading, foodNotes, foods),
    suggest: block(headings.suggest, [], suggest),
    goodToKnow: block(headings.goodToKnow, notes, []),
  };
}

/**
 * Turns an interpretation into the strings and shapes of the patient handout. Pure: every
 * classification comes from the interpretation (status, bands, input.display, context); which
 * sentences apply comes from the patient rules (lib/safety/patient-rules.ts); the wording comes
 * from the language file; the date printed is `options.generatedOn`. Each sentence appears once.
 * @param interpretation - the output of `interpret()`
 * @param options - `lang` (`en` or `es`) and `generatedOn` (YYYY-MM-DD)
 * @returns the handout model a renderer lays out
 */
export function buildHandoutModel(
  interpretation: Interpretation,
  options: HandoutModelOptions,
): HandoutModel {
  const text = getHandoutText(options.lang);
  const { patient, clinician, context } = interpretation;
  const facts: Array<HandoutModel['facts'][number]> = [];
  const addFact = (kind: HandoutFactKind, value: string | null | undefined): void => {
    if (value !== undefined && value !== null && value.trim() !== '') {
      facts.push({ kind, label: text.facts[kind], value: value.trim() });
    }
  };
  addFact('patient', patient.name);
  addFact(
    'collectedOn',
    interpretation.collectedOn === null ? null : formatIsoDate(text, interpretation.collectedOn),
  );
  addFact('clinician', clinician.name);
  addFact('clinic', clinician.clinic);
  addFact('phone', clinician.phone);

  // Age at the interpretation's date (the caller's generatedOn when interpret() had no asOf).
  const age = ageInYears(patient.birthDate, interpretation.asOf ?? options.generatedOn);
  const evaluated: Evaluated[] = interpretation.results.map((result) => {
    const resultFacts = factsOf(result, context, age);
    const outcome = applyRules(PATIENT_RULES, resultFacts);
    return {
      result,
      facts: resultFacts,
      shown: outcome.shown.map((entry) => ({
        id: entry.id as PatientRuleId,
        place: entry.content,
      })),
    };
  });
  const suppressed = new Set(
    evaluated.flatMap((entry) => [...applyRules(PATIENT_RULES, entry.facts).suppressed]),
  );
  const panelIds = (place: PatientPlace): string[] =>
    unique(
      evaluated.flatMap((entry) =>
        entry.shown.filter((rule) => rule.place === place).map((rule) => rule.id),
      ),
    )
      .filter((id) => !suppressed.has(id))
      .map((id) => text.rules[id as PatientRuleId]);

  const ledger = new SentenceLedger();
  const rows = evaluated.map((entry) => buildRow(text, entry.result, entry.facts));

  const criticalGroups = unique(
    evaluated.flatMap((entry) => {
      const kind = criticalKind(entry.facts);
      return kind === null ? [] : [kind];
    }),
  ).map((kind) => ({
    lead: fill(text.critical.call911, {
      test: text.analytes[kind.startsWith('vitamin-d') ? 'vitamin-d' : 'magnesium'].name,
    }),
    items: text.critical.symptoms[kind],
  }));
  const anyCritical = interpretation.results.some((result) => result.critical);
  const phone = clinician.phone?.trim();
  const critical = anyCritical
    ? {
        call: fill(text.critical.callToday, {
          phone: phone === undefined || phone === '' ? text.critical.blankPhone : phone,
        }),
        emergencies: criticalGroups,
      }
    : undefined;

  const allNormal = interpretation.results.every((result) => result.status === 'sufficient');
  const actions = {
    heading: text.actions.heading,
    items: ledger.take([
      ...(anyCritical ? [] : [text.actions.book]),
      text.actions.bringPills,
      ...(allNormal ? text.actions.allNormal : []),
    ]),
  };
  const redFlags = {
    heading: text.redFlags.heading,
    groups: text.redFlags.groups,
    extra: ledger.take(panelIds('redFlags')),
  };

  const analytes = unique(interpretation.results.map((result) => result.analyte));
  const sections = analytes.map((analyte) =>
    buildSection(text, analyte, evaluated, suppressed, ledger),
  );
  const panelNotes = block(text.panelNotesHeading, ledger.take(panelIds('panel')), []);
  const habits = ledger.take(
    HABIT_IDS.filter((id) => !suppressed.has(habitId(id))).map((id) => text.habits[id]),
  );

  const ruleSetNames = unique(
    interpretation.results.map(
      (result) =>
        `${text.analytes[result.analyte].name}: ${text.ruleSetNames[result.ruleSet.id] ?? result.ruleSet.name}`,
    ),
  );
  const citationIds = unique([
    ...RED_FLAG_CITATION_IDS,
    ...(anyCritical ? CRITICAL_CITATION_IDS : []),
    ...evaluated.flatMap((entry) => applyRules(PATIENT_RULES, entry.facts).citationIds),
  ]);

  return {
    lang: text.lang,
    pdfLanguage: text.pdfLanguage,
    largePrint: context.includes('age-65-plus') || (age !== null && age >= LARGE_PRINT_AGE_YEARS),
    title: text.title,
    subject: text.subject,
    intro: text.intro,
    facts,
    summary: {
      heading: text.summaryHeading,
      results: rows.map((row, index) => {
        const result = interpretation.results[index];
        const line = text.summaryLine(row.test, row.meaning);
        return result !== undefined && isPreliminary(result)
          ? `${line} ${text.resultNotices['preliminary-result']}`
          : line;
      }),
    },
    ...(critical === undefined ? {} : { critical }),
    actions,
    redFlags,
    table: { heading: text.tableHeading, columns: text.columns, rows, note: text.tableNote },
    sections,
    ...(panelNotes === undefined ? {} : { panelNotes }),
    habits: { heading: text.habitsHeading, items: habits },
    citationIds,
    notesHeading: text.notesHeading,
    footer: {
      lines: [
        fill(text.footer.rules, { names: ruleSetNames.join('; ') }),
        `${fill(text.footer.version, { version: interpretation.rulesVersion })} ${fill(
          text.footer.generated,
          { date: formatIsoDate(text, options.generatedOn) },
        )}`,
      ],
      pageTemplate: text.footer.page,
      disclaimer: text.disclaimer,
    },
  };
}
