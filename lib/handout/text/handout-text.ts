import type {
  AnalyteId,
  BandStatus,
  CutoffsInUnit,
  RuleSetId,
  Status,
  WarningCode,
} from '../../types';
import type { PatientRuleId } from '../../safety/patient-rules';

/** Languages the handout is written in. */
export const HANDOUT_LANGS = ['en', 'es'] as const;
/** One of {@link HANDOUT_LANGS}. */
export type HandoutLang = (typeof HANDOUT_LANGS)[number];

/**
 * General habits, each with an id so a patient rule can leave one out (`habit:<id>`). Eating
 * fish, fruit, vegetables and nuts is left to the food lists of each test, which name the nutrient.
 */
export const HABIT_IDS = ['move', 'cut-processed', 'calcium', 'omega-3'] as const;
/** One of {@link HABIT_IDS}. */
export type HabitId = (typeof HABIT_IDS)[number];

/** The critical results that carry their own "call 911" symptom list (section 8.2). */
export const CRITICAL_KINDS = ['vitamin-d-high', 'magnesium-high', 'magnesium-low'] as const;
/** One of {@link CRITICAL_KINDS}. */
export type CriticalKind = (typeof CRITICAL_KINDS)[number];

/** A lead sentence and the bullets under it ("Go to the emergency room now if you have:"). */
export interface HandoutGroupText {
  readonly lead: string;
  readonly items: readonly string[];
}

/** Patient-facing wording about one test. Every string is plain language (grade 6 or below). */
export interface AnalyteText {
  /** Name as the patient reads it ("Vitamin D"). */
  readonly name: string;
  /** Section heading that also defines the term ("Vitamin D: a vitamin for strong bones"). */
  readonly heading: string;
  /** What a result means, in plain words, by status (agrees with the name in Spanish). */
  readonly statusWords: Readonly<Record<Status, string>>;
  /** A censored value that is low whichever band it is in: `{bound}` is the number ("Low (below 25)"). */
  readonly lowCensored: string;
  /** What it does in the body: shown for every result. */
  readonly why: readonly string[];
  /** What a low level can do, and what fixing it can and cannot do: low or possibly low results. */
  readonly whyWhenLow: readonly string[];
  /** A healthy or high level: no evidence that an extra supplement helps back pain (8.5). */
  readonly whyWhenNotLow: readonly string[];
  /** One sentence about the patient's own level, by status. */
  readonly yourLevel: Readonly<Record<Status, string>>;
  /** The one action shown in the results table, by status (a critical result has its own). */
  readonly action: Readonly<Record<Status, string>>;
  /** Heading of the food list, naming the nutrient ("Foods with vitamin D"). */
  readonly foodsHeading: string;
  /** Foods that supply it (left out by the rule suppression `foods:<analyte>`). */
  readonly foods: readonly string[];
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
  /**
   * What a result's warning means for the patient, said after its summary line (the same
   * warnings the screen and the API show: e.g. a preliminary result, a D3-only lab code).
   */
  readonly resultNotices: Readonly<Record<WarningCode, string>>;
  /** Written after a preliminary result's value in the table: "25 ng/mL (preliminary)". */
  readonly preliminaryMark: string;
  /** The box at the top of page 1 when a result is critical (section 8.2). */
  readonly critical: {
    /** `{phone}` is the clinic phone, or {@link HandoutText.critical.blankPhone}. */
    readonly callToday: string;
    /** A line to write a phone number on, when none was entered. */
    readonly blankPhone: string;
    /** `{test}`: "Vitamin D result: call 911 or go to the emergency room if you have:". */
    readonly call911: string;
    readonly symptoms: Readonly<Record<CriticalKind, readonly string[]>>;
    /** The table's action for a critical row (beside the result). */
    readonly rowAction: string;
  };
  /** The patient's own actions on page 1 (section 8.6). */
  readonly actions: {
    readonly heading: string;
    /** No critical result: when to book. */
    readonly book: string;
    readonly bringPills: string;
    /** Every result in a healthy range. */
    readonly allNormal: readonly string[];
  };
  /** The back-pain red flags box, on every handout (section 8.1). */
  readonly redFlags: {
    readonly heading: string;
    readonly groups: readonly HandoutGroupText[];
  };
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
  readonly comparatorWords: Readonly<Record<'<' | '<=' | '>' | '>=', string>>;
  /** Labels written on the bands of the scale. */
  readonly bandWords: Readonly<Record<BandStatus, string>>;
  readonly youAreHere: string;
  readonly somewhereHere: string;
  /**
   * Alternative text of the band scale (a figure in the tagged PDF). `point` and `range` take
   * `{value}` (the result as written), `{band}` (a band, or the bands a censored value may be in,
   * joined by `or`) and `{healthy}` (`healthyBetween` or `healthyFrom` with `{from}`, `{to}`,
   * `{unit}` from the rule set's bands).
   */
  readonly scaleAlt: {
    readonly point: string;
    readonly range: string;
    readonly healthyBetween: string;
    readonly healthyFrom: string;
    readonly or: string;
    readonly bands: Readonly<Record<BandStatus, string>>;
  };
  readonly analytes: Readonly<Record<AnalyteId, AnalyteText>>;
  /** The sentence of each patient rule (lib/safety/patient-rules.ts), keyed by rule id. */
  readonly rules: Readonly<Record<PatientRuleId, string>>;
  readonly sectionHeadings: {
    readonly why: string;
    readonly doNow: string;
    readonly suggest: string;
    readonly goodToKnow: string;
  };
  /** Heading of the notes that concern the whole handout (medicines, pregnancy, kidneys). */
  readonly panelNotesHeading: string;
  readonly habitsHeading: string;
  readonly habits: Readonly<Record<HabitId, string>>;
  readonly notesHeading: string;
  /** Footer templates: `{names}`, `{version}`, `{date}`, `{page}`, `{pages}` are filled in. */
  readonly footer: {
    readonly rules: string;
    readonly version: string;
    readonly generated: string;
    readonly page: string;
  };
  /**
   * Rule-set names in this language, each written from the result's cut-offs (in the unit the
   * lab reported) where it states one; a rule set left out keeps the name interpret() wrote.
   */
  readonly ruleSetNames: Readonly<Partial<Record<RuleSetId, (cutoffs: CutoffsInUnit) => string>>>;
  /** The last sentence of every handout. */
  readonly disclaimer: string;
}
