import { parseCsv } from './csv';
import { panelsFromFhir } from './fhir';
import type { Panel } from './schemas';
import type { FieldError, Interpretation, WarningCode } from './types';

/**
 * A panel read from a file or a paste, with the warnings the source format adds (e.g. LOINC
 * 1989-3 measures vitamin D3 only). The panel is built from the source but not yet validated:
 * `interpret()` is the one validator, and {@link locateError} maps its errors back to the source.
 */
export type ImportedPanel = {
  panel: Panel;
  warnings: Array<{ resultIndex: number; code: WarningCode; message: string }>;
};

/** The formats {@link parseImport} recognises. */
export type ImportKind = 'panel' | 'panels' | 'fhir' | 'csv';

/**
 * Where a panel came from, so that an error on `results[1].value` can be reported as
 * `row 5 (panel P3) value` or `entry[4].resource.valueQuantity.value`.
 */
export interface ImportOrigin {
  /** Put before any path that has no better location, e.g. `[3] ` or `panel P3 (rows 4-6) `. */
  readonly prefix: string;
  /** Per result: the location of each field, keyed by its path inside the result. */
  readonly results: ReadonlyArray<{
    readonly label: string;
    readonly fields: Readonly<Record<string, string>>;
  }>;
  /** Locations of panel-level fields, keyed by path (`collectedOn`, `ruleSets.vitamin-d`). */
  readonly panelFields: Readonly<Record<string, string>>;
}

/** One panel of an import: read (`imported`) or not, with the problems found while reading. */
export interface ImportItem {
  /** Position in the import, in source order. */
  readonly index: number;
  readonly imported?: ImportedPanel;
  /** Problems that stopped this panel or entry from being read, located in the source. */
  readonly errors: FieldError[];
  readonly origin?: ImportOrigin;
}

/**
 * The outcome of {@link parseImport}. `batch` is false only for a single panel object or a single
 * FHIR Observation: callers answer an object with an object and a batch with a list.
 */
export type ImportOutcome =
  | { kind: ImportKind; panels: ImportItem[]; batch: boolean }
  | { kind: 'invalid'; errors: FieldError[] };

// Shared by every array element's origin (a batch can hold 100,000 panels).
const NO_RESULTS: ImportOrigin['results'] = Object.freeze([]);
const NO_FIELDS: ImportOrigin['panelFields'] = Object.freeze({});

/** A CSV header names `panel_id` somewhere on its first line (columns may come in any order). */
const CSV_HEADER = /(?:^|,)\s*"?panel_id"?\s*(?:,|$)/i;

/**
 * Detects and reads what a clinician pastes or a file holds: a panel object, an array of panels,
 * a FHIR R4 Observation or Bundle, or CSV with the header `panel_id,analyte,value,unit`.
 * @param text - the text, as pasted or read from a file (a UTF-8 BOM is ignored)
 * @returns the kind and one item per panel (array order, CSV first-appearance order, FHIR
 *   entry order), or `invalid` with the reason when the text is none of these
 */
export function parseImport(text: string): ImportOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) {
    return {
      kind: 'invalid',
      errors: [{ path: '(input)', message: 'is empty', code: 'required' }],
    };
  }
  const first = body[start];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        kind: 'invalid',
        errors: [{ path: '(input)', message: `is not valid JSON (${detail})`, code: 'invalid' }],
      };
    }
    return importJson(json);
  }
  const lineEnd = body.indexOf('\n', start);
  const firstLine = body.slice(start, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  if (CSV_HEADER.test(firstLine)) {
    const csv = parseCsv(body);
    return csv.ok
      ? { kind: 'csv', panels: csv.panels, batch: true }
      : { kind: 'invalid', errors: csv.errors };
  }
  return {
    kind: 'invalid',
    errors: [
      {
        path: '(input)',
        message:
          'is not a panel (JSON), a FHIR R4 Observation or Bundle, or CSV with the header panel_id,analyte,value,unit',
        code: 'invalid',
      },
    ],
  };
}

/**
 * Reads already-parsed JSON: a FHIR resource (it has `resourceType`), an array of panels, or one
 * panel.
 * @param json - the parsed JSON value
 * @returns the import outcome (see {@link parseImport})
 */
export function importJson(json: unknown): ImportOutcome {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'resourceType' in json) {
    const fhir = panelsFromFhir(json);
    return fhir.ok
      ? { kind: 'fhir', panels: fhir.panels, batch: json.resourceType === 'Bundle' }
      : { kind: 'invalid', errors: fhir.errors };
  }
  if (Array.isArray(json)) {
    const panels: ImportItem[] = [];
    for (let index = 0; index < json.length; index++) {
      panels.push({
        index,
        // Validated by interpret(), like every other panel; see ImportedPanel.
        imported: { panel: json[index] as Panel, warnings: [] },
        errors: [],
        origin: { prefix: `[${index}] `, results: NO_RESULTS, panelFields: NO_FIELDS },
      });
    }
    return { kind: 'panels', panels, batch: true };
  }
  return {
    kind: 'panel',
    panels: [{ index: 0, imported: { panel: json as Panel, warnings: [] }, errors: [] }],
    batch: false,
  };
}

/**
 * Splits `results[3].labRange.low` into the result index (3), its first field (`labRange`) and
 * the rest (`.low`). A scan, not a pattern: error paths can hold any key a client sent, and a
 * regex with two open-ended parts backtracked quadratically on a long key ending in a newline.
 */
function splitResultPath(
  path: string,
): { index: number; field: string | undefined; rest: string } | undefined {
  const head = 'results[';
  if (!path.startsWith(head)) return undefined;
  let at = head.length;
  while (at < path.length && path.charCodeAt(at) >= 48 && path.charCodeAt(at) <= 57) at++;
  if (at === head.length || path.charCodeAt(at) !== 93 /* ] */) return undefined;
  const index = Number(path.slice(head.length, at));
  at++;
  if (path.charCodeAt(at) !== 46 /* . */) return { index, field: undefined, rest: path.slice(at) };
  const fieldStart = at + 1;
  let fieldEnd = fieldStart;
  while (fieldEnd < path.length && isAsciiLetter(path.charCodeAt(fieldEnd))) fieldEnd++;
  if (fieldEnd === fieldStart) return { index, field: undefined, rest: path.slice(at) };
  return { index, field: path.slice(fieldStart, fieldEnd), rest: path.slice(fieldEnd) };
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A located field, looked up as an own property only (`constructor` is a key, not a method). */
function ownField(fields: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/**
 * Says where an error is in the source the panel came from.
 * @param origin - the item's origin (none for a single JSON panel)
 * @param error - an error from `interpret()` or from the import itself
 * @returns one line, `location: message`, e.g. `row 5 (panel P3) value: must be ...`
 */
export function locateError(origin: ImportOrigin | undefined, error: FieldError): string {
  return `${locatePath(origin, error.path)}: ${error.message}`;
}

function locatePath(origin: ImportOrigin | undefined, path: string): string {
  if (origin === undefined) return path;
  const split = splitResultPath(path);
  if (split !== undefined) {
    const result = split.index < origin.results.length ? origin.results[split.index] : undefined;
    if (result !== undefined) {
      const { field, rest } = split;
      if (field === undefined) return `${result.label}${rest}`;
      const exact = ownField(result.fields, `${field}${rest}`);
      if (exact !== undefined) return exact;
      const located = ownField(result.fields, field);
      return located === undefined ? `${result.label} ${field}${rest}` : `${located}${rest}`;
    }
  }
  return ownField(origin.panelFields, path) ?? `${origin.prefix}${path}`;
}

/**
 * Adds the warnings an import found (e.g. `vitamin-d3-only-code`) to the interpretation's
 * results, after the warnings `interpret()` found, so every surface shows them the same way.
 * @param interpretation - the interpretation of the imported panel
 * @param warnings - the import's warnings, by result index
 * @returns the interpretation with the warnings merged (the input is not changed)
 */
export function mergeImportWarnings(
  interpretation: Interpretation,
  warnings: ImportedPanel['warnings'],
): Interpretation {
  if (warnings.length === 0) return interpretation;
  return {
    ...interpretation,
    results: interpretation.results.map((result) => {
      // interpret() adds the code-based warnings itself; an import's copy is not repeated.
      const extra = warnings
        .filter(
          (warning) =>
            warning.resultIndex === result.index &&
            !result.warnings.some((present) => present.code === warning.code),
        )
        .map((warning) => ({ code: warning.code, message: warning.message }));
      return extra.length === 0 ? result : { ...result, warnings: [...result.warnings, ...extra] };
    }),
  };
}
