import { getAnalyte, getRuleSet } from '../../analytes/registry';
import { LOINC_TO_ANALYTE } from '../loinc';
import type { ResultSource, SourceCoding } from '../import-types';
import {
  ANALYTE_SYSTEM,
  BAND_SYSTEM,
  INTERPRETED_BY_EXTENSION,
  LOINC_SYSTEM,
  PANEL_SYSTEM,
  panelKey,
  RULE_SET_EXTENSION,
  UCUM_SYSTEM,
  V3_INTERPRETATION_SYSTEM,
} from '../codes';
import type {
  Comparator,
  FhirInterpretationCode,
  Interpretation,
  ResultInterpretation,
  RuleSetId,
} from '../../types';

/** The US Core profile our Observations claim when they carry a subject (it requires one). */
export const US_CORE_LAB_PROFILE =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab';

const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Display names of the v3 interpretation codes, as HL7 writes them. */
const V3_DISPLAY: Readonly<Record<FhirInterpretationCode, string>> = {
  LL: 'Critical low',
  L: 'Low',
  N: 'Normal',
  H: 'High',
  HH: 'Critical high',
  IND: 'Indeterminate',
};

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
  readonly system?: string;
  readonly code: string;
  readonly display?: string;
}

/** A FHIR R4 CodeableConcept as we write it. */
export interface FhirConcept {
  readonly extension?: ReadonlyArray<{ readonly url: string; readonly valueString: string }>;
  readonly coding: readonly FhirCoding[];
  readonly text?: string;
}

/** A FHIR R4 Observation as {@link toFhirObservations} writes it. */
export interface FhirObservation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly meta?: { readonly profile: readonly string[] };
  readonly extension: ReadonlyArray<{ readonly url: string; readonly valueCode: RuleSetId }>;
  readonly identifier?: unknown;
  readonly basedOn: ReadonlyArray<{
    readonly identifier: { readonly system: string; readonly value: string };
  }>;
  readonly status: 'final' | 'preliminary' | 'amended' | 'corrected';
  readonly category: ReadonlyArray<{ readonly coding: readonly FhirCoding[] }>;
  readonly code: FhirConcept;
  readonly subject?: unknown;
  readonly encounter?: unknown;
  readonly effectiveDateTime?: string;
  readonly effectivePeriod?: unknown;
  readonly effectiveInstant?: unknown;
  readonly issued?: unknown;
  readonly performer?: unknown;
  readonly valueQuantity: FhirQuantity;
  /** The lab's own flag first (when it sent one), then ours, marked by our extension. */
  readonly interpretation: readonly FhirConcept[];
  readonly note: ReadonlyArray<{ readonly text: string }>;
  readonly specimen?: unknown;
  readonly referenceRange: ReadonlyArray<{
    readonly low?: FhirQuantity;
    readonly high?: FhirQuantity;
    readonly type: { readonly coding: readonly FhirCoding[] };
    readonly text: string;
  }>;
  readonly derivedFrom?: ReadonlyArray<{ readonly reference: string }>;
}

/** One Bundle entry. */
export interface FhirEntry {
  readonly fullUrl: string;
  readonly resource: FhirObservation;
}

/** A FHIR R4 Bundle of type collection. */
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly entry: readonly FhirEntry[];
}

/** What the writer may be given besides the interpretations. */
export interface FhirWriteOptions {
  /** Per interpretation, per result: what its source said (see lib/import `ResultSource`). */
  readonly sources?: ReadonlyArray<ReadonlyArray<ResultSource | undefined> | undefined>;
  /** Makes each entry's `urn:uuid:` (default: a random UUID). */
  readonly newId?: () => string;
}

function quantity(value: number, unit: string, comparator?: Comparator | null): FhirQuantity {
  return comparator === null || comparator === undefined
    ? { value, unit, system: UCUM_SYSTEM, code: unit }
    : { value, comparator, unit, system: UCUM_SYSTEM, code: unit };
}

/**
 * The code of the Observation: the LOINC code the lab sent, unchanged; without one, the LOINC
 * code of the reported unit unless that code names D3 only (a total 25(OH)D in nmol/L has no
 * such LOINC code in our reference), in which case our local analyte code.
 */
function observationCode(result: ResultInterpretation, source: ResultSource | undefined) {
  const analyte = getAnalyte(result.analyte);
  if (source?.loinc !== undefined) {
    const display =
      source.loincDisplay ??
      analyte.loincCodes.find((entry) => entry.code === source.loinc)?.display;
    return {
      coding: [
        display === undefined
          ? { system: LOINC_SYSTEM, code: source.loinc }
          : { system: LOINC_SYSTEM, code: source.loinc, display },
      ],
      text: result.analyteName,
    };
  }
  const byUnit = LOINC_TO_ANALYTE.get(result.loinc);
  if (byUnit !== undefined && byUnit.warn === undefined) {
    return {
      coding: [{ system: LOINC_SYSTEM, code: result.loinc, display: byUnit.display }],
      text: result.analyteName,
    };
  }
  return {
    coding: [{ system: ANALYTE_SYSTEM, code: result.analyte, display: result.analyteName }],
    text: `${result.analyteName} (${result.input.unit})`,
  };
}

function referenceRanges(result: ResultInterpretation): FhirObservation['referenceRange'] {
  const unit = result.input.unit;
  const sufficient = result.bands.find((band) => band.status === 'sufficient');
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
  return ranges;
}

function labFlagConcept(flag: readonly SourceCoding[]): FhirConcept {
  return { coding: flag.map((coding) => ({ ...coding })), text: "Laboratory's flag" };
}

function carried(source: ResultSource | undefined, key: string): unknown {
  return source?.carried?.[key];
}

function toObservation(
  interpretation: Interpretation,
  result: ResultInterpretation,
  key: string,
  position: number,
  source: ResultSource | undefined,
): FhirObservation {
  const ruleSet = getRuleSet(result.ruleSet.id);
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
  const ours: FhirConcept = {
    extension: [
      {
        url: INTERPRETED_BY_EXTENSION,
        valueString: `lab-interpreter rules ${interpretation.rulesVersion}`,
      },
    ],
    coding: [
      {
        system: V3_INTERPRETATION_SYSTEM,
        code: result.fhirInterpretation,
        display: V3_DISPLAY[result.fhirInterpretation],
      },
      { system: BAND_SYSTEM, code: result.status, display: result.statusLabel },
    ],
    text: result.statusLabel,
  };
  const subject = carried(source, 'subject');
  const effectiveKeys = ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant'] as const;
  const effective: Record<string, unknown> = {};
  for (const name of effectiveKeys) {
    const value = carried(source, name);
    if (value !== undefined) effective[name] = value;
  }
  if (Object.keys(effective).length === 0 && interpretation.collectedOn !== null) {
    effective.effectiveDateTime = interpretation.collectedOn;
  }
  const optional = (name: string): Record<string, unknown> => {
    const value = carried(source, name);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    resourceType: 'Observation',
    id: `p${position + 1}-r${result.index + 1}`,
    // US Core requires a subject: the profile is claimed only when there is one.
    ...(subject === undefined ? {} : { meta: { profile: [US_CORE_LAB_PROFILE] } }),
    extension: [{ url: RULE_SET_EXTENSION, valueCode: ruleSet.id }],
    ...optional('identifier'),
    basedOn: [{ identifier: { system: PANEL_SYSTEM, value: key } }],
    status: result.reportStatus ?? source?.reportStatus ?? 'final',
    category: [
      {
        coding: [
          { system: OBSERVATION_CATEGORY_SYSTEM, code: 'laboratory', display: 'Laboratory' },
        ],
      },
    ],
    code: observationCode(result, source),
    ...(subject === undefined ? {} : { subject }),
    ...optional('encounter'),
    ...effective,
    ...optional('issued'),
    ...optional('performer'),
    valueQuantity: quantity(result.input.value, result.input.unit, result.input.comparator),
    interpretation: source?.labFlag === undefined ? [ours] : [labFlagConcept(source.labFlag), ours],
    note: notes,
    ...optional('specimen'),
    referenceRange: referenceRanges(result),
    ...(source?.reference === undefined ? {} : { derivedFrom: [{ reference: source.reference }] }),
  };
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The Observations of one interpretation, one per result (for writing a Bundle in pieces).
 * @param interpretation - the interpretation
 * @param position - its position in the output (for ids and the panel key)
 * @param sources - what each result's source said (carried through), when it came from a document
 * @returns the Observations, in result order
 */
export function toFhirObservations(
  interpretation: Interpretation,
  position: number,
  sources?: ReadonlyArray<ResultSource | undefined>,
): FhirObservation[] {
  const key = panelKey(interpretation, position);
  return interpretation.results.map((result) =>
    toObservation(interpretation, result, key, position, sources?.[result.index]),
  );
}

/**
 * The Bundle entries of one interpretation, each with its `fullUrl` (`urn:uuid:`).
 * @param interpretation - the interpretation
 * @param position - its position in the output
 * @param sources - what each result's source said, when it came from a document
 * @param newId - makes the UUIDs (default random)
 * @returns the entries
 */
export function toFhirEntries(
  interpretation: Interpretation,
  position: number,
  sources?: ReadonlyArray<ResultSource | undefined>,
  newId: () => string = randomId,
): FhirEntry[] {
  return toFhirObservations(interpretation, position, sources).map((resource) => ({
    fullUrl: `urn:uuid:${newId()}`,
    resource,
  }));
}

/**
 * Writes interpretations as a FHIR R4 Bundle (type collection) of US Core Laboratory Result
 * Observations: the lab's LOINC code unchanged, valueQuantity in UCUM with its comparator, the
 * lab's own flag (when it sent one) and our interpretation (v3 code plus our band, marked as ours
 * by an extension), the lab's range and the guideline's sufficient band as reference ranges, the
 * rule set as an extension, warnings as notes; subject, effective, issued, performer, specimen,
 * identifier and encounter carried through from the source, and `derivedFrom` pointing to it.
 * @param interpretations - interpretations, in output order
 * @param options - the sources of each interpretation's results, and the id maker
 * @returns the Bundle (a plain object, ready for JSON.stringify)
 */
export function toFhirBundle(
  interpretations: readonly Interpretation[],
  options: FhirWriteOptions = {},
): FhirBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: interpretations.flatMap((interpretation, position) =>
      toFhirEntries(interpretation, position, options.sources?.[position], options.newId),
    ),
  };
}
