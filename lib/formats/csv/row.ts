import type { Panel, PanelResult } from '../../schemas';
import type { AnalyteId, Comparator, RuleSetId, WarningCode } from '../../types';
import { COMPARATORS } from '../../types';
import type { ImportNotice, ImportOrigin, LocatedError, ResultSource } from '../import-types';
import type { Location } from '../location';
import { V2_FLAG_SYSTEM } from '../codes';
import { importWarning, rangeDroppedWarning } from '../warnings';
import type { Column } from './columns';
import { readDate } from './dates';

const NUMBER = /^(\d+(?:\.\d+)?|\.\d+)$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const VALUE = /^(<=|>=|<|>|≤|≥)?\s*(\d+(?:[.,]\d+)?|[.,]\d+)$/;

/** A number as written in a cell: a decimal comma only where the delimiter is not a comma. */
function readNumber(text: string, commaDecimal: boolean): number | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (commaDecimal && DECIMAL_COMMA.test(trimmed)) return Number(trimmed.replace(',', '.'));
  return undefined;
}

/** A panel being assembled from its rows. */
export interface PanelRows {
  readonly id?: string;
  readonly firstLine: number;
  lastLine: number;
  readonly results: PanelResult[];
  readonly labels: Array<ImportOrigin['results'][number]>;
  readonly sources: ResultSource[];
  readonly warnings: Array<{ resultIndex: number; code: WarningCode; message: string }>;
  readonly ruleSets: Partial<Record<AnalyteId, { id: string; path: Location }>>;
  collectedOn?: { value: string; path: Location };
  readonly errors: LocatedError[];
}

export function emptyPanel(panelId: string, line: number): PanelRows {
  return {
    ...(panelId === '' ? {} : { id: panelId }),
    firstLine: line,
    lastLine: line,
    results: [],
    labels: [],
    sources: [],
    warnings: [],
    ruleSets: {},
    errors: [],
  };
}

export interface RowContext {
  readonly at: (column: Column) => Location;
  readonly where: string;
  readonly cell: (fields: string[], column: Column) => string;
  readonly resolved: { analyte: AnalyteId; loinc?: string; warn?: WarningCode };
  readonly commaDecimal: boolean;
  readonly notices: ImportNotice[];
}

export function readRow(panel: PanelRows, fields: string[], context: RowContext): void {
  const { at, where, cell, resolved, commaDecimal } = context;
  const errors = panel.errors;
  const resultIndex = panel.results.length;

  // Value: "42", "<5", ">= 150", "0,64" (decimal comma unless the delimiter is a comma).
  let valueText = cell(fields, 'value');
  let comparator: Comparator | undefined;
  const match = VALUE.exec(valueText);
  if (match !== null) {
    const number = match[2] ?? '';
    if (number.includes(',') && !commaDecimal) {
      errors.push({
        path: at('value'),
        message: 'has a decimal comma in a comma-separated file: write a decimal point',
        code: 'not-a-number',
      });
    }
    valueText = `${match[1] ?? ''}${number.replace(',', '.')}`;
  }
  const comparatorText = cell(fields, 'comparator');
  if (comparatorText !== '') {
    comparator = COMPARATORS.find((candidate) => candidate === comparatorText);
    if (comparator === undefined) {
      errors.push({
        path: at('comparator'),
        message: 'must be one of <, <=, >, >= (or empty)',
        code: 'invalid',
      });
    }
  }

  // The lab's range: lab_low + lab_high, or reference_range "30-100". Unusable ranges are dropped.
  let labRange: { low: number; high: number } | undefined;
  let rangePath: Location | undefined;
  const lowText = cell(fields, 'lab_low');
  const highText = cell(fields, 'lab_high');
  const rangeText = cell(fields, 'reference_range');
  if (lowText !== '' || highText !== '') {
    const low = readNumber(lowText, commaDecimal);
    const high = readNumber(highText, commaDecimal);
    if (low === undefined && lowText !== '') {
      errors.push({ path: at('lab_low'), message: 'must be a number', code: 'not-a-number' });
    } else if (high === undefined && highText !== '') {
      errors.push({ path: at('lab_high'), message: 'must be a number', code: 'not-a-number' });
    } else if (low === undefined || high === undefined || !(high > low)) {
      panel.warnings.push({
        resultIndex,
        ...rangeDroppedWarning(
          `${lowText || '?'}-${highText || '?'} is not a range: the lab's range was not used`,
        ),
      });
    } else {
      labRange = { low, high };
      rangePath = at('lab_low');
    }
  } else if (rangeText !== '') {
    const parts = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?)$/.exec(rangeText);
    const low = parts === null ? undefined : readNumber(parts[1] ?? '', commaDecimal);
    const high = parts === null ? undefined : readNumber(parts[2] ?? '', commaDecimal);
    if (low !== undefined && high !== undefined && high > low) {
      labRange = { low, high };
      rangePath = at('reference_range');
    } else {
      // "<5", ">30", "see note": one bound or text only cannot be a range for our comparison.
      panel.warnings.push({
        resultIndex,
        ...rangeDroppedWarning(
          `"${rangeText}" is not a low-high range: the lab's range was not used`,
        ),
      });
    }
  }

  const ruleSet = cell(fields, 'rule_set');
  if (ruleSet !== '') {
    const previous = panel.ruleSets[resolved.analyte];
    if (previous === undefined)
      panel.ruleSets[resolved.analyte] = { id: ruleSet, path: at('rule_set') };
    else if (previous.id !== ruleSet) {
      errors.push({
        path: at('rule_set'),
        message: `${ruleSet} differs from ${previous.id} for the same analyte in this panel`,
        code: 'invalid',
      });
    }
  }
  const collectedText = cell(fields, 'collected');
  if (collectedText !== '') {
    const date = readDate(collectedText);
    if ('error' in date) {
      errors.push({ path: at('collected'), message: date.error, code: 'invalid-date' });
    } else {
      if (date.note !== undefined) {
        context.notices.push({
          path: at('collected'),
          message: `${collectedText} ${date.note}: ${date.date}`,
        });
      }
      if (panel.collectedOn === undefined)
        panel.collectedOn = { value: date.date, path: at('collected') };
      else if (panel.collectedOn.value !== date.date) {
        errors.push({
          path: at('collected'),
          message: `${date.date} differs from ${panel.collectedOn.value} in this panel`,
          code: 'invalid',
        });
      }
    }
  }
  if (resolved.warn !== undefined && resolved.loinc !== undefined) {
    panel.warnings.push({ resultIndex, ...importWarning(resolved.warn, resolved.loinc) });
  }
  const flag = cell(fields, 'flag');
  panel.sources.push({
    ...(resolved.loinc === undefined ? {} : { loinc: resolved.loinc }),
    ...(flag === '' ? {} : { labFlag: [{ system: V2_FLAG_SYSTEM, code: flag }] }),
  });
  // Value and unit are checked by interpret() (the one validator); errors map back here.
  panel.results.push({
    analyte: resolved.analyte,
    value: valueText,
    unit: cell(fields, 'unit'),
    ...(comparator === undefined ? {} : { comparator }),
    ...(labRange === undefined ? {} : { labRange }),
  });
  panel.labels.push({
    label: [{ label: where }],
    fields: {
      analyte: at(fieldOr(cell, fields, 'analyte')),
      value: at('value'),
      unit: at('unit'),
      comparator: at(cell(fields, 'comparator') === '' ? 'value' : 'comparator'),
      ...(rangePath === undefined ? {} : { labRange: rangePath }),
      'labRange.low': at(
        rangePath !== undefined && cell(fields, 'lab_low') === '' ? 'reference_range' : 'lab_low',
      ),
      'labRange.high': at(
        rangePath !== undefined && cell(fields, 'lab_high') === '' ? 'reference_range' : 'lab_high',
      ),
    },
  });
}

function fieldOr(cell: RowContext['cell'], fields: string[], column: Column): Column {
  return cell(fields, column) === '' ? 'loinc' : column;
}

export function toPanel(rows: PanelRows): Panel {
  const ruleSets: Partial<Record<AnalyteId, RuleSetId>> = {};
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) {
    // Rule-set ids are checked against the analyte by interpret().
    ruleSets[analyte as AnalyteId] = choice.id as RuleSetId;
  }
  return {
    ...(rows.id === undefined ? {} : { id: rows.id }),
    ...(rows.collectedOn === undefined ? {} : { collectedOn: rows.collectedOn.value }),
    ...(Object.keys(ruleSets).length === 0 ? {} : { ruleSets: ruleSets as Panel['ruleSets'] }),
    results: rows.results,
  };
}

export function toOrigin(rows: PanelRows): ImportOrigin {
  const name = rows.id === undefined ? 'panel' : `panel ${rows.id}`;
  const panelFields: Record<string, Location> = {};
  if (rows.id !== undefined)
    panelFields.id = [{ label: `row ${rows.firstLine} (panel ${rows.id})` }, 'panel_id'];
  if (rows.collectedOn !== undefined) panelFields.collectedOn = rows.collectedOn.path;
  for (const [analyte, choice] of Object.entries(rows.ruleSets)) {
    panelFields[`ruleSets.${analyte}`] = choice.path;
  }
  const span =
    rows.firstLine === rows.lastLine
      ? `row ${rows.firstLine}`
      : `rows ${rows.firstLine}-${rows.lastLine}`;
  return { prefix: [{ label: `${name} (${span})` }], results: rows.labels, panelFields };
}
