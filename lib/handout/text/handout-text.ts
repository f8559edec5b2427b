import type { AnalyteId, BandStatus, Comparator, ContextFlag, Status } from '../../types';

/** Languages the handout is written in. */
export const HANDOUT_LANGS = ['en', 'es'] as const;
/** One of {@link HANDOUT_LANGS}. */
export type HandoutLang = (typeof HANDOUT_LANGS)[number];

/** Patient-facing wording about one test. Every string is plain language (grade 6 or below). */
export interface AnalyteText {
  /** Name as the patient reads it ("Vitamin D"). */
  readonly name: string;
  /** Section heading that also defines the term ("Vitamin D: a vitamin for strong bones"). */
  readonly heading: string;
  /** Why it matters for the back: honest, no promise of relief. */
  readonly why: readonly string[];
  /** One sentence about the patient's own level, by status. */
  readonly yourLevel: Readonly<Record<Status, string>>;
  /** The one action shown in the results table, by status. */
  readonly action: Readonly<Record<Status, string>>;
  /** "What your clinician may suggest", by status. */
  readonly suggest: Readonly<Record<Status, readonly string[]>>;
  /** Foods that supply it. */
  readonly foods: readonly string[];
  /** Shown instead of the food list when the level is higher than needed. */
  readonly foodsWhenHigh: string;
}

/** All wording of the handout in one language (one file per language implements this). */
export interface HandoutText {
  readonly lang: HandoutLang;
  /** BCP 47 tag written into the PDF catalog. */
  readonly pdfLanguage: 'en-US' | 'es-US';
  readonly title: string;
  readonly subject: string;
  readonly intro: readonly string[];
  readonly facts: {
    readonly patient: string;
    readonly collectedOn: string;
    readonly clinician: string;
    readonly clinic: string;
    readonly phone: string;
  };
  /**
   * Writes a calendar date in words.
   * @param year - four-digit year
   * @param month - 1 to 12
   * @param day - 1 to 31
   */
  readonly formatDate: (year: number, month: number, day: number) => string;
  readonly summaryHeading: string;
  /** One summary line per result ("Vitamin D: low."). */
  readonly summaryLine: (test: string, meaning: string) => string;
  readonly summaryClosing: string;
  readonly tableHeading: string;
  readonly columns: {
    readonly test: string;
    readonly result: string;
    readonly meaning: string;
    readonly action: string;
  };
  /** Explains units and the band scale under the table. */
  readonly tableNote: string;
  /** Words for a censored result ("less than"). */
  readonly comparatorWords: Readonly<Record<Comparator, string>>;
  /** What a result means, in plain words, by status. */
  readonly statusWords: Readonly<Record<Status, string>>;
  /** Labels written on the bands of the scale. */
  readonly bandWords: Readonly<Record<BandStatus, string>>;
  readonly youAreHere: string;
  readonly somewhereHere: string;
  /** Replaces the table action when interpret() marks the value critical. */
  readonly criticalAction: string;
  readonly analytes: Readonly<Record<AnalyteId, AnalyteText>>;
  /** Patient notes for ticked context, per test it affects. */
  readonly contextNotes: Readonly<Partial<Record<ContextFlag, Partial<Record<AnalyteId, string>>>>>;
  readonly sectionHeadings: {
    readonly why: string;
    readonly foods: string;
    readonly suggest: string;
    readonly goodToKnow: string;
  };
  readonly habitsHeading: string;
  readonly habits: readonly string[];
  readonly notesHeading: string;
  /** Footer templates: `{names}`, `{version}`, `{date}`, `{page}`, `{pages}` are filled in. */
  readonly footer: {
    readonly rules: string;
    readonly version: string;
    readonly generated: string;
    readonly page: string;
  };
  /** The last sentence of every handout. */
  readonly disclaimer: string;
}
