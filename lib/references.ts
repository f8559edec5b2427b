import { ANALYTES, RULES_VERSION } from './analytes/registry';
import { CITATIONS } from './citations';
import { cutoffsInUnit, listBands } from './classify';
import { EVIDENCE_STRENGTH_LABELS, STATUS_LABELS } from './interpret/labels';
import type {
  Analyte,
  AnalyteId,
  BandStatus,
  Citation,
  CutoffsInUnit,
  EvidenceStrength,
  RuleSetId,
  UnitCode,
} from './types';

/** One band of one rule set in one unit: a row of the reference review table. */
export interface ReferenceBandRow {
  readonly analyte: AnalyteId;
  readonly analyteName: string;
  readonly ruleSetId: RuleSetId;
  readonly ruleSetName: string;
  readonly isDefault: boolean;
  readonly status: BandStatus;
  readonly statusLabel: string;
  readonly unit: UnitCode;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly rangeText: string;
  /** True when the source does not publish this unit and the limits were converted. */
  readonly derived: boolean;
  readonly note?: string;
  readonly citationIds: readonly string[];
}

/** A back-pain evidence row of the reference review. */
export interface EvidenceRow {
  readonly analyte: AnalyteId;
  readonly analyteName: string;
  readonly id: string;
  readonly claim: string;
  readonly strength: EvidenceStrength;
  readonly strengthLabel: string;
  /** The bands whose results show this statement (empty = every result). */
  readonly relevantFor: readonly BandStatus[];
  readonly citationIds: readonly string[];
}

/** Everything a reviewer needs: rule sets with cut-offs in every unit, factors and citations. */
export interface References {
  readonly rulesVersion: string;
  readonly analytes: ReadonlyArray<{
    readonly id: AnalyteId;
    readonly name: string;
    readonly baseUnit: UnitCode;
    readonly defaultUnit: UnitCode;
    readonly units: Analyte['units'];
    readonly loincCodes: Analyte['loincCodes'];
    readonly plausibility: Analyte['plausibility'];
    readonly notices: Analyte['notices'];
    readonly ruleSets: ReadonlyArray<{
      readonly id: RuleSetId;
      readonly name: string;
      readonly isDefault: boolean;
      readonly upperLimitMeaning: string;
      readonly caveats: readonly string[];
      readonly criticalNeedsLocalCheck: boolean;
      readonly citationIds: readonly string[];
      /** The cut-offs in every accepted unit (published or derived). */
      readonly cutoffs: readonly CutoffsInUnit[];
    }>;
    readonly backPain: readonly EvidenceRow[];
    readonly nextSteps: Analyte['nextSteps'];
    readonly contextNotes: Analyte['contextNotes'];
  }>;
  readonly citations: readonly Citation[];
}

const analyteList: readonly Analyte[] = Object.values(ANALYTES);

/**
 * Every band of every rule set, each in the unit chosen for its analyte.
 * @param units - the unit to show per analyte (default: each analyte's default entry unit)
 * @returns rows in registry order, bands ascending
 */
export function listReferenceBands(
  units: Partial<Record<AnalyteId, UnitCode>> = {},
): ReferenceBandRow[] {
  return analyteList.flatMap((analyte) => {
    const unit = units[analyte.id] ?? analyte.defaultUnit;
    return analyte.ruleSets.flatMap((ruleSet) => {
      const cutoffs = cutoffsInUnit(ruleSet, unit);
      return listBands(ruleSet, cutoffs).map((band) => ({
        analyte: analyte.id,
        analyteName: analyte.shortName,
        ruleSetId: ruleSet.id,
        ruleSetName: ruleSet.name,
        isDefault: ruleSet.isDefault,
        status: band.status,
        statusLabel: analyte.statusLabels[band.status] ?? STATUS_LABELS[band.status],
        unit,
        lower: band.lower,
        upper: band.upper,
        rangeText: band.rangeText,
        derived: cutoffs.derived,
        ...(band.note === undefined ? {} : { note: band.note }),
        citationIds: ruleSet.citationIds,
      }));
    });
  });
}

/**
 * The back-pain evidence of every analyte, with strength labels.
 * @returns one row per statement
 */
export function listEvidence(): EvidenceRow[] {
  return analyteList.flatMap((analyte) =>
    analyte.backPain.statements.map((statement) => ({
      analyte: analyte.id,
      analyteName: analyte.shortName,
      id: statement.id,
      claim: statement.claim,
      strength: statement.strength,
      strengthLabel: EVIDENCE_STRENGTH_LABELS[statement.strength],
      relevantFor: statement.relevantFor,
      citationIds: statement.citationIds,
    })),
  );
}

/**
 * The full reference document: rule sets with cut-offs in every unit, unit factors, codes,
 * evidence, next steps, context notes and every citation.
 * @returns the references, deterministic for a rules version
 */
export function buildReferences(): References {
  const evidence = listEvidence();
  return {
    rulesVersion: RULES_VERSION,
    analytes: analyteList.map((analyte) => ({
      id: analyte.id,
      name: analyte.name,
      baseUnit: analyte.baseUnit,
      defaultUnit: analyte.defaultUnit,
      units: analyte.units,
      loincCodes: analyte.loincCodes,
      plausibility: analyte.plausibility,
      notices: analyte.notices,
      ruleSets: analyte.ruleSets.map((ruleSet) => ({
        id: ruleSet.id,
        name: ruleSet.name,
        isDefault: ruleSet.isDefault,
        upperLimitMeaning: ruleSet.upperLimitMeaning,
        caveats: ruleSet.caveats,
        criticalNeedsLocalCheck: ruleSet.criticalNeedsLocalCheck,
        citationIds: ruleSet.citationIds,
        cutoffs: analyte.units.map((unit) => cutoffsInUnit(ruleSet, unit.code)),
      })),
      backPain: evidence.filter((row) => row.analyte === analyte.id),
      nextSteps: analyte.nextSteps,
      contextNotes: analyte.contextNotes,
    })),
    citations: Object.values(CITATIONS),
  };
}

/** Entry-form options derived from the data, so screens hold no lists of their own. */
export interface AnalyteFormOptions {
  readonly id: AnalyteId;
  readonly name: string;
  readonly shortName: string;
  readonly defaultUnit: UnitCode;
  readonly units: readonly UnitCode[];
  readonly ruleSets: ReadonlyArray<{
    readonly id: RuleSetId;
    readonly name: string;
    readonly isDefault: boolean;
  }>;
}

/**
 * The choices the entry form offers per analyte (units, rule sets with the default marked).
 * @returns one entry per analyte, in registry order
 */
export function listFormOptions(): AnalyteFormOptions[] {
  return analyteList.map((analyte) => ({
    id: analyte.id,
    name: analyte.name,
    shortName: analyte.shortName,
    defaultUnit: analyte.defaultUnit,
    units: analyte.units.map((unit) => unit.code),
    ruleSets: analyte.ruleSets.map((ruleSet) => ({
      id: ruleSet.id,
      name: ruleSet.name,
      isDefault: ruleSet.isDefault,
    })),
  }));
}
