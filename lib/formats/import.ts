import { parseCsv } from './csv/read';
import { panelsFromFhir } from './fhir/read';
import { readHl7 } from './hl7';
import { NOTHING_IGNORED, invalidImport } from './import-types';
import type {
  ImportedPanel,
  ImportItem,
  ImportOrigin,
  ImportOutcome,
  LocatedError,
} from './import-types';
import { formatLocation } from './location';
import type { Location } from './location';
import type { Panel } from '../schemas';
import type { FieldError, FieldPath } from '../types';

// Shared by every element of an array of panels (a batch can hold 100,000): nothing is known of
// an element's fields before interpret() reads it, and it is read without warnings or errors.
const NO_RESULTS: ImportOrigin['results'] = Object.freeze([]);
const NO_FIELDS: ImportOrigin['panelFields'] = Object.freeze({});
const NO_WARNINGS: ImportedPanel['warnings'] = Object.freeze([]);
const NO_ERRORS: ImportItem['errors'] = Object.freeze([]);

/**
 * Where an element of an array of panels is: `[3]`. The label is made when an error needs it,
 * not for each of a batch's panels.
 */
class ArrayElementOrigin implements ImportOrigin {
  readonly results = NO_RESULTS;
  readonly panelFields = NO_FIELDS;
  private readonly index: number;

  constructor(index: number) {
    this.index = index;
  }

  get prefix(): ImportOrigin['prefix'] {
    return [{ label: `[${this.index}]` }];
  }
}

/**
 * Decodes a file's bytes: UTF-16 (LE or BE) when it starts with that byte order mark, else UTF-8
 * (with or without BOM). Invalid UTF-8 is an error, never silently replaced.
 * @param bytes - the file content
 * @returns the text, or undefined when it is not valid text in one of these encodings
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    }
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A text read as far as its kind: JSON, parsed but not yet read as panels, or a reader's outcome. */
export type ReadText = { readonly json: unknown } | ImportOutcome;

/**
 * Tells what a text is and reads it that far: JSON is parsed (and read by {@link importJson}),
 * HL7 v2 and CSV are read by their readers.
 * @param text - the text, as pasted or read from a file (a BOM is ignored)
 * @returns `{ json }`, or the HL7 or CSV reader's outcome, or `invalid` with the reason
 */
export function readText(text: string): ReadText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return invalidImport([], 'is empty', 'required');
  const first = body[start];
  if (first === '{' || first === '[') {
    try {
      return { json: JSON.parse(body) as unknown };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return invalidImport([], `is not valid JSON (${detail})`, 'invalid');
    }
  }
  const head = body.slice(start, start + 4);
  if (head === 'MSH|' || head === 'FHS|' || head === 'BHS|') return readHl7(body.slice(start));
  return parseCsv(body);
}

/**
 * Detects and reads what a clinician pastes or a file holds: a panel object, an array of panels,
 * a FHIR R4 Observation or Bundle, an HL7 v2 ORU^R01 message (ER7 text), or lab CSV.
 * @param text - the text, as pasted or read from a file (a BOM is ignored)
 * @returns the kind and one item per panel (array order, CSV first-appearance order, FHIR
 *   entry order, HL7 order), or `invalid` with the reason when the text is none of these
 */
export function parseImport(text: string): ImportOutcome {
  const read = readText(text);
  return 'json' in read ? importJson(read.json) : read;
}

/**
 * The item of one element of an array of panels: the element as the panel, validated by
 * interpret() like every other panel (see ImportedPanel), with nothing found while reading.
 * @param element - the array element
 * @param index - its position in the array
 * @returns the item
 */
function arrayElementItem(element: unknown, index: number): ImportItem {
  return {
    index,
    imported: { panel: element as Panel, warnings: NO_WARNINGS },
    errors: NO_ERRORS,
    origin: new ArrayElementOrigin(index),
  };
}

/** What is known of an array of panels before its elements are read: one object for all. */
export const ARRAY_OF_PANELS = Object.freeze({
  kind: 'panels',
  batch: true,
  ignored: NOTHING_IGNORED,
  notices: Object.freeze([]),
} as const satisfies Omit<Extract<ImportOutcome, { panels: unknown }>, 'panels'>);

/**
 * The items of an array of panels, each made when the iteration reaches it: a caller that
 * handles one panel at a time (the CLI on 100,000) never holds them all.
 * @param elements - the array
 * @yields one item per element, in array order
 */
export function* arrayItems(elements: readonly unknown[]): Generator<ImportItem> {
  for (let index = 0; index < elements.length; index++) {
    yield arrayElementItem(elements[index], index);
  }
}

/**
 * Reads already-parsed JSON: a FHIR resource (it has `resourceType`), an array of panels, or one
 * panel.
 * @param json - the parsed JSON value
 * @returns the import outcome (see {@link parseImport})
 */
export function importJson(json: unknown): ImportOutcome {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'resourceType' in json) {
    return panelsFromFhir(json);
  }
  if (Array.isArray(json)) return { ...ARRAY_OF_PANELS, panels: Array.from(arrayItems(json)) };
  return {
    kind: 'panel',
    panels: [{ index: 0, imported: { panel: json as Panel, warnings: [] }, errors: [] }],
    batch: false,
    ignored: NOTHING_IGNORED,
    notices: [],
  };
}

/**
 * Says where an error from `interpret()` is in the source the panel came from.
 * @param origin - the item's origin (none for a single JSON panel)
 * @param error - an error from `interpret()`
 * @returns the error with its path located in the source
 */
export function locateFieldError(
  origin: ImportOrigin | undefined,
  error: FieldError,
): LocatedError {
  return {
    path: locatePath(origin, error.path),
    message: error.message,
    code: error.code,
  };
}

/**
 * Prints an error: `location: message`, e.g. `row 5 (panel P3) value: must be ...`.
 * @param error - a located error
 * @returns one line
 */
export function formatLocatedError(error: LocatedError): string {
  return `${formatLocation(error.path)}: ${error.message}`;
}

/**
 * Says where an error is in the source the panel came from, as one printed line.
 * @param origin - the item's origin (none for a single JSON panel)
 * @param error - an error from `interpret()`
 * @returns one line, `location: message`
 */
export function locateError(origin: ImportOrigin | undefined, error: FieldError): string {
  return formatLocatedError(locateFieldError(origin, error));
}

/**
 * The key of a field in an origin's tables (`labRange.low`, `ruleSets.vitamin-d`): its names
 * joined by dots. A look-up key, never printed; no table lists a field under an index.
 */
function fieldKey(segments: FieldPath): string | undefined {
  let key = '';
  for (const segment of segments) {
    if (typeof segment === 'number') return undefined;
    key = key === '' ? segment : `${key}.${segment}`;
  }
  return key;
}

function ownField(
  fields: Readonly<Record<string, Location>>,
  segments: FieldPath,
): Location | undefined {
  const key = fieldKey(segments);
  // An own property only: `constructor` is a key, not a method.
  return key !== undefined && Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/**
 * Where a path of `interpret()` is in the source: the reader's location of that field when it
 * noted one, else the result's or the panel's location followed by the rest of the path. The
 * panel as a whole (an empty path) is `(root)`.
 */
function locatePath(origin: ImportOrigin | undefined, segments: FieldPath): Location {
  if (origin === undefined) return segments.length === 0 ? ['(root)'] : segments;
  const [head, index, field, ...rest] = segments;
  if (head === 'results' && typeof index === 'number') {
    const result = origin.results[index];
    if (result !== undefined) {
      if (field === undefined) return result.label;
      const exact = ownField(result.fields, [field, ...rest]);
      if (exact !== undefined) return exact;
      const located = ownField(result.fields, [field]);
      return located === undefined ? [...result.label, field, ...rest] : [...located, ...rest];
    }
  }
  const panelField = ownField(origin.panelFields, segments);
  return panelField ?? [...origin.prefix, ...(segments.length === 0 ? ['(root)'] : segments)];
}
