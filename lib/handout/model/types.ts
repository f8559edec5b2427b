import type { AnalyteId, BandStatus, Status } from '../../types';
import type { HandoutLang, HandoutText } from '../text/handout-text';

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
  /** The scale in words, for a screen reader (the PDF figure's alternative text). */
  readonly alt: string;
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
    /** What the results' warnings mean (preliminary, a D3-only code...), each said once. */
    readonly notices: readonly string[];
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
