import { parse } from 'csv-parse/browser/esm/sync';
import { IgnoredList, invalidImport, NOTHING_IGNORED } from '../import-types';
import type { ImportItem, ImportNotice, ImportOutcome, LocatedError } from '../import-types';
import type { Location } from '../location';
import { resolveAnalyte, sniffDelimiter, SPELLING_TO_COLUMN, squash } from './columns';
import type { Column, Columns } from './columns';
import { emptyPanel, readRow, toOrigin, toPanel } from './row';
import type { PanelRows } from './row';

/**
 * Reads lab CSV exports. The delimiter (comma, semicolon, tab) is taken from the header line;
 * common header spellings are accepted (test/analyte/name, result/value, unit/units, loinc,
 * reference_range "30-100", lab_low/lab_high, flag, collected/date, panel_id/accession,
 * comparator, rule_set); other columns are ignored and named once in a notice, never printed.
 * The analyte is given by id, common name ("Vitamin D", "25-OH Vitamin D", "B12", "Magnesium",
 * any case) or LOINC code; rows of other tests are ignored and counted. A decimal comma is read
 * only when the delimiter is not a comma. Rows with the same panel id form one panel (without a
 * panel id column, rows of one collection date do). A row that cannot be read stops its panel:
 * the panel is reported with the reason, never interpreted without that row.
 * @param text - the CSV text (header first; blank lines are skipped; a BOM is ignored)
 * @returns one item per panel, or `invalid` with the reason when the header is unusable
 */
export function parseCsv(text: string): ImportOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return invalidImport([], 'is empty', 'required');
  const lineEnd = body.indexOf('\n', start);
  const headerLine = body.slice(start, lineEnd === -1 ? undefined : lineEnd);
  const delimiter = sniffDelimiter(headerLine);
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body.slice(start), {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return invalidImport(
      [{ label: typeof line === 'number' ? `row ${line}` : 'CSV' }],
      'cannot be read as CSV (a quoted field never ends, or quotes are misplaced)',
      'invalid',
    );
  }
  const [header, ...rows] = records;
  if (header === undefined) return invalidImport([], 'is empty', 'required');
  const lineOffset = body.slice(0, start).split('\n').length - 1;

  const columns: Columns = {};
  const extra: string[] = [];
  const headerErrors: LocatedError[] = [];
  header.record.forEach((raw, index) => {
    const name = raw.trim();
    const column = SPELLING_TO_COLUMN.get(squash(name));
    if (column === undefined) {
      if (name !== '') extra.push(name);
      return;
    }
    if (column === 'ours') return;
    if (columns[column] !== undefined) {
      headerErrors.push({
        path: [{ label: `header column ${index + 1}` }],
        message: `"${name}" means the same as "${columns[column]?.name}"`,
        code: 'invalid',
      });
      return;
    }
    columns[column] = { index, name };
  });
  const hasAnalyte = columns.analyte !== undefined || columns.loinc !== undefined;
  if (!hasAnalyte || columns.value === undefined) {
    return invalidImport(
      [],
      'is not a panel (JSON), FHIR, HL7 v2 or a CSV header: CSV needs a test (or analyte, name, loinc) column and a result (or value) column',
      'invalid',
    );
  }
  if (columns.unit === undefined) {
    headerErrors.push({
      path: [{ label: 'header' }],
      message: 'has no unit (or units) column: the unit is never guessed',
      code: 'required',
    });
  }
  if (headerErrors.length > 0) {
    return { kind: 'invalid', errors: headerErrors, ignored: NOTHING_IGNORED, notices: [] };
  }

  const commaDecimal = delimiter !== ',';
  const notices: ImportNotice[] = [];
  if (extra.length > 0) {
    notices.push({
      path: [{ label: 'header' }],
      message: `${extra.length} column${extra.length === 1 ? '' : 's'} not read (${extra.join(', ')}); their contents are ignored`,
    });
  }
  const ignored = new IgnoredList();
  const order: Array<PanelRows | LocatedError> = [];
  const panels = new Map<string, PanelRows>();
  const cell = (fields: string[], column: Column): string => {
    const at = columns[column];
    return at === undefined ? '' : (fields[at.index] ?? '').trim();
  };
  const nameOf = (column: Column): string => columns[column]?.name ?? column;

  for (const { record: fields, info } of rows) {
    const line = info.lines + lineOffset;
    const panelId = cell(fields, 'panel_id');
    const collectedText = cell(fields, 'collected');
    const where = panelId === '' ? `row ${line}` : `row ${line} (panel ${panelId})`;
    const at = (column: Column): Location => [{ label: where }, nameOf(column)];
    const widthError: LocatedError | undefined =
      fields.length === header.record.length
        ? undefined
        : {
            path: [{ label: where }],
            message: `has ${fields.length} fields; the header has ${header.record.length}`,
            code: 'invalid',
          };
    if (widthError !== undefined) {
      // A row that cannot be read stops its panel (when it names one).
      const known = panelId === '' ? undefined : panels.get(`id|${panelId}`);
      if (known !== undefined) known.errors.push(widthError);
      else if (panelId !== '' && columns.panel_id !== undefined) {
        const created = emptyPanel(panelId, line);
        created.errors.push(widthError);
        panels.set(`id|${panelId}`, created);
        order.push(created);
      } else order.push(widthError);
      continue;
    }
    const analyteText = cell(fields, 'analyte');
    const resolved = resolveAnalyte(analyteText, cell(fields, 'loinc'));
    if (resolved === undefined) {
      const named = analyteText === '' ? cell(fields, 'loinc') : analyteText;
      if (named === '') {
        order.push({
          path: at(columns.analyte ? 'analyte' : 'loinc'),
          message: 'is required',
          code: 'required',
        });
      } else {
        ignored.add(`test ${named}`);
      }
      continue;
    }
    const key = columns.panel_id === undefined ? `date|${collectedText}` : `id|${panelId}`;
    if (columns.panel_id !== undefined && panelId === '') {
      order.push({ path: at('panel_id'), message: 'is required', code: 'required' });
      continue;
    }
    let panel = panels.get(key);
    if (panel === undefined) {
      panel = emptyPanel(panelId, line);
      panels.set(key, panel);
      order.push(panel);
    }
    panel.lastLine = line;
    readRow(panel, fields, { at, where, cell, resolved, commaDecimal, notices });
  }

  const items = order.map((slot, index): ImportItem => {
    if (!('results' in slot)) return { index, errors: [slot] };
    if (slot.errors.length > 0) return { index, errors: slot.errors };
    return {
      index,
      imported: { panel: toPanel(slot), warnings: slot.warnings, sources: slot.sources },
      errors: [],
      origin: toOrigin(slot),
    };
  });
  const done = ignored.result();
  if (items.length === 0) {
    return {
      kind: 'invalid',
      errors: [
        {
          path: [{ label: 'CSV' }],
          message: `holds no 25-hydroxyvitamin D, vitamin B12 or magnesium result${done.count > 0 ? ` (${done.count} rows of other tests ignored)` : ''}`,
          code: 'too-few',
        },
      ],
      ignored: done,
      notices,
    };
  }
  return { kind: 'csv', panels: items, batch: true, ignored: done, notices };
}
