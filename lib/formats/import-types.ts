import type { Location } from './location';
import type { Panel } from '../schemas';
import type { ErrorCode, WarningCode } from '../types';

/** Result statuses a lab sends that we read (FHIR Observation.status, HL7 OBX-11 mapped). */
export const REPORT_STATUSES = ['preliminary', 'final', 'amended', 'corrected'] as const;
/** One of {@link REPORT_STATUSES}. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A coding as a lab or a FHIR resource writes it. */
export interface SourceCoding {
  readonly system?: string;
  readonly code: string;
  readonly display?: string;
}

/** Observation elements carried through to our output unchanged (US Core must-support). */
export const CARRIED_ELEMENTS = [
  'identifier',
  'subject',
  'encounter',
  'effectiveDateTime',
  'effectivePeriod',
  'effectiveInstant',
  'issued',
  'performer',
  'specimen',
] as const;
/** One of {@link CARRIED_ELEMENTS}. */
export type CarriedElement = (typeof CARRIED_ELEMENTS)[number];

/**
 * What a result carried in its source beyond the value: kept so that our FHIR output can go back
 * into the chart (the original LOINC code, the lab's own flag, the report status, and the
 * Observation's subject, times, performer, specimen, identifiers and encounter).
 */
export interface ResultSource {
  /** The LOINC code the lab used: written back unchanged, never re-coded. */
  readonly loinc?: string;
  readonly loincDisplay?: string;
  readonly reportStatus?: ReportStatus;
  /** The lab's own abnormal flag (FHIR interpretation, HL7 OBX-8): kept beside ours. */
  readonly labFlag?: readonly SourceCoding[];
  /** A reference to the source Observation (for `derivedFrom`), when it has one. */
  readonly reference?: string;
  /** FHIR elements carried through unchanged: subject, effective[x], issued, performer, ... */
  readonly carried?: Readonly<Partial<Record<CarriedElement, unknown>>>;
}

/** A warning the source adds to one result (by its index in the panel). */
export interface ImportWarning {
  readonly resultIndex: number;
  readonly code: WarningCode;
  readonly message: string;
}

/**
 * A panel read from a file or a paste, with the warnings the source format adds (e.g. LOINC
 * 1989-3 measures vitamin D3 only). The panel is built from the source but not yet validated:
 * `interpret()` is the one validator, and {@link locateError} maps its errors back to the source.
 */
export type ImportedPanel = {
  panel: Panel;
  warnings: readonly ImportWarning[];
  /** Per result (same index as `panel.results`): what the source said beyond the value. */
  sources?: ReadonlyArray<ResultSource | undefined>;
};

/** The formats {@link parseImport} recognises. */
export type ImportKind = 'panel' | 'panels' | 'fhir' | 'csv' | 'hl7';

/** A problem, located in the source (printed with {@link formatLocation}). */
export interface LocatedError {
  readonly path: Location;
  readonly message: string;
  readonly code: ErrorCode;
}

/** Something the reader wants the clinician to know that did not stop a result. */
export interface ImportNotice {
  readonly path: Location;
  readonly message: string;
}

/** Entries of the document that are not one of our analytes: skipped, never an error. */
export interface Ignored {
  readonly count: number;
  /** What was skipped, once each: `Patient`, `DiagnosticReport`, `LOINC 718-7`, `column notes`. */
  readonly codes: readonly string[];
}

/**
 * Where a panel came from, so that an error on `results[1].value` can be reported as
 * `row 5 (panel P3) value` or `entry[4].resource.valueQuantity.value`.
 */
export interface ImportOrigin {
  /** Put before any path that has no better location, e.g. `[3]` or `panel P3 (rows 4-6)`. */
  readonly prefix: Location;
  /** Per result: the location of the result and of each field, keyed by its path in the result. */
  readonly results: ReadonlyArray<{
    readonly label: Location;
    readonly fields: Readonly<Record<string, Location>>;
  }>;
  /** Locations of panel-level fields, keyed by path (`collectedOn`, `ruleSets.vitamin-d`). */
  readonly panelFields: Readonly<Record<string, Location>>;
}

/** One panel of an import: read (`imported`) or not, with the problems found while reading. */
export interface ImportItem {
  /** Position in the import, in source order. */
  readonly index: number;
  readonly imported?: ImportedPanel;
  /** Problems that stopped this panel or entry from being read, located in the source. */
  readonly errors: readonly LocatedError[];
  readonly origin?: ImportOrigin;
}

/**
 * The outcome of {@link parseImport}. `batch` is false only for a single panel object or a single
 * FHIR Observation: callers answer an object with an object and a batch with a list.
 */
export type ImportOutcome =
  | {
      kind: ImportKind;
      panels: ImportItem[];
      batch: boolean;
      ignored: Ignored;
      notices: readonly ImportNotice[];
    }
  | { kind: 'invalid'; errors: LocatedError[]; ignored: Ignored; notices: readonly ImportNotice[] };

/** Nothing ignored. */
export const NOTHING_IGNORED: Ignored = Object.freeze({ count: 0, codes: Object.freeze([]) });

/**
 * An outcome that reads nothing, with its reason.
 * @param path - where the problem is
 * @param message - what it is
 * @param code - its error code
 * @returns the invalid outcome
 */
export function invalidImport(path: Location, message: string, code: ErrorCode): ImportOutcome {
  return {
    kind: 'invalid',
    errors: [{ path, message, code }],
    ignored: NOTHING_IGNORED,
    notices: [],
  };
}

/**
 * Counts ignored entries and keeps each code once, in first-seen order.
 */
export class IgnoredList {
  private count = 0;
  private readonly codes = new Set<string>();
  /**
   * Records one skipped entry.
   * @param code - what it was (resource type, LOINC code, column name)
   */
  add(code: string): void {
    this.count++;
    this.codes.add(code);
  }
  /** @returns the count and the codes */
  result(): Ignored {
    return this.count === 0 ? NOTHING_IGNORED : { count: this.count, codes: [...this.codes] };
  }
}
