import type {
  ImportNotice,
  LocatedError,
  ReportStatus,
  ResultSource,
  SourceCoding,
} from '../import-types';
import type { PanelResult } from '../../schemas';
import type { AnalyteId, WarningCode } from '../../types';
import { ANALYTE_IDS } from '../../types';
import type { Location } from '../location';
import { ANALYTE_SYSTEM, BAND_SYSTEM, LOINC_SYSTEMS, RULE_SET_EXTENSION } from '../codes';
import { LOINC_TO_ANALYTE, REFUSED_LOINC } from '../loinc';
import { importWarning, preliminaryWarning, rangeDroppedWarning } from '../warnings';
import { asArray, isObject } from './json';
import type { JsonObject } from './json';
import { readLabRange, readValue } from './value';

/** Observation statuses whose result is skipped (with a notice), not read. */
const SKIPPED_STATUSES: Readonly<Record<string, string>> = {
  'entered-in-error': 'was entered in error',
  cancelled: 'was cancelled',
  registered: 'has no result yet (registered)',
};

/** Observation elements carried through to our output unchanged (US Core must-support). */
const CARRIED = [
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

/** One Observation read from the input, before it is grouped into a panel. */
export interface ReadObservation {
  readonly label: Location;
  readonly groupKey: string;
  readonly panelId?: string;
  readonly panelIdPath?: Location;
  readonly collectedOn?: string;
  readonly collectedOnPath?: Location;
  readonly result: PanelResult;
  readonly fields: Record<string, Location>;
  readonly ruleSet?: { readonly id: string; readonly path: Location };
  readonly warnings: ReadonlyArray<{ readonly code: WarningCode; readonly message: string }>;
  readonly source: ResultSource;
}

export type Read =
  | { kind: 'read'; observation: ReadObservation }
  | { kind: 'error'; errors: LocatedError[] }
  | { kind: 'ignored'; code: string }
  | { kind: 'skipped'; notice: ImportNotice };

function fail(path: Location, message: string, code: LocatedError['code']): Read {
  return { kind: 'error', errors: [{ path, message, code }] };
}

/** LOINC codings of a CodeableConcept, whatever spelling of the system the sender used. */
function loincCodings(concept: unknown): Array<{ code: string; display?: string }> {
  if (!isObject(concept)) return [];
  const codings: Array<{ code: string; display?: string }> = [];
  for (const coding of asArray(concept.coding)) {
    if (!isObject(coding) || typeof coding.code !== 'string') continue;
    if (typeof coding.system !== 'string' || !LOINC_SYSTEMS.includes(coding.system)) continue;
    codings.push(
      typeof coding.display === 'string'
        ? { code: coding.code.trim(), display: coding.display }
        : { code: coding.code.trim() },
    );
  }
  return codings;
}

function readEffectiveDate(resource: JsonObject): { date: string; field: Location } | undefined {
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined;
  const options: Array<[Location, unknown]> = [
    [['effectiveDateTime'], resource.effectiveDateTime],
    [['effectiveInstant'], resource.effectiveInstant],
    [['effectivePeriod', 'start'], period],
  ];
  for (const [field, value] of options) {
    // The calendar date as the lab wrote it (no time-zone shift); partial dates are left out.
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
      return { date: value.slice(0, 10), field };
    }
  }
  return undefined;
}

function readGroup(
  resource: JsonObject,
  at: Location,
  date: string | undefined,
): { key: string; panelId?: string; panelIdPath?: Location } {
  const basedOn = asArray(resource.basedOn);
  for (let index = 0; index < basedOn.length; index++) {
    const reference = basedOn[index];
    if (!isObject(reference)) continue;
    const identifier = reference.identifier;
    if (isObject(identifier) && typeof identifier.value === 'string') {
      const system = typeof identifier.system === 'string' ? identifier.system : '';
      return {
        key: `order|${system}|${identifier.value}`,
        panelId: identifier.value,
        panelIdPath: [...at, 'basedOn', index, 'identifier', 'value'],
      };
    }
    if (typeof reference.reference === 'string') return { key: `order|${reference.reference}` };
  }
  // Without an order, results of one subject on one day form a panel.
  const subject = isObject(resource.subject) ? resource.subject.reference : undefined;
  return { key: `subject|${typeof subject === 'string' ? subject : ''}|${date ?? ''}` };
}

/** The lab's own interpretation codings (not ours, which carry our band system). */
function labFlag(resource: JsonObject): SourceCoding[] {
  const flags: SourceCoding[] = [];
  for (const concept of asArray(resource.interpretation)) {
    if (!isObject(concept)) continue;
    const codings = asArray(concept.coding);
    // Our own interpretation (written by toFhirBundle) is not the lab's flag.
    if (codings.some((coding) => isObject(coding) && coding.system === BAND_SYSTEM)) continue;
    for (const coding of codings) {
      if (!isObject(coding) || typeof coding.code !== 'string') continue;
      flags.push({
        ...(typeof coding.system === 'string' ? { system: coding.system } : {}),
        code: coding.code,
        ...(typeof coding.display === 'string' ? { display: coding.display } : {}),
      });
    }
  }
  return flags;
}

export function readObservation(
  resource: unknown,
  at: Location,
  fullUrl: string | undefined,
): Read {
  if (!isObject(resource))
    return fail(at.length === 0 ? ['(root)'] : at, 'must be a resource', 'invalid-type');
  if (resource.resourceType !== 'Observation') {
    return { kind: 'ignored', code: String(resource.resourceType ?? 'unknown resource') };
  }
  const codes = loincCodings(resource.code);
  const known = codes.find((coding) => LOINC_TO_ANALYTE.has(coding.code));
  const local = known === undefined ? localAnalyte(resource.code) : undefined;
  if (local !== undefined) return readKnown(resource, at, fullUrl, local, undefined);
  if (known === undefined) {
    const refused = codes.find((coding) => REFUSED_LOINC.has(coding.code));
    if (refused !== undefined) {
      return fail([...at, 'code'], REFUSED_LOINC.get(refused.code) ?? '', 'invalid');
    }
    const first = codes[0];
    return {
      kind: 'ignored',
      code: first === undefined ? 'Observation without LOINC code' : `LOINC ${first.code}`,
    };
  }
  const meaning = LOINC_TO_ANALYTE.get(known.code);
  if (meaning === undefined) return { kind: 'ignored', code: `LOINC ${known.code}` };
  return readKnown(
    resource,
    at,
    fullUrl,
    { analyte: meaning.analyte, name: `LOINC ${known.code}` },
    {
      ...known,
      ...(meaning.warn === undefined ? {} : { warn: meaning.warn }),
    },
  );
}

/** Our local analyte code (written for a total 25(OH)D in nmol/L, which has no LOINC code). */
function localAnalyte(concept: unknown): { analyte: AnalyteId; name: string } | undefined {
  if (!isObject(concept)) return undefined;
  for (const coding of asArray(concept.coding)) {
    if (!isObject(coding) || coding.system !== ANALYTE_SYSTEM) continue;
    const analyte = ANALYTE_IDS.find((id) => id === coding.code);
    if (analyte !== undefined) return { analyte, name: analyte };
  }
  return undefined;
}

function readKnown(
  resource: JsonObject,
  at: Location,
  fullUrl: string | undefined,
  meaning: { analyte: AnalyteId; name: string },
  known: { code: string; display?: string; warn?: WarningCode } | undefined,
): Read {
  const status = typeof resource.status === 'string' ? resource.status : undefined;
  const skipped = status === undefined ? undefined : SKIPPED_STATUSES[status];
  if (skipped !== undefined) {
    return {
      kind: 'skipped',
      notice: { path: [...at, 'status'], message: `${meaning.name} ${skipped}: not interpreted` },
    };
  }
  const value = readValue(resource, at, meaning.analyte);
  if ('errors' in value) return { kind: 'error', errors: value.errors };

  const effective = readEffectiveDate(resource);
  const group = readGroup(resource, at, effective?.date);
  const range = readLabRange(resource, at, value.unit);
  const extensions = asArray(resource.extension);
  const ruleSetIndex = extensions.findIndex(
    (extension) => isObject(extension) && extension.url === RULE_SET_EXTENSION,
  );
  const ruleSetValue = extensions[ruleSetIndex];
  const ruleSetId =
    isObject(ruleSetValue) && typeof ruleSetValue.valueCode === 'string'
      ? ruleSetValue.valueCode
      : undefined;
  const reportStatus = ['preliminary', 'final', 'amended', 'corrected'].find(
    (candidate) => candidate === status,
  ) as ReportStatus | undefined;
  const warnings: Array<{ code: WarningCode; message: string }> = [];
  if (known?.warn !== undefined) warnings.push(importWarning(known.warn, known.code));
  if (reportStatus === 'preliminary') warnings.push(preliminaryWarning());
  for (const notice of range.dropped) warnings.push(rangeDroppedWarning(notice.message));

  const id = typeof resource.id === 'string' ? resource.id : undefined;
  const label: Location =
    id === undefined
      ? at.length === 0
        ? ['Observation']
        : at
      : [...at, { label: `(Observation/${id})` }];
  const carried: Record<string, unknown> = {};
  for (const key of CARRIED) if (resource[key] !== undefined) carried[key] = resource[key];
  const flag = labFlag(resource);
  const reference = fullUrl ?? (id === undefined ? undefined : `Observation/${id}`);
  const source: ResultSource = {
    ...(known === undefined ? {} : { loinc: known.code }),
    ...(known?.display === undefined ? {} : { loincDisplay: known.display }),
    ...(reportStatus === undefined ? {} : { reportStatus }),
    ...(flag.length === 0 ? {} : { labFlag: flag }),
    ...(reference === undefined ? {} : { reference }),
    carried,
  };
  return {
    kind: 'read',
    observation: {
      label,
      groupKey: group.key,
      ...(group.panelId === undefined ? {} : { panelId: group.panelId }),
      ...(group.panelIdPath === undefined ? {} : { panelIdPath: group.panelIdPath }),
      ...(effective === undefined
        ? {}
        : { collectedOn: effective.date, collectedOnPath: [...at, ...effective.field] }),
      result: {
        analyte: meaning.analyte,
        value: value.value,
        unit: value.unit,
        ...(value.comparator === undefined ? {} : { comparator: value.comparator }),
        ...(range.labRange === undefined ? {} : { labRange: range.labRange }),
        // The source code travels with the result: interpret() adds the warnings it implies.
        ...(known === undefined ? {} : { code: known.code }),
      },
      fields: {
        analyte: [...at, 'code'],
        ...value.fields,
        ...(range.path === undefined ? {} : { labRange: range.path }),
      },
      ...(ruleSetId === undefined
        ? {}
        : { ruleSet: { id: ruleSetId, path: [...at, 'extension', ruleSetIndex] } }),
      warnings,
      source,
    },
  };
}
