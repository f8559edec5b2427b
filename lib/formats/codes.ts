import type { Interpretation } from '../types';

/** LOINC's code system URI, as we write it. */
export const LOINC_SYSTEM = 'http://loinc.org';
/** Other spellings of the LOINC system that EHRs send (https and the HL7 OID). */
export const LOINC_SYSTEMS: readonly string[] = [
  LOINC_SYSTEM,
  'https://loinc.org',
  'http://loinc.org/',
  'https://loinc.org/',
  'urn:oid:2.16.840.1.113883.6.1',
];
/** UCUM's code system URI (units). */
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** HL7 v3 ObservationInterpretation (LL, L, N, H, HH, IND). */
export const V3_INTERPRETATION_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
/** HL7 v2 table 0078 (abnormal flags, OBX-8), as FHIR names it. */
export const V2_FLAG_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0078';

/**
 * Our local code system for the guideline band (there is no standard code for insufficient).
 * Canonical URIs are URNs: no domain is claimed; the definitions (CodeSystem and
 * StructureDefinition) are served by every deployment under /fhir/ (public/fhir/).
 */
export const BAND_SYSTEM = 'urn:lab-interpreter:band';
/** Our local code for an analyte with no fitting LOINC code (total 25(OH)D in nmol/L). */
export const ANALYTE_SYSTEM = 'urn:lab-interpreter:analyte';
/** Observations of one panel share a `basedOn` identifier in this system (value = panel id). */
export const PANEL_SYSTEM = 'urn:lab-interpreter:panel';
/** Extension carrying the rule-set id an Observation was interpreted with. */
export const RULE_SET_EXTENSION = 'urn:lab-interpreter:rule-set';
/** Marks the interpretation coding that is ours (beside the lab's own flag). */
export const INTERPRETED_BY_EXTENSION = 'urn:lab-interpreter:interpreted-by';

/**
 * The panel key written in `basedOn` and in CSV (so a re-import groups results the same way).
 * @param interpretation - the interpretation
 * @param position - its position in the output (used when the panel has no id)
 * @returns the panel id, or `panel-N`
 */
export function panelKey(interpretation: Interpretation, position: number): string {
  return interpretation.panelId ?? `panel-${position + 1}`;
}
