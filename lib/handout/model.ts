import type {
  AnalyteId,
  Band,
  BandStatus,
  Interpretation,
  ResultInterpretation,
  Status,
} from '../types';
import { HANDOUT_TEXT_EN } from './text/en';
import { HANDOUT_TEXT_ES } from './text/es';
import type { HandoutLang, HandoutText } from './text/handout-text';

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

/** Everything the handout says about one test. */
export interface HandoutSection {
  readonly analyte: AnalyteId;
  readonly heading: string;
  readonly blocks: readonly HandoutBlock[];
}

/** The whole handout as strings and simple structures: the renderer only lays it out. */
export interface HandoutModel {
  readonly lang: HandoutLang;
  readonly pdfLanguage: 'en-US' | 'es-US';
  /** 14 pt body text instead of 12 pt (the 65-or-older context is set). */
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
    readonly closing: string;
  };
  readonly table: {
    readonly heading: string;
    readonly columns: HandoutText['columns'];
    readonly rows: readonly HandoutRow[];
    readonly note: string;
  };
  readonly sections: readonly HandoutSection[];
  readonly habits: { readonly heading: string; readonly items: readonly string[] };
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

function buildRow(text: HandoutText, result: ResultInterpretation): HandoutRow {
  const words = text.analytes[result.analyte];
  return {
    analyte: result.analyte,
    test: words.name,
    result: describeResult(text, result),
    status: result.status,
    meaning: text.statusWords[result.status],
    action: result.critical ? text.criticalAction : words.action[result.status],
    critical: result.critical,
    scale: buildScale(text, result),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function buildSection(
  text: HandoutText,
  analyte: AnalyteId,
  results: readonly ResultInterpretation[],
  interpretation: Interpretation,
): HandoutSection {
  const words = text.analytes[analyte];
  const statuses: Status[] = unique(results.map((result) => result.status));
  const onlyHigh = statuses.every((status) => status === 'high');
  const notes = interpretation.context.flatMap((flag) => {
    const note = text.contextNotes[flag]?.[analyte];
    return note === undefined ? [] : [note];
  });
  const blocks: HandoutBlock[] = [
    {
      heading: text.sectionHeadings.why,
      paragraphs: [[...words.why, ...unique(statuses.map((s) => words.yourLevel[s]))].join(' ')],
      bullets: [],
    },
    onlyHigh
      ? { heading: text.sectionHeadings.foods, paragraphs: [words.foodsWhenHigh], bullets: [] }
      : { heading: text.sectionHeadings.foods, paragraphs: [], bullets: words.foods },
    {
      heading: text.sectionHeadings.suggest,
      paragraphs: [],
      bullets: unique(statuses.flatMap((status) => words.suggest[status])),
    },
  ];
  if (notes.length > 0) {
    blocks.push({ heading: text.sectionHeadings.goodToKnow, paragraphs: notes, bullets: [] });
  }
  return { analyte, heading: words.heading, blocks };
}

/**
 * Turns an interpretation into the strings and shapes of the patient handout. Pure: every
 * classification comes from the interpretation (status, bands, input.display, context); the
 * wording comes from the language file; the date printed is `options.generatedOn`.
 * @param interpretation - the output of `interpret()`
 * @param options - `lang` (`en` or `es`) and `generatedOn` (YYYY-MM-DD)
 * @returns the handout model a renderer lays out
 */
export function buildHandoutModel(
  interpretation: Interpretation,
  options: HandoutModelOptions,
): HandoutModel {
  const text = getHandoutText(options.lang);
  const { patient, clinician } = interpretation;
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

  const rows = interpretation.results.map((result) => buildRow(text, result));
  const analytes = unique(interpretation.results.map((result) => result.analyte));
  const sections = analytes.map((analyte) =>
    buildSection(
      text,
      analyte,
      interpretation.results.filter((result) => result.analyte === analyte),
      interpretation,
    ),
  );
  const ruleSetNames = unique(
    interpretation.results.map(
      (result) => `${text.analytes[result.analyte].name}: ${result.ruleSet.name}`,
    ),
  );

  return {
    lang: text.lang,
    pdfLanguage: text.pdfLanguage,
    largePrint: interpretation.context.includes('age-65-plus'),
    title: text.title,
    subject: text.subject,
    intro: text.intro,
    facts,
    summary: {
      heading: text.summaryHeading,
      results: rows.map((row) => text.summaryLine(row.test, row.meaning)),
      closing: text.summaryClosing,
    },
    table: { heading: text.tableHeading, columns: text.columns, rows, note: text.tableNote },
    sections,
    habits: { heading: text.habitsHeading, items: text.habits },
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
