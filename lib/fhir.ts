import { ANALYTES, getAnalyte, getRuleSet } from './analytes/registry';
import type { ImportItem, ImportOrigin } from './import';
import { CODE_WARNING_MESSAGES } from './result-codes';
import type { Panel, PanelResult } from './schemas';
import type {
  Analyte,
  AnalyteId,
  Comparator,
  FhirInterpretationCode,
  FieldError,
  Interpretation,
  ResultInterpretation,
  RuleSetId,
  WarningCode,
} from './types';
import { COMPARATORS } from './types';
import { listUnits, normaliseUnit } from './units';

/** LOINC's code system URI. */
export const LOINC_SYSTEM = 'http://loinc.org';
/** UCUM's code system URI (units). */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** HL7 v3 ObservationInterpretation (LL, L, N, H, HH, IND). */
export const V3_INTERPRETATION_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** Our local code system for the guideline band (there is no standard code for insufficient). */
export const BAND_SYSTEM = 'urn:lab-interpreter:band';
/** Observations of one panel share a `basedOn` identifier in this system (value = panel id). */
export const PANEL_SYSTEM = 'urn:lab-interpreter:panel';
/** Extension carrying the rule-set id an Observation was interpreted with. */
export const RULE_SET_EXTENSION = 'urn:lab-interpreter:rule-set';

const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
const BUNDLE_TYPES = ['searchset', 'collection', 'transaction'] as const;

/** Display names of the v3 interpretation codes, as HL7 writes them. */
const V3_DISPLAY: Readonly<Record<FhirInterpretationCode, string>> = {
  LL: 'Critical low',
  L: 'Low',
  N: 'Normal',
  H: 'High',
  HH: 'Critical high',
  IND: 'Indeterminate',
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

/** Messages of the warnings an import adds, by code (the same text interpret() gives). */
const IMPORT_WARNINGS = CODE_WARNING_MESSAGES;

const LOINC_TO_ANALYTE: ReadonlyMap<
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

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** One Observation read from the input, before it is grouped into a panel. */
interface ReadObservation {
  readonly entryPath: string;
  readonly label: string;
  readonly groupKey: string;
  readonly panelId?: string;
  readonly panelIdPath?: string;
  readonly collectedOn?: string;
  readonly collectedOnPath?: string;
  readonly result: PanelResult;
  readonly fields: Record<string, string>;
  readonly ruleSet?: { readonly id: string; readonly path: string };
  readonly warning?: { readonly code: WarningCode; readonly message: string };
}

function join(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

function fail(path: string, message: string, code: FieldError['code']): { errors: FieldError[] } {
  return { errors: [{ path, message, code }] };
}

function readAnalyte(
  resource: JsonObject,
  at: string,
):
  | { analyte: AnalyteId; loinc: string; warn?: WarningCode; errors?: never }
  | { errors: FieldError[] } {
  const codePath = join(at, 'code');
  if (!isObject(resource.code)) return fail(codePath, 'is required (a LOINC coding)', 'required');
  const loincCodes = asArray(resource.code.coding)
    .filter((coding): coding is JsonObject => isObject(coding) && coding.system === LOINC_SYSTEM)
    .map((coding) => coding.code)
    .filter((code): code is string => typeof code === 'string');
  for (const code of loincCodes) {
    const known = LOINC_TO_ANALYTE.get(code);
    if (known !== undefined) {
      return known.warn === undefined
        ? { analyte: known.analyte, loinc: code }
        : { analyte: known.analyte, loinc: code, warn: known.warn };
    }
  }
  for (const code of loincCodes) {
    const refusal = REFUSED_LOINC.get(code);
    if (refusal !== undefined) return fail(codePath, refusal, 'invalid');
  }
  const accepted = [...LOINC_TO_ANALYTE.keys()].join(', ');
  if (loincCodes.length === 0) {
    return fail(
      codePath,
      `has no LOINC coding (system ${LOINC_SYSTEM}); use one of ${accepted}`,
      'required',
    );
  }
  return fail(
    codePath,
    `LOINC ${loincCodes.join(', ')} is not an analyte this tool interprets; it reads ${accepted}`,
    'unknown-analyte',
  );
}

function readUnit(
  quantity: JsonObject,
  at: string,
  analyte: AnalyteId,
): { unit: string; path: string; errors?: never } | { errors: FieldError[] } {
  const code = typeof quantity.code === 'string' ? quantity.code : undefined;
  const text = typeof quantity.unit === 'string' ? quantity.unit : undefined;
  const codeIsUcum = quantity.system === undefined || quantity.system === UCUM_SYSTEM;
  // UCUM code first (it is the machine-readable one), then the display unit; never a default.
  const candidates: Array<{ unit: string; path: string }> = [];
  if (code !== undefined && codeIsUcum) candidates.push({ unit: code, path: join(at, 'code') });
  if (text !== undefined) candidates.push({ unit: text, path: join(at, 'unit') });
  const first = candidates[0];
  if (first === undefined) {
    return fail(
      join(at, 'unit'),
      `is required: the unit is never guessed; use one of ${listUnits(analyte).join(', ')}`,
      'required',
    );
  }
  const recognised = candidates.find((candidate) => normaliseUnit(candidate.unit) !== undefined);
  if (recognised === undefined) {
    return fail(
      first.path,
      `"${first.unit}" is not a recognised unit; use one of ${listUnits(analyte).join(', ')}`,
      'unknown-unit',
    );
  }
  return recognised;
}

function readLabRange(
  resource: JsonObject,
  at: string,
  unit: string,
): { labRange: { low: number; high: number }; path: string } | undefined {
  const ranges = asArray(resource.referenceRange);
  for (let index = 0; index < ranges.length; index++) {
    const range = ranges[index];
    if (!isObject(range)) continue;
    // Our own guideline band (written by toFhirBundle) is not the lab's range.
    const typeCodings = isObject(range.type) ? asArray(range.type.coding) : [];
    if (typeCodings.some((coding) => isObject(coding) && coding.system === BAND_SYSTEM)) continue;
    const low = range.low;
    const high = range.high;
    if (!isObject(low) || !isObject(high)) return undefined;
    if (typeof low.value !== 'number' || typeof high.value !== 'number') return undefined;
    const wanted = normaliseUnit(unit);
    for (const bound of [low, high]) {
      const boundUnit =
        typeof bound.code === 'string'
          ? bound.code
          : typeof bound.unit === 'string'
            ? bound.unit
            : undefined;
      // A range in another unit is left out rather than converted or assumed.
      if (boundUnit !== undefined && normaliseUnit(boundUnit) !== wanted) return undefined;
    }
    return {
      labRange: { low: low.value, high: high.value },
      path: join(at, `referenceRange[${index}]`),
    };
  }
  return undefined;
}

function readEffectiveDate(resource: JsonObject): { date: string; field: string } | undefined {
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined;
  const options: Array<[string, unknown]> = [
    ['effectiveDateTime', resource.effectiveDateTime],
    ['effectiveInstant', resource.effectiveInstant],
    ['effectivePeriod.start', period],
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
  at: string,
  date: string | undefined,
): { key: string; panelId?: string; panelIdPath?: string } {
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
        panelIdPath: join(at, `basedOn[${index}].identifier.value`),
      };
    }
    if (typeof reference.reference === 'string') return { key: `order|${reference.reference}` };
  }
  // Without an order, results of one subject on one day form a panel.
  const subject = isObject(resource.subject) ? resource.subject.reference : undefined;
  return { key: `subject|${typeof subject === 'string' ? subject : ''}|${date ?? ''}` };
}

function readObservation(
  resource: unknown,
  at: string,
): { observation: ReadObservation; errors?: never } | { errors: FieldError[] } {
  if (!isObject(resource))
    return fail(at === '' ? '(root)' : at, 'must be a resource', 'invalid-type');
  if (resource.resourceType !== 'Observation') {
    return fail(
      join(at, 'resourceType'),
      `${JSON.stringify(resource.resourceType ?? null)} is not read: only Observations of 25-hydroxyvitamin D, vitamin B12 and magnesium are`,
      'invalid',
    );
  }
  if (resource.status === 'entered-in-error' || resource.status === 'cancelled') {
    return fail(join(at, 'status'), `is ${resource.status}: the result is not read`, 'invalid');
  }
  const analyte = readAnalyte(resource, at);
  if (analyte.errors !== undefined) return analyte;

  const quantityPath = join(at, 'valueQuantity');
  const quantity = resource.valueQuantity;
  if (!isObject(quantity)) {
    const other = Object.keys(resource).find(
      (key) => key.startsWith('value') && key !== 'valueQuantity' && resource[key] !== undefined,
    );
    const absent = isObject(resource.dataAbsentReason) ? ' (the lab gave a dataAbsentReason)' : '';
    return fail(
      quantityPath,
      other === undefined
        ? `is required${absent}: a numeric value with its unit`
        : `is required: ${other} is not read, only a numeric valueQuantity with its unit`,
      'required',
    );
  }
  if (typeof quantity.value !== 'number') {
    return fail(join(quantityPath, 'value'), 'must be a number', 'not-a-number');
  }
  let comparator: Comparator | undefined;
  if (quantity.comparator !== undefined) {
    const found = COMPARATORS.find((candidate) => candidate === quantity.comparator);
    if (found === undefined) {
      return fail(join(quantityPath, 'comparator'), 'must be one of <, <=, >, >=', 'invalid');
    }
    comparator = found;
  }
  const unit = readUnit(quantity, quantityPath, analyte.analyte);
  if (unit.errors !== undefined) return unit;

  const effective = readEffectiveDate(resource);
  const group = readGroup(resource, at, effective?.date);
  const labRange = readLabRange(resource, at, unit.unit);
  const ruleSetExtension = asArray(resource.extension).findIndex(
    (extension) => isObject(extension) && extension.url === RULE_SET_EXTENSION,
  );
  const ruleSetValue = asArray(resource.extension)[ruleSetExtension];
  const ruleSetId =
    isObject(ruleSetValue) && typeof ruleSetValue.valueCode === 'string'
      ? ruleSetValue.valueCode
      : undefined;

  const label =
    typeof resource.id === 'string' ? `${at} (Observation/${resource.id})` : at || 'Observation';
  const result: PanelResult = {
    analyte: analyte.analyte,
    value: quantity.value,
    unit: unit.unit,
    ...(comparator === undefined ? {} : { comparator }),
    ...(labRange === undefined ? {} : { labRange: labRange.labRange }),
    code: analyte.loinc,
  };
  const warningText = analyte.warn === undefined ? undefined : IMPORT_WARNINGS[analyte.warn];
  return {
    observation: {
      entryPath: at,
      label,
      groupKey: group.key,
      ...(group.panelId === undefined ? {} : { panelId: group.panelId }),
      ...(group.panelIdPath === undefined ? {} : { panelIdPath: group.panelIdPath }),
      ...(effective === undefined
        ? {}
        : { collectedOn: effective.date, collectedOnPath: join(at, effective.field) }),
      result,
      fields: {
        analyte: join(at, 'code'),
        value: join(quantityPath, 'value'),
        comparator: join(quantityPath, 'comparator'),
        unit: unit.path,
        ...(labRange === undefined ? {} : { labRange: labRange.path }),
      },
      ...(ruleSetId === undefined
        ? {}
        : { ruleSet: { id: ruleSetId, path: join(at, `extension[${ruleSetExtension}]`) } }),
      ...(analyte.warn === undefined || warningText === undefined
        ? {}
        : { warning: { code: analyte.warn, message: warningText(analyte.loinc) } }),
    },
  };
}

/** A group of Observations becoming one panel. */
interface Group {
  readonly position: number;
  readonly observations: ReadObservation[];
}

function buildItem(group: Group, index: number): ImportItem {
  const first = group.observations[0];
  const ruleSets: Partial<Record<AnalyteId, string>> = {};
  const panelFields: Record<string, string> = {};
  const warnings: Array<{ resultIndex: number; code: WarningCode; message: string }> = [];
  group.observations.forEach((observation, resultIndex) => {
    const analyte = observation.result.analyte as AnalyteId;
    if (observation.ruleSet !== undefined && ruleSets[analyte] === undefined) {
      ruleSets[analyte] = observation.ruleSet.id;
      panelFields[`ruleSets.${analyte}`] = observation.ruleSet.path;
    }
    if (observation.warning !== undefined) warnings.push({ resultIndex, ...observation.warning });
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
      panelId === undefined ? `panel of ${first?.label ?? 'Observation'} ` : `panel ${panelId} `,
    results: group.observations.map((observation) => ({
      label: observation.label,
      fields: observation.fields,
    })),
    panelFields,
  };
  return { index, imported: { panel, warnings }, errors: [], origin };
}

/**
 * Reads FHIR R4 Observations into panels. An Observation is read by its LOINC code (clinical
 * reference, section 4), `valueQuantity` (value, comparator, UCUM code or unit: never guessed),
 * `effectiveDateTime` (collection date), the first `referenceRange` with low and high in the
 * value's unit (the lab's range; our own guideline band is skipped) and our rule-set extension.
 * Observations sharing a `basedOn` order (identifier or reference) form one panel, whose id is
 * the order identifier; otherwise one subject's results of one day form a panel.
 * In a Bundle, each entry that cannot be read is reported on its own (entries included only as
 * search context, `search.mode` include/outcome, are skipped) and the other entries are still read.
 * @param json - a parsed Observation or Bundle (searchset, collection or transaction)
 * @returns one item per panel and per unreadable entry, in entry order; or errors when the input
 *   is not an Observation or a Bundle at all
 */
export function panelsFromFhir(
  json: unknown,
): { ok: true; panels: ImportItem[] } | { ok: false; errors: FieldError[] } {
  if (!isObject(json)) {
    return {
      ok: false,
      errors: [
        { path: '(root)', message: 'must be a FHIR R4 Observation or Bundle', code: 'invalid' },
      ],
    };
  }
  const entries: Array<{ resource: unknown; path: string }> = [];
  if (json.resourceType === 'Observation') {
    entries.push({ resource: json, path: '' });
  } else if (json.resourceType === 'Bundle') {
    if (!BUNDLE_TYPES.some((type) => type === json.type)) {
      return {
        ok: false,
        errors: [
          { path: 'type', message: `must be one of ${BUNDLE_TYPES.join(', ')}`, code: 'invalid' },
        ],
      };
    }
    const list = asArray(json.entry);
    list.forEach((entry, index) => {
      const mode = isObject(entry) && isObject(entry.search) ? entry.search.mode : undefined;
      if (mode === 'include' || mode === 'outcome') return;
      entries.push({
        resource: isObject(entry) ? entry.resource : undefined,
        path: `entry[${index}].resource`,
      });
    });
    if (entries.length === 0) {
      return {
        ok: false,
        errors: [{ path: 'entry', message: 'has no Observations to read', code: 'too-few' }],
      };
    }
  } else {
    return {
      ok: false,
      errors: [
        {
          path: 'resourceType',
          message: `${JSON.stringify(json.resourceType ?? null)} is not read: use an Observation or a Bundle of Observations`,
          code: 'invalid',
        },
      ],
    };
  }

  // Items in entry order: a panel sits where its first Observation was, a failure where it was.
  const slots: Array<Group | FieldError[]> = [];
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const read = readObservation(entry.resource, entry.path);
    if (read.errors !== undefined) {
      slots.push(read.errors);
      continue;
    }
    const group = groups.get(read.observation.groupKey);
    if (group === undefined) {
      const created: Group = { position: slots.length, observations: [read.observation] };
      groups.set(read.observation.groupKey, created);
      slots.push(created);
    } else {
      group.observations.push(read.observation);
    }
  }
  const panels = slots.map((slot, index): ImportItem =>
    Array.isArray(slot) ? { index, errors: slot } : buildItem(slot, index),
  );
  return { ok: true, panels };
}

/** A FHIR R4 Quantity as we write it. */
export interface FhirQuantity {
  readonly value: number;
  readonly comparator?: Comparator;
  readonly unit: string;
  readonly system: typeof UCUM_SYSTEM;
  readonly code: string;
}

/** A FHIR R4 Coding. */
export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A FHIR R4 Observation as {@link toFhirObservations} writes it. */
export interface FhirObservation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly extension: ReadonlyArray<{ readonly url: string; readonly valueCode: RuleSetId }>;
  readonly basedOn: ReadonlyArray<{
    readonly identifier: { readonly system: string; readonly value: string };
  }>;
  readonly status: 'final';
  readonly category: ReadonlyArray<{ readonly coding: readonly FhirCoding[] }>;
  readonly code: { readonly coding: readonly FhirCoding[]; readonly text: string };
  readonly effectiveDateTime?: string;
  readonly valueQuantity: FhirQuantity;
  readonly interpretation: ReadonlyArray<{
    readonly coding: readonly FhirCoding[];
    readonly text: string;
  }>;
  readonly referenceRange: ReadonlyArray<{
    readonly low?: FhirQuantity;
    readonly high?: FhirQuantity;
    readonly type: { readonly coding: readonly FhirCoding[] };
    readonly text: string;
  }>;
  readonly note: ReadonlyArray<{ readonly text: string }>;
}

/** A FHIR R4 Bundle of type collection. */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly entry: ReadonlyArray<{ readonly resource: FhirObservation }>;
}

function quantity(value: number, unit: string, comparator?: Comparator | null): FhirQuantity {
  return comparator === null || comparator === undefined
    ? { value, unit, system: UCUM_SYSTEM, code: unit }
    : { value, comparator, unit, system: UCUM_SYSTEM, code: unit };
}

function toObservation(
  interpretation: Interpretation,
  result: ResultInterpretation,
  panelKey: string,
  position: number,
): FhirObservation {
  const analyte = getAnalyte(result.analyte);
  const loincDisplay = analyte.loincCodes.find((entry) => entry.code === result.loinc)?.display;
  const unit = result.input.unit;
  const sufficient = result.bands.find((band) => band.status === 'sufficient');
  const ruleSet = getRuleSet(result.ruleSet.id);
  const ranges: Array<FhirObservation['referenceRange'][number]> = [];
  if (result.labRange !== undefined) {
    ranges.push({
      low: quantity(result.labRange.low, unit),
      high: quantity(result.labRange.high, unit),
      type: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/referencerange-meaning',
            code: 'normal',
            display: 'Normal Range',
          },
        ],
      },
      text: `Laboratory range ${result.labRange.low}-${result.labRange.high} ${unit}`,
    });
  }
  if (sufficient !== undefined) {
    ranges.push({
      ...(sufficient.lower === null ? {} : { low: quantity(sufficient.lower, unit) }),
      ...(sufficient.upper === null ? {} : { high: quantity(sufficient.upper, unit) }),
      type: {
        coding: [
          { system: BAND_SYSTEM, code: 'sufficient', display: 'Guideline band: sufficient' },
        ],
      },
      text: `${result.ruleSet.name}: sufficient ${sufficient.rangeText}`,
    });
  }
  const notes = [
    {
      text: `Interpreted with rule set ${result.ruleSet.name} (${result.ruleSet.id}), rules version ${interpretation.rulesVersion}.`,
    },
    ...(result.criticalMessage === undefined ? [] : [{ text: result.criticalMessage }]),
    ...(result.indeterminateReason === undefined ? [] : [{ text: result.indeterminateReason }]),
    ...result.warnings.map((warning) => ({
      text: `Warning (${warning.code}): ${warning.message}`,
    })),
  ];
  return {
    resourceType: 'Observation',
    id: `p${position + 1}-r${result.index + 1}`,
    extension: [{ url: RULE_SET_EXTENSION, valueCode: ruleSet.id }],
    basedOn: [{ identifier: { system: PANEL_SYSTEM, value: panelKey } }],
    status: 'final',
    category: [
      {
        coding: [
          { system: OBSERVATION_CATEGORY_SYSTEM, code: 'laboratory', display: 'Laboratory' },
        ],
      },
    ],
    code: {
      coding: [
        loincDisplay === undefined
          ? { system: LOINC_SYSTEM, code: result.loinc }
          : { system: LOINC_SYSTEM, code: result.loinc, display: loincDisplay },
      ],
      text: result.analyteName,
    },
    ...(interpretation.collectedOn === null
      ? {}
      : { effectiveDateTime: interpretation.collectedOn }),
    valueQuantity: quantity(result.input.value, unit, result.input.comparator),
    interpretation: [
      {
        coding: [
          {
            system: V3_INTERPRETATION_SYSTEM,
            code: result.fhirInterpretation,
            display: V3_DISPLAY[result.fhirInterpretation],
          },
          { system: BAND_SYSTEM, code: result.status, display: result.statusLabel },
        ],
        text: result.statusLabel,
      },
    ],
    referenceRange: ranges,
    note: notes,
  };
}

/**
 * The panel key written in `basedOn` (so a re-import groups the Observations the same way).
 * @param interpretation - the interpretation
 * @param position - its position in the output (used when the panel has no id)
 * @returns the panel id, or `panel-N`
 */
export function panelKey(interpretation: Interpretation, position: number): string {
  return interpretation.panelId ?? `panel-${position + 1}`;
}

/**
 * The Observations of one interpretation, one per result (for writing a Bundle in pieces).
 * @param interpretation - the interpretation
 * @param position - its position in the output (for ids and the panel key)
 * @returns the Observations, in result order
 */
export function toFhirObservations(
  interpretation: Interpretation,
  position: number,
): FhirObservation[] {
  const key = panelKey(interpretation, position);
  return interpretation.results.map((result) =>
    toObservation(interpretation, result, key, position),
  );
}

/**
 * Writes interpretations as a FHIR R4 Bundle (type collection) of Observations: LOINC code and
 * text, valueQuantity in UCUM with its comparator, the v3 interpretation code (LL/L/N/H/HH/IND)
 * plus our band in {@link BAND_SYSTEM}, the lab's range and the guideline's sufficient band as
 * reference ranges, the rule set as an extension and a note, and warnings as notes.
 * @param interpretations - interpretations, in output order
 * @returns the Bundle (a plain object, ready for JSON.stringify)
 */
export function toFhirBundle(interpretations: readonly Interpretation[]): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: interpretations.flatMap((interpretation, position) =>
      toFhirObservations(interpretation, position).map((resource) => ({ resource })),
    ),
  };
}
