import { Hl7Message } from '@medplum/core';
import type { Hl7Segment } from '@medplum/core';
import type { Panel, PanelResult } from '../schemas';
import type { Comparator, WarningCode } from '../types';
import { COMPARATORS } from '../types';
import { LOINC_TO_ANALYTE, REFUSED_LOINC } from './loinc';
import { IgnoredList, invalidImport } from './import-types';
import type {
  ImportItem,
  ImportNotice,
  ImportOrigin,
  ImportOutcome,
  ImportWarning,
  LocatedError,
  ResultSource,
} from './import-types';
import type { Location } from './location';
import { OBX_STATUS } from './report-status';
import { V2_FLAG_SYSTEM } from './codes';
import { importWarning, preliminaryWarning, rangeDroppedWarning } from './warnings';

/** Coding-system names HL7 v2 uses for LOINC in OBX-3. */
const LOINC_NAMES = ['LN', 'LOINC', '2.16.840.1.113883.6.1'];

/** A numeric text value, possibly censored: "<5", ">= 150". */
// Matched on trimmed text: no two unbounded parts can match the same characters (linear time).
const TEXT_VALUE = /^(?:(<=|>=|<|>)\s*)?(\d+(?:\.\d+)?|\.\d+)$/;

/** An HL7 TS/DTM value's calendar date (YYYYMMDD...), as the lab wrote it. */
function hl7Date(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(text.trim());
  return match === null ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

/** A panel being assembled from one OBR group. */
interface Group {
  readonly label: Location;
  readonly id?: string;
  readonly idPath?: Location;
  readonly collectedOn?: string;
  readonly collectedPath?: Location;
  readonly results: PanelResult[];
  readonly labels: Array<ImportOrigin['results'][number]>;
  readonly sources: ResultSource[];
  readonly warnings: ImportWarning[];
  readonly errors: LocatedError[];
}

type ObxRead =
  | {
      kind: 'read';
      result: PanelResult;
      source: ResultSource;
      fields: Record<string, Location>;
      collectedOn?: string;
      warnings: Array<{ code: WarningCode; message: string }>;
    }
  | { kind: 'error'; error: LocatedError }
  | { kind: 'ignored'; code: string }
  | { kind: 'skipped'; notice: ImportNotice };

/** One component of one field ('' when the segment is shorter). */
function part(segment: Hl7Segment, field: number, component: number): string {
  const value = segment.getField(field) as Hl7Segment['fields'][number] | undefined;
  return value?.getComponent(component) ?? '';
}

function readLoinc(segment: Hl7Segment): { code: string; display: string } | undefined {
  for (const offset of [0, 3]) {
    const system = part(segment, 3, 3 + offset)
      .trim()
      .toUpperCase();
    if (LOINC_NAMES.includes(system)) {
      return { code: part(segment, 3, 1 + offset).trim(), display: part(segment, 3, 2 + offset) };
    }
  }
  return undefined;
}

function readObx(segment: Hl7Segment, label: Location): ObxRead {
  const at = (field: number): Location => [...label, `OBX-${field}`];
  const loinc = readLoinc(segment);
  if (loinc === undefined) {
    const code = part(segment, 3, 1).trim();
    return { kind: 'ignored', code: code === '' ? 'OBX without a code' : `OBX-3 ${code}` };
  }
  const meaning = LOINC_TO_ANALYTE.get(loinc.code);
  if (meaning === undefined) {
    const refused = REFUSED_LOINC.get(loinc.code);
    return refused === undefined
      ? { kind: 'ignored', code: `LOINC ${loinc.code}` }
      : { kind: 'error', error: { path: at(3), message: refused, code: 'invalid' } };
  }
  const statusCode = part(segment, 11, 1).trim().toUpperCase();
  const status = OBX_STATUS[statusCode];
  if (typeof status === 'object') {
    return {
      kind: 'skipped',
      notice: { path: at(11), message: `LOINC ${loinc.code} ${status.skip}: not interpreted` },
    };
  }
  const type = part(segment, 2, 1).trim().toUpperCase();
  let value: number | undefined;
  let comparator: Comparator | undefined;
  if (type === 'SN') {
    // SN: comparator ^ number [^ separator ^ number]; a range (1-5, 1:2) is not one value.
    const written = part(segment, 5, 1).trim();
    const first = part(segment, 5, 2).trim();
    const separator = part(segment, 5, 3).trim();
    comparator =
      written === '' || written === '=' ? undefined : COMPARATORS.find((c) => c === written);
    if ((written !== '' && written !== '=' && comparator === undefined) || separator !== '') {
      return {
        kind: 'error',
        error: {
          path: at(5),
          message:
            'must be one value with an optional <, <=, > or >= (a range or ratio is not read)',
          code: 'invalid',
        },
      };
    }
    value = /^(\d+(?:\.\d+)?|\.\d+)$/.test(first) ? Number(first) : undefined;
  } else if (type === 'NM' || type === 'ST' || type === '') {
    const match = TEXT_VALUE.exec(part(segment, 5, 1).trim());
    if (match !== null) {
      comparator = COMPARATORS.find((c) => c === match[1]);
      value = Number(match[2]);
    }
  } else {
    return {
      kind: 'error',
      error: {
        path: at(2),
        message: `value type ${type} is not read: use NM or SN`,
        code: 'invalid',
      },
    };
  }
  if (value === undefined) {
    return {
      kind: 'error',
      error: {
        path: at(5),
        message: 'must be a number, or a censored value such as <5',
        code: 'not-a-number',
      },
    };
  }
  const unit = part(segment, 6, 1).trim();
  const warnings: Array<{ code: WarningCode; message: string }> = [];
  if (meaning.warn !== undefined) warnings.push(importWarning(meaning.warn, loinc.code));
  const reportStatus = status === undefined ? undefined : status;
  if (reportStatus === 'preliminary') warnings.push(preliminaryWarning());

  let labRange: { low: number; high: number } | undefined;
  const rangeText = part(segment, 7, 1).trim();
  if (rangeText !== '') {
    const parts = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(rangeText);
    const low = parts === null ? undefined : Number(parts[1]);
    const high = parts === null ? undefined : Number(parts[2]);
    if (low !== undefined && high !== undefined && high > low) labRange = { low, high };
    else
      warnings.push(
        rangeDroppedWarning(`"${rangeText}" is not a low-high range: the lab's range was not used`),
      );
  }
  const flag = part(segment, 8, 1).trim();
  const collectedOn = hl7Date(part(segment, 14, 1));
  return {
    kind: 'read',
    result: {
      analyte: meaning.analyte,
      value,
      unit,
      ...(comparator === undefined ? {} : { comparator }),
      ...(labRange === undefined ? {} : { labRange }),
      code: loinc.code,
    },
    source: {
      loinc: loinc.code,
      ...(loinc.display === '' ? {} : { loincDisplay: loinc.display }),
      ...(reportStatus === undefined ? {} : { reportStatus }),
      ...(flag === '' ? {} : { labFlag: [{ system: V2_FLAG_SYSTEM, code: flag }] }),
    },
    fields: {
      analyte: at(3),
      value: at(5),
      comparator: at(5),
      unit: at(6),
      labRange: at(7),
    },
    ...(collectedOn === undefined ? {} : { collectedOn }),
    warnings,
  };
}

function toItem(group: Group, index: number): ImportItem {
  if (group.errors.length > 0) return { index, errors: group.errors };
  const panel: Panel = {
    ...(group.id === undefined ? {} : { id: group.id }),
    ...(group.collectedOn === undefined ? {} : { collectedOn: group.collectedOn }),
    results: group.results,
  };
  const panelFields: Record<string, Location> = {};
  if (group.idPath !== undefined) panelFields.id = group.idPath;
  if (group.collectedPath !== undefined) panelFields.collectedOn = group.collectedPath;
  return {
    index,
    imported: { panel, warnings: group.warnings, sources: group.sources },
    errors: [],
    origin: { prefix: group.label, results: group.labels, panelFields },
  };
}

/**
 * Reads an HL7 v2 ORU^R01 message (ER7 text; segments end with CR, LF or CRLF) with Medplum's
 * parser. Each OBR group is a panel (id from OBR-3 filler or OBR-2 placer order number,
 * collection date from OBR-7, else OBX-14); several patients (PID) and groups per message. An OBX
 * is read when OBX-3 carries a LOINC code of ours (coding system LN): value type NM or SN (SN
 * carries the comparator), unit OBX-6 (never guessed), range OBX-7, the lab's flag OBX-8,
 * status OBX-11 (deleted, wrong, cancelled or pending results are skipped with a notice). Other
 * OBX and segments are ignored. PID data is not read at all.
 * @param text - the message text, starting with MSH (or a batch FHS/BHS)
 * @returns one item per OBR group holding one of our results
 */
export function readHl7(text: string): ImportOutcome {
  let message: Hl7Message;
  try {
    message = Hl7Message.parse(text.replace(/\r\n|\n/g, '\r'));
  } catch {
    return invalidImport(['MSH'], 'cannot be read as an HL7 v2 message', 'invalid');
  }
  const ignored = new IgnoredList();
  const notices: ImportNotice[] = [];
  const groups: Group[] = [];
  let patient = 0;
  let current: Group | undefined;
  let obrCount = 0;
  message.segments.forEach((segment, position) => {
    const line = position + 1;
    switch (segment.name) {
      case 'PID':
        patient++;
        current = undefined;
        return;
      case 'OBR': {
        obrCount++;
        const label: Location = [
          {
            label: `segment ${line} (OBR ${obrCount}${patient > 1 ? `, patient ${patient}` : ''})`,
          },
        ];
        const filler = part(segment, 3, 1).trim();
        const placer = part(segment, 2, 1).trim();
        const id = filler !== '' ? filler : placer;
        const collectedOn = hl7Date(part(segment, 7, 1));
        current = {
          label,
          ...(id === '' ? {} : { id, idPath: [...label, filler !== '' ? 'OBR-3' : 'OBR-2'] }),
          ...(collectedOn === undefined ? {} : { collectedOn, collectedPath: [...label, 'OBR-7'] }),
          results: [],
          labels: [],
          sources: [],
          warnings: [],
          errors: [],
        };
        groups.push(current);
        return;
      }
      case 'OBX': {
        const label: Location = [
          { label: `segment ${line} (OBX ${part(segment, 1, 1).trim() || '?'})` },
        ];
        const read = readObx(segment, label);
        if (read.kind === 'ignored') {
          ignored.add(read.code);
          return;
        }
        if (read.kind === 'skipped') {
          notices.push(read.notice);
          return;
        }
        if (current === undefined) {
          // An OBX outside any OBR group still gets a panel of its own.
          current = { label, results: [], labels: [], sources: [], warnings: [], errors: [] };
          groups.push(current);
        }
        if (read.kind === 'error') {
          current.errors.push(read.error);
          return;
        }
        const resultIndex = current.results.length;
        current.results.push(read.result);
        current.sources.push(read.source);
        current.labels.push({ label, fields: read.fields });
        for (const warning of read.warnings) current.warnings.push({ resultIndex, ...warning });
        if (current.collectedOn === undefined && read.collectedOn !== undefined) {
          const index = groups.indexOf(current);
          current = {
            ...current,
            collectedOn: read.collectedOn,
            collectedPath: [...label, 'OBX-14'],
          };
          groups[index] = current;
        }
        return;
      }
      default:
        return;
    }
  });
  const used = groups.filter((group) => group.results.length > 0 || group.errors.length > 0);
  const done = ignored.result();
  if (used.length === 0) {
    return {
      kind: 'invalid',
      errors: [
        {
          path: ['OBX'],
          message: `no OBX holds a 25-hydroxyvitamin D, vitamin B12 or magnesium result (LOINC ${[...LOINC_TO_ANALYTE.keys()].join(', ')} in OBX-3)${done.count > 0 ? `; ${done.count} other results ignored` : ''}`,
          code: 'too-few',
        },
      ],
      ignored: done,
      notices,
    };
  }
  return {
    kind: 'hl7',
    panels: used.map((group, index) => toItem(group, index)),
    batch: true,
    ignored: done,
    notices,
  };
}
