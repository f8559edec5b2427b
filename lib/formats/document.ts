import { ARRAY_OF_PANELS, arrayItems, importJson, locateFieldError, readText } from './import';
import { interpretImported } from './import-merge';
import type {
  Ignored,
  ImportedPanel,
  ImportItem,
  ImportKind,
  ImportNotice,
  ImportOrigin,
  LocatedError,
  ResultSource,
} from './import-types';
import type { Interpretation } from '../types';

/** One panel of a document: what was read, and its interpretation or its located errors. */
export interface DocumentItem {
  /** Position in the document, in source order. */
  readonly index: number;
  /** What was read, before validation (the screen fills its form from it). */
  readonly imported?: ImportedPanel;
  readonly interpretation?: Interpretation;
  /** Why this panel was not interpreted, located in the source. */
  readonly errors: readonly LocatedError[];
  readonly origin?: ImportOrigin;
}

/** The outcome of {@link interpretDocument}. */
export interface DocumentOutcome {
  /** What the input was read as (`invalid` when it could not be read at all). */
  readonly kind: ImportKind | 'invalid';
  /** False only for one panel object or one FHIR Observation: answered with one object. */
  readonly batch: boolean;
  readonly items: readonly DocumentItem[];
  /** The interpretations of the items that were interpreted, in source order. */
  readonly interpretations: readonly Interpretation[];
  /** Every problem: document-level ones first, then each item's, located in the source. */
  readonly errors: readonly LocatedError[];
  /** Entries that are not one of our analytes: skipped, never an error. */
  readonly ignored: Ignored;
  readonly notices: readonly ImportNotice[];
}

/** What {@link interpretDocument} reads: text (a file, a paste, an HL7 body) or parsed JSON. */
export type DocumentInput = string | { readonly json: unknown };

/** A document read, with its panels interpreted one at a time as they are reached. */
export interface DocumentStream extends Omit<DocumentOutcome, 'items' | 'interpretations'> {
  /** How many panels the document holds. */
  readonly count: number;
  /** Each panel, interpreted when the iteration reaches it: a batch is never held whole. */
  readonly items: Iterable<DocumentItem>;
}

/**
 * {@link interpretDocument} one panel at a time, for a caller that writes each interpretation
 * as it comes (the CLI on a batch of 100,000 panels). `errors` holds the document's own
 * problems; each item carries its own.
 * @param input - the document text, or already-parsed JSON as `{ json }`
 * @param options - `asOf`: the date of the interpretation, YYYY-MM-DD
 * @returns what was read, and the items to iterate once
 */
export function streamDocument(
  input: DocumentInput,
  options: { readonly asOf: string },
): DocumentStream {
  const read = typeof input === 'string' ? readText(input) : input;
  if ('json' in read && Array.isArray(read.json)) {
    // An array of panels (a batch can hold 100,000) is read an element at a time, as the
    // iteration reaches it: no item outlives its panel's interpretation.
    const elements: readonly unknown[] = read.json;
    return streamItems(ARRAY_OF_PANELS, elements.length, arrayItems(elements), options.asOf);
  }
  const imported = 'json' in read ? importJson(read.json) : read;
  if (imported.kind === 'invalid') {
    return {
      kind: 'invalid',
      batch: false,
      count: 0,
      items: [],
      errors: imported.errors,
      ignored: imported.ignored,
      notices: imported.notices,
    };
  }
  return streamItems(imported, imported.panels.length, imported.panels, options.asOf);
}

/** What a document's reader found besides its panels. */
type ReadFacts = Pick<DocumentStream, 'kind' | 'batch' | 'ignored' | 'notices'>;

function streamItems(
  read: ReadFacts,
  count: number,
  items: Iterable<ImportItem>,
  asOf: string,
): DocumentStream {
  return {
    kind: read.kind,
    batch: read.batch,
    count,
    items: interpretItems(items, asOf),
    errors:
      count === 0
        ? [{ path: ['(root)'], message: 'must contain at least one panel', code: 'too-few' }]
        : [],
    ignored: read.ignored,
    notices: read.notices,
  };
}

function* interpretItems(items: Iterable<ImportItem>, asOf: string): Generator<DocumentItem> {
  const options = { asOf };
  for (const item of items) yield interpretItem(item, options);
}

/** Interprets one panel read from a document: warnings the source adds, errors located in it. */
function interpretItem(item: ImportItem, options: { readonly asOf: string }): DocumentItem {
  if (item.imported === undefined || item.errors.length > 0) return item;
  const outcome = interpretImported(item.imported, options.asOf);
  // Written out rather than spread: one object shape for every item of a batch.
  return outcome.ok
    ? {
        index: item.index,
        imported: withPanelSubject(item.imported),
        interpretation: outcome.value,
        errors: item.errors,
        origin: item.origin,
      }
    : {
        index: item.index,
        imported: item.imported,
        interpretation: undefined,
        errors: outcome.errors.map((error) => locateFieldError(item.origin, error)),
        origin: item.origin,
      };
}

/**
 * Adds the panel's patient reference (`subject`, validated by `interpret()`) to each result's
 * source, so the FHIR writer puts it on every Observation; a subject the source document gave
 * for a result (a FHIR Observation's own) is kept.
 * @param imported - what was read, after `interpret()` accepted the panel
 * @returns the same, with the subject carried by every result's source
 */
function withPanelSubject(imported: ImportedPanel): ImportedPanel {
  const subject = imported.panel.subject;
  if (subject === undefined) return imported;
  const sources = imported.panel.results.map((_result, index): ResultSource => {
    const source = imported.sources?.[index];
    if (source?.carried?.subject !== undefined) return source;
    return { ...source, carried: { ...source?.carried, subject: { ...subject } } };
  });
  return { ...imported, sources };
}

/**
 * The one way from a document to interpretations, used by the screen, the CLI (interpret and
 * handout) and the API: read it (panel JSON, FHIR R4, HL7 v2 ORU^R01 or lab CSV), interpret each
 * panel as of `asOf`, add the warnings the source adds (e.g. a D3-only LOINC code, a preliminary
 * result) and locate every error in the source. Pure: no clock, no I/O.
 * @param input - the document text, or already-parsed JSON as `{ json }`
 * @param options - `asOf`: the date of the interpretation, YYYY-MM-DD
 * @returns the items, the interpretations, located errors, the ignored entries and notices
 */
export function interpretDocument(
  input: DocumentInput,
  options: { readonly asOf: string },
): DocumentOutcome {
  const { items, errors, ...read } = streamDocument(input, options);
  const all = [...items];
  return {
    kind: read.kind,
    batch: read.batch,
    items: all,
    interpretations: all.flatMap((item) =>
      item.interpretation === undefined ? [] : [item.interpretation],
    ),
    // The document's own problems (none when it held panels), then each item's, in order.
    errors: [...all.flatMap((item) => item.errors), ...errors],
    ignored: read.ignored,
    notices: read.notices,
  };
}
