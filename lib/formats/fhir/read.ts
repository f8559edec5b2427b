import { IgnoredList, invalidImport, NOTHING_IGNORED } from '../import-types';
import type {
  ImportItem,
  ImportNotice,
  ImportOrigin,
  ImportOutcome,
  ImportWarning,
  LocatedError,
} from '../import-types';
import type { Panel } from '../../schemas';
import type { AnalyteId } from '../../types';
import type { Location } from '../location';
import { LOINC_TO_ANALYTE } from '../loinc';
import { asArray, isObject } from './json';
import type { JsonObject } from './json';
import { readObservation } from './observation';
import type { ReadObservation } from './observation';

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

/** A group of Observations becoming one panel. */
interface Group {
  readonly observations: ReadObservation[];
}

function buildItem(group: Group, index: number): ImportItem {
  const first = group.observations[0];
  const ruleSets: Partial<Record<AnalyteId, string>> = {};
  const panelFields: Record<string, Location> = {};
  const warnings: ImportWarning[] = [];
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

interface ListedEntry {
  readonly resource: unknown;
  readonly path: Location;
  readonly fullUrl?: string;
}

/** How deep Bundles inside Bundles are opened (a batch-response of searchsets is 2). */
const MAX_BUNDLE_DEPTH = 2;

/** The Observations a DiagnosticReport holds in `contained`, if any. */
function containedObservations(resource: JsonObject, path: Location): ListedEntry[] {
  const entries: ListedEntry[] = [];
  asArray(resource.contained).forEach((contained, index) => {
    if (isObject(contained) && contained.resourceType === 'Observation') {
      entries.push({ resource: contained, path: [...path, 'contained', index] });
    }
  });
  return entries;
}

/**
 * Adds one resource to the list: a Bundle inside a Bundle (e.g. the searchset answering each
 * query of a batch) and the Observations a DiagnosticReport contains are opened; anything else
 * is listed as it is, to be read or ignored.
 */
function listResource(
  resource: unknown,
  path: Location,
  fullUrl: string | undefined,
  depth: number,
  out: ListedEntry[],
): void {
  if (isObject(resource)) {
    if (
      resource.resourceType === 'Bundle' &&
      depth < MAX_BUNDLE_DEPTH &&
      BUNDLE_TYPES.some((type) => type === resource.type)
    ) {
      listBundle(resource, path, depth + 1, out);
      return;
    }
    if (resource.resourceType === 'DiagnosticReport') {
      const contained = containedObservations(resource, path);
      if (contained.length > 0) {
        out.push(...contained);
        return;
      }
    }
  }
  out.push({ resource, path, ...(fullUrl === undefined ? {} : { fullUrl }) });
}

function listBundle(bundle: JsonObject, path: Location, depth: number, out: ListedEntry[]): void {
  asArray(bundle.entry).forEach((entry, index) => {
    if (!isObject(entry)) return;
    const mode = isObject(entry.search) ? entry.search.mode : undefined;
    if (mode === 'include' || mode === 'outcome') return;
    // A transaction-response or history entry without a resource (e.g. a DELETE) has nothing.
    if (entry.resource === undefined) return;
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    listResource(entry.resource, [...path, 'entry', index, 'resource'], fullUrl, depth, out);
  });
}

/**
 * The entries of a Bundle (Bundles inside it opened), of a DiagnosticReport's contained
 * Observations, or the one Observation, with their locations.
 */
function entriesOf(json: JsonObject): { entries: ListedEntry[] } | ImportOutcome {
  if (json.resourceType === 'Observation') return { entries: [{ resource: json, path: [] }] };
  if (json.resourceType === 'DiagnosticReport') {
    const contained = containedObservations(json, []);
    if (contained.length > 0) return { entries: contained };
  }
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
  const entries: ListedEntry[] = [];
  listBundle(json, [], 1, entries);
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
          path:
            json.resourceType === 'Observation'
              ? ['code']
              : json.resourceType === 'Bundle'
                ? ['entry']
                : ['contained'],
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
    batch: json.resourceType !== 'Observation',
    ignored: done.count === 0 ? NOTHING_IGNORED : done,
    notices,
  };
}
