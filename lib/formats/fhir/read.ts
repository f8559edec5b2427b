import { ANALYTES } from '../../analytes/registry';
import { invalidImport, IgnoredList, NOTHING_IGNORED } from '../import-types';
import type {
  ImportedPanel,
  ImportItem,
  ImportNotice,
  ImportOrigin,
  ImportOutcome,
  LocatedError,
  ReportStatus,
  ResultSource,
  SourceCoding,
} from '../import-types';
import type { Panel, PanelResult } from '../../schemas';
import type { Analyte, AnalyteId, Comparator, WarningCode } from '../../types';
import { ANALYTE_IDS, COMPARATORS } from '../../types';
import { listUnits, normaliseUnit } from '../../units';
import type { Location } from '../location';
import {
  ANALYTE_SYSTEM,
  BAND_SYSTEM,
  LOINC_SYSTEMS,
  RULE_SET_EXTENSION,
  UCUM_SYSTEM,
} from '../codes';
import { importWarning, preliminaryWarning, rangeDroppedWarning } from '../warnings';

/** Every Bundle type of FHIR R4: all are read the same way (entries with resources). */
const BUNDLE_TYPES = [
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection',
] as const;

/** Observation statuses whose result is skipped (with a notice), not read. */
const SKIPPED_STATUSES: Readonly<Record<string, string>> = {
  'entered-in-error': 'was entered in error',
  cancelled: 'was cancelled',
  registered: 'has no result yet (registered)',
};

/**
 * LOINC codes that name one of our analytes in the wrong specimen (clinical reference, section
 * 4): reading them against serum cut-offs would be wrong, so they are refused with the reason.
 */
const REFUSED_LOINC: ReadonlyMap<string, string> = new Map([
  [
    '16695-9',
    'LOINC 16695-9 is vitamin B12 in whole blood; serum cut-offs do not apply (use 2132-9 or 14685-2, serum or plasma)',
  ],
]);

/** Our LOINC codes and what they mean. */
export const LOINC_TO_ANALYTE: ReadonlyMap<
  string,
  { readonly analyte: AnalyteId; readonly display: string; readonly warn?: WarningCode }
> = new Map(
  Object.values(ANALYTES).flatMap((analyte: Analyte) =>
    analyte.loincCodes.map(
      (entry) =>
        [
          entry.code,
          {
            analyte: analyte.id,
            display: entry.display,
            ...(entry.warn === undefined ? {} : { warn: entry.warn }),
          },
        ] as const,
    ),
  ),
);

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

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** One Observation read from the input, before it is grouped into a panel. */
interface ReadObservation {
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

type Read =
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

/** A value written as text: "<5", ">= 150", "≤ 5", optionally followed by a unit ("<5 ng/mL"). */
// Matched on trimmed text: no two unbounded parts can match the same characters (linear time).
const VALUE_STRING = /^(?:(<=|>=|<|>|≤|≥)\s*)?(\d+(?:\.\d+)?|\.\d+)(?:\s*([^\s\d<>=≤≥]\S*))?$/;

function toComparator(text: string | undefined): Comparator | undefined {
  if (text === undefined) return undefined;
  const mapped = text === '≤' ? '<=' : text === '≥' ? '>=' : text;
  return COMPARATORS.find((candidate) => candidate === mapped);
}

/** The unit the lab gave on the Observation's own reference range, when one is given. */
function rangeUnit(resource: JsonObject): { unit: string; path: Location } | undefined {
  const ranges = asArray(resource.referenceRange);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    if (!isObject(range)) continue;
    for (const bound of ['low', 'high'] as const) {
      const quantity = range[bound];
      if (!isObject(quantity)) continue;
      const unit =
        typeof quantity.code === 'string'
          ? quantity.code
          : typeof quantity.unit === 'string'
            ? quantity.unit
            : undefined;
      if (unit !== undefined) return { unit, path: ['referenceRange', index, bound] };
    }
  }
  return undefined;
}

function readUnit(
  quantity: JsonObject,
  at: Location,
  analyte: AnalyteId,
): { unit: string; path: Location } | { errors: LocatedError[] } {
  const code = typeof quantity.code === 'string' ? quantity.code : undefined;
  const text = typeof quantity.unit === 'string' ? quantity.unit : undefined;
  const codeIsUcum = quantity.system === undefined || quantity.system === UCUM_SYSTEM;
  // UCUM code first (it is the machine-readable one), then the display unit; never a default.
  const candidates: Array<{ unit: string; path: Location }> = [];
  if (code !== undefined && codeIsUcum) candidates.push({ unit: code, path: [...at, 'code'] });
  if (text !== undefined) candidates.push({ unit: text, path: [...at, 'unit'] });
  const first = candidates[0];
  if (first === undefined) {
    return {
      errors: [
        {
          path: [...at, 'unit'],
          message: `is required: the unit is never guessed; use one of ${listUnits(analyte).join(', ')}`,
          code: 'required',
        },
      ],
    };
  }
  const recognised = candidates.find((candidate) => normaliseUnit(candidate.unit) !== undefined);
  if (recognised === undefined) {
    return {
      errors: [
        {
          path: first.path,
          message: `"${first.unit}" is not a recognised unit; use one of ${listUnits(analyte).join(', ')}`,
          code: 'unknown-unit',
        },
      ],
    };
  }
  return recognised;
}

/**
 * The lab's reference range: the first one (not our own guideline band) with a low and a high
 * in the value's unit, low below high. Ranges that cannot be a range (0-0 placeholders, text
 * only, one bound only, another unit) are dropped with a notice: the result is still read.
 */
function readLabRange(
  resource: JsonObject,
  at: Location,
  unit: string,
): { labRange?: { low: number; high: number }; path?: Location; dropped: ImportNotice[] } {
  const dropped: ImportNotice[] = [];
  const ranges = asArray(resource.referenceRange);
  const wanted = normaliseUnit(unit);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    const path: Location = [...at, 'referenceRange', index];
    if (!isObject(range)) continue;
    // Our own guideline band (written by toFhirBundle) is not the lab's range.
    const typeCodings = isObject(range.type) ? asArray(range.type.coding) : [];
    if (typeCodings.some((coding) => isObject(coding) && coding.system === BAND_SYSTEM)) continue;
    const low = isObject(range.low) ? range.low : undefined;
    const high = isObject(range.high) ? range.high : undefined;
    const lowValue = typeof low?.value === 'number' ? low.value : undefined;
    const highValue = typeof high?.value === 'number' ? high.value : undefined;
    let reason: string | undefined;
    if (lowValue === undefined && highValue === undefined) {
      reason = typeof range.text === 'string' ? 'has text only' : 'has no low or high value';
    } else if (lowValue === undefined || highValue === undefined) {
      reason = lowValue === undefined ? 'has a high value only' : 'has a low value only';
    } else if (!(highValue > lowValue) || lowValue < 0) {
      reason = `${lowValue}-${highValue} is not a range`;
    } else {
      for (const bound of [low, high]) {
        const boundUnit =
          typeof bound?.code === 'string'
            ? bound.code
            : typeof bound?.unit === 'string'
              ? bound.unit
              : undefined;
        // A range in another unit is left out rather than converted or assumed.
        if (boundUnit !== undefined && normaliseUnit(boundUnit) !== wanted) {
          reason = `is in ${boundUnit}, not in the result's unit ${unit}`;
        }
      }
    }
    if (reason !== undefined) {
      dropped.push({ path, message: `${reason}: the lab's range was not used` });
      continue;
    }
    if (lowValue !== undefined && highValue !== undefined) {
      return { labRange: { low: lowValue, high: highValue }, path, dropped };
    }
  }
  return { dropped };
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

function readValue(
  resource: JsonObject,
  at: Location,
  analyte: AnalyteId,
):
  | { value: number; comparator?: Comparator; unit: string; fields: Record<string, Location> }
  | { errors: LocatedError[] } {
  const quantity = resource.valueQuantity;
  if (isObject(quantity)) {
    const quantityPath: Location = [...at, 'valueQuantity'];
    if (typeof quantity.value !== 'number') {
      return {
        errors: [
          { path: [...quantityPath, 'value'], message: 'must be a number', code: 'not-a-number' },
        ],
      };
    }
    let comparator: Comparator | undefined;
    if (quantity.comparator !== undefined) {
      comparator = COMPARATORS.find((candidate) => candidate === quantity.comparator);
      if (comparator === undefined) {
        return {
          errors: [
            {
              path: [...quantityPath, 'comparator'],
              message: 'must be one of <, <=, >, >=',
              code: 'invalid',
            },
          ],
        };
      }
    }
    const unit = readUnit(quantity, quantityPath, analyte);
    if ('errors' in unit) return unit;
    return {
      value: quantity.value,
      ...(comparator === undefined ? {} : { comparator }),
      unit: unit.unit,
      fields: {
        value: [...quantityPath, 'value'],
        comparator: [...quantityPath, 'comparator'],
        unit: unit.path,
      },
    };
  }
  if (typeof resource.valueString === 'string') {
    const path: Location = [...at, 'valueString'];
    const match = VALUE_STRING.exec(resource.valueString.trim());
    if (match === null) {
      return {
        errors: [
          {
            path,
            message: 'must be a number, or a censored value such as <5 or >= 150',
            code: 'not-a-number',
          },
        ],
      };
    }
    const comparator = toComparator(match[1]);
    const value = Number(match[2]);
    const written = match[3];
    const fromRange = rangeUnit(resource);
    const unit = written ?? fromRange?.unit;
    if (unit === undefined) {
      return {
        errors: [
          {
            path,
            message: `has no unit (and no reference range gives one): the unit is never guessed; use one of ${listUnits(analyte).join(', ')}`,
            code: 'required',
          },
        ],
      };
    }
    const unitPath: Location =
      written === undefined && fromRange !== undefined ? [...at, ...fromRange.path] : path;
    if (normaliseUnit(unit) === undefined) {
      return {
        errors: [
          {
            path: unitPath,
            message: `"${unit}" is not a recognised unit; use one of ${listUnits(analyte).join(', ')}`,
            code: 'unknown-unit',
          },
        ],
      };
    }
    return {
      value,
      ...(comparator === undefined ? {} : { comparator }),
      unit,
      fields: { value: path, comparator: path, unit: unitPath },
    };
  }
  const other = Object.keys(resource).find(
    (key) => key.startsWith('value') && resource[key] !== undefined,
  );
  const absent = isObject(resource.dataAbsentReason) ? ' (the lab gave a dataAbsentReason)' : '';
  return {
    errors: [
      {
        path: [...at, 'valueQuantity'],
        message:
          other === undefined
            ? `is required${absent}: a numeric value with its unit`
            : `is required: ${other} is not read, only valueQuantity or a numeric valueString`,
        code: 'required',
      },
    ],
  };
}

function readObservation(resource: unknown, at: Location, fullUrl: string | undefined): Read {
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

/** A group of Observations becoming one panel. */
interface Group {
  readonly observations: ReadObservation[];
}

function buildItem(group: Group, index: number): ImportItem {
  const first = group.observations[0];
  const ruleSets: Partial<Record<AnalyteId, string>> = {};
  const panelFields: Record<string, Location> = {};
  const warnings: ImportedPanel['warnings'] = [];
  group.observations.forEach((observation, resultIndex) => {
    const analyte = observation.result.analyte as AnalyteId;
    if (observation.ruleSet !== undefined && ruleSets[analyte] === undefined) {
      ruleSets[analyte] = observation.ruleSet.id;
      panelFields[`ruleSets.${analyte}`] = observation.ruleSet.path;
    }
    for (const warning of observation.warnings) warnings.push({ resultIndex, ...warning });
  });
  const panelId = first?.panelId;
  const collected = group.observations.find((observation) => observation.collectedOn !== undefined);
  if (first?.panelIdPath !== undefined) panelFields.id = first.panelIdPath;
  if (collected?.collectedOnPath !== undefined) panelFields.collectedOn = collected.collectedOnPath;
  const panel: Panel = {
    ...(panelId === undefined ? {} : { id: panelId }),
    ...(collected?.collectedOn === undefined ? {} : { collectedOn: collected.collectedOn }),
    // Rule-set ids are checked against the analyte by interpret(), like any other panel.
    ...(Object.keys(ruleSets).length === 0 ? {} : { ruleSets: ruleSets as Panel['ruleSets'] }),
    results: group.observations.map((observation) => observation.result),
  };
  const origin: ImportOrigin = {
    prefix:
      panelId === undefined
        ? [{ label: 'panel of' }, ...(first?.label ?? ['Observation'])]
        : [{ label: `panel ${panelId}` }],
    results: group.observations.map((observation) => ({
      label: observation.label,
      fields: observation.fields,
    })),
    panelFields,
  };
  return {
    index,
    imported: {
      panel,
      warnings,
      sources: group.observations.map((observation) => observation.source),
    },
    errors: [],
    origin,
  };
}

/** The entries of a Bundle (or the one Observation), with their locations. */
function entriesOf(
  json: JsonObject,
): { entries: Array<{ resource: unknown; path: Location; fullUrl?: string }> } | ImportOutcome {
  if (json.resourceType === 'Observation') return { entries: [{ resource: json, path: [] }] };
  if (json.resourceType !== 'Bundle') {
    return invalidImport(
      ['resourceType'],
      `${JSON.stringify(json.resourceType ?? null)} is not read: use an Observation or a Bundle`,
      'invalid',
    );
  }
  if (!BUNDLE_TYPES.some((type) => type === json.type)) {
    return invalidImport(['type'], `must be one of ${BUNDLE_TYPES.join(', ')}`, 'invalid');
  }
  const entries: Array<{ resource: unknown; path: Location; fullUrl?: string }> = [];
  asArray(json.entry).forEach((entry, index) => {
    if (!isObject(entry)) return;
    const mode = isObject(entry.search) ? entry.search.mode : undefined;
    if (mode === 'include' || mode === 'outcome') return;
    // A transaction-response or history entry without a resource (e.g. a DELETE) has nothing.
    if (entry.resource === undefined) return;
    entries.push({
      resource: entry.resource,
      path: ['entry', index, 'resource'],
      ...(typeof entry.fullUrl === 'string' ? { fullUrl: entry.fullUrl } : {}),
    });
  });
  return { entries };
}

/**
 * Reads FHIR R4 Observations into panels. An Observation of one of our analytes is read by its
 * LOINC code (clinical reference, section 4; system `http://loinc.org`, `https://loinc.org` or
 * `urn:oid:2.16.840.1.113883.6.1`), `valueQuantity` or a numeric `valueString` ("<5", ">= 150"),
 * `effective[x]` (collection date), the first usable `referenceRange` (unusable ones are dropped
 * with a warning) and our rule-set extension; `status` is kept (entered-in-error, cancelled and
 * registered results are skipped with a notice). Every other entry (Patient, DiagnosticReport,
 * other lab codes) is ignored and counted, never an error. Observations sharing a `basedOn` order
 * form one panel, whose id is the order identifier; otherwise one subject's results of one day.
 * @param json - a parsed Observation or Bundle (any Bundle type)
 * @returns one item per panel and per unreadable entry, in entry order, with the ignored entries
 *   and notices; `invalid` when the input is not an Observation or Bundle, or holds none of ours
 */
export function panelsFromFhir(json: unknown): ImportOutcome {
  if (!isObject(json)) {
    return invalidImport(['(root)'], 'must be a FHIR R4 Observation or Bundle', 'invalid');
  }
  const listed = entriesOf(json);
  if ('kind' in listed) return listed;
  const ignored = new IgnoredList();
  const notices: ImportNotice[] = [];
  // Items in entry order: a panel sits where its first Observation was, a failure where it was.
  const slots: Array<Group | LocatedError[]> = [];
  const groups = new Map<string, Group>();
  for (const entry of listed.entries) {
    const read = readObservation(entry.resource, entry.path, entry.fullUrl);
    switch (read.kind) {
      case 'ignored':
        ignored.add(read.code);
        continue;
      case 'skipped':
        notices.push(read.notice);
        continue;
      case 'error':
        slots.push(read.errors);
        continue;
      case 'read': {
        const group = groups.get(read.observation.groupKey);
        if (group === undefined) {
          const created: Group = { observations: [read.observation] };
          groups.set(read.observation.groupKey, created);
          slots.push(created);
        } else {
          group.observations.push(read.observation);
        }
      }
    }
  }
  const done = ignored.result();
  if (slots.length === 0) {
    const accepted = [...LOINC_TO_ANALYTE.keys()].join(', ');
    const skipped = notices.length > 0 ? `; ${notices.length} skipped by status` : '';
    return {
      kind: 'invalid',
      errors: [
        {
          path: json.resourceType === 'Bundle' ? ['entry'] : ['code'],
          message: `holds no 25-hydroxyvitamin D, vitamin B12 or magnesium result to interpret (LOINC ${accepted})${done.count > 0 ? `; ${done.count} other entries ignored` : ''}${skipped}`,
          code: 'too-few',
        },
      ],
      ignored: done,
      notices,
    };
  }
  const panels = slots.map((slot, index): ImportItem =>
    Array.isArray(slot) ? { index, errors: slot } : buildItem(slot, index),
  );
  return {
    kind: 'fhir',
    panels,
    batch: json.resourceType === 'Bundle',
    ignored: done.count === 0 ? NOTHING_IGNORED : done,
    notices,
  };
}
