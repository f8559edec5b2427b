/**
 * Turns the chart's Observations into what the SMART screen shows: one reading per readable
 * Observation (read by the FHIR reader in lib/formats/fhir/read.ts and classified by interpret(), the same rule
 * set as the form), the newest reading of each analyte as a pre-fill for the form, the history of
 * each analyte with a one-line trend, and every Observation that could not be used, with why.
 * Pure: the caller fetched the resources and passes the date.
 */
import { ANALYTES } from '../analytes/registry';
import { panelsFromFhir } from '../formats/fhir/read';
import { formatLocation } from '../formats/location';
import { interpret } from '../interpret';
import { monthName } from '../month-names';
import { findScalePosition } from '../scale';
import type { Panel, PanelResult } from '../schemas';
import { ANALYTE_IDS } from '../types';
import type { AnalyteId, BandStatus, Status } from '../types';

/** Every LOINC code the app asks the EHR for, from the analyte data (clinical reference, s. 4). */
export const CHART_LOINC_CODES: readonly string[] = ANALYTE_IDS.flatMap((id) =>
  ANALYTES[id].loincCodes.map((entry) => entry.code),
);

/** Observation statuses that must never be shown as a result. */
const UNUSABLE_STATUSES = new Set(['entered-in-error', 'cancelled', 'registered']);

/** Where a reading came from, for the clinician to confirm. */
export interface ReadingSource {
  readonly observationId: string;
  /** Collection date, YYYY-MM-DD. */
  readonly date: string;
  /** The performing lab, as the chart names it, when it does. */
  readonly lab?: string;
  /** The Observation's status (final, amended, corrected, preliminary). */
  readonly status: string;
  readonly loinc: string;
}

/** One readable result from the chart, classified by the library's rule set. */
export interface ChartReading {
  readonly analyte: AnalyteId;
  readonly analyteName: string;
  /** The result as the form takes it (value may carry a comparator: "<5"). */
  readonly result: PanelResult;
  /** "<5 ng/mL", "0.45 mmol/L". */
  readonly valueText: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly critical: boolean;
  readonly warnings: readonly string[];
  readonly source: ReadingSource;
  /**
   * Where the value sits on the rule set's band scale, drawn with equal-width bands (as the
   * result cards draw it): `at` runs from 0 (bottom of the lowest band) to 1 (top of the highest),
   * so readings in different units share one schematic scale.
   */
  readonly scale: { readonly bands: readonly BandStatus[]; readonly at: number };
}

/** An Observation that was fetched but not used, and why. */
export interface SkippedObservation {
  readonly observationId: string;
  readonly label: string;
  readonly reason: string;
}

/** Everything read from the chart's Observations. */
export interface ChartReadings {
  /** Per analyte, newest first. */
  readonly byAnalyte: Readonly<Partial<Record<AnalyteId, readonly ChartReading[]>>>;
  readonly skipped: readonly SkippedObservation[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function observationLabel(resource: Json): string {
  const code = isObject(resource.code) ? resource.code : {};
  const codings = Array.isArray(code.coding) ? code.coding.filter(isObject) : [];
  const loinc = codings.find((c) => c.system === 'http://loinc.org');
  const name = text(code.text) ?? text(loinc?.display) ?? text(codings[0]?.display);
  const codeText = text(loinc?.code);
  return [name, codeText === undefined ? undefined : `LOINC ${codeText}`]
    .filter((part) => part !== undefined)
    .join(', ');
}

function labName(resource: Json): string | undefined {
  const performers = Array.isArray(resource.performer) ? resource.performer.filter(isObject) : [];
  for (const performer of performers) {
    const name = text(performer.display);
    if (name !== undefined) return name;
  }
  return undefined;
}

function collectionDate(resource: Json): string | undefined {
  const candidates = [
    resource.effectiveDateTime,
    isObject(resource.effectivePeriod) ? resource.effectivePeriod.start : undefined,
    resource.effectiveInstant,
  ];
  for (const candidate of candidates) {
    const value = text(candidate);
    if (value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  }
  return undefined;
}

function formatValue(result: PanelResult): string {
  const value = typeof result.value === 'number' ? String(result.value) : result.value.trim();
  return `${result.comparator ?? ''}${value} ${result.unit}`;
}

function readOne(
  resource: unknown,
  asOf: string,
): { reading: ChartReading } | { skipped: SkippedObservation } {
  if (!isObject(resource)) {
    return { skipped: { observationId: '?', label: 'Observation', reason: 'is not an object' } };
  }
  const observationId = text(resource.id) ?? '(no id)';
  const label = observationLabel(resource) || 'Observation';
  const skip = (reason: string) => ({ skipped: { observationId, label, reason } });
  const status = text(resource.status) ?? 'unknown';
  if (UNUSABLE_STATUSES.has(status)) return skip(`status is "${status}": not a usable result`);
  const date = collectionDate(resource);
  if (date === undefined) {
    return skip('has no collection date (effectiveDateTime), so it cannot be placed in time');
  }
  const read = panelsFromFhir(resource);
  if (read.kind === 'invalid') {
    // Another lab code (glucose, a whole-blood B12 ...) is skipped as not ours, by its code.
    if (read.ignored.count > 0) {
      return skip(`not an analyte this app reads (${read.ignored.codes.join(', ')})`);
    }
    return skip(read.errors.map((e) => `${formatLocation(e.path)}: ${e.message}`).join('; '));
  }
  const item = read.panels[0];
  const imported = item?.imported;
  if (item === undefined || imported === undefined) {
    const errors = item?.errors ?? [];
    return skip(
      errors.length === 0
        ? 'could not be read'
        : errors
            .map((e) =>
              e.path.length === 0 ? e.message : `${formatLocation(e.path)}: ${e.message}`,
            )
            .join('; '),
    );
  }
  const result = imported.panel.results[0];
  if (result === undefined) return skip('holds no result');
  // Classified exactly as the form would: one result, the library's default rule set.
  const outcome = interpret({ results: [result], collectedOn: date }, { asOf });
  if (!outcome.ok) {
    return skip(outcome.errors.map((e) => `${formatLocation(e.path)}: ${e.message}`).join('; '));
  }
  const interpreted = outcome.value.results[0];
  if (interpreted === undefined) return skip('could not be interpreted');
  const lab = labName(resource);
  return {
    reading: {
      analyte: result.analyte,
      analyteName: interpreted.analyteShortName,
      result,
      valueText: formatValue(result),
      status: interpreted.status,
      statusLabel: interpreted.statusLabel,
      critical: interpreted.critical,
      warnings: [
        ...imported.warnings.map((w) => w.message),
        ...interpreted.warnings.map((w) => w.message),
      ],
      scale: {
        bands: interpreted.bands.map((band) => band.status),
        at: findScalePosition(interpreted).at,
      },
      source: {
        observationId,
        date,
        ...(lab === undefined ? {} : { lab }),
        status,
        loinc: interpreted.loinc,
      },
    },
  };
}

/**
 * Reads the chart's Observations (any order, any of our LOINC codes).
 * @param resources - Observation resources as the FHIR server returned them
 * @param asOf - today's date, YYYY-MM-DD (results dated after it are refused by interpret())
 * @returns the readings per analyte, newest first, and the skipped Observations with reasons
 */
export function readChartObservations(resources: readonly unknown[], asOf: string): ChartReadings {
  const byAnalyte: Partial<Record<AnalyteId, ChartReading[]>> = {};
  const skipped: SkippedObservation[] = [];
  for (const resource of resources) {
    const read = readOne(resource, asOf);
    if ('skipped' in read) skipped.push(read.skipped);
    else (byAnalyte[read.reading.analyte] ??= []).push(read.reading);
  }
  for (const readings of Object.values(byAnalyte)) {
    // Newest first; equal dates keep the server's order (itself newest first).
    readings.sort((a, b) =>
      a.source.date < b.source.date ? 1 : a.source.date > b.source.date ? -1 : 0,
    );
  }
  return { byAnalyte, skipped };
}

/** The form pre-fill: the newest reading of each analyte, with the patient's name. */
export interface ChartPrefill {
  readonly panel: Panel;
  /** The reading behind each pre-filled row, to show beside it. */
  readonly sources: readonly ChartReading[];
  /** Set when the newest results were collected on different days (no single collection date). */
  readonly datesDiffer: boolean;
}

/**
 * Builds the pre-fill of the form. The panel's collection date is set only when every newest
 * result shares it; otherwise each result's own date is shown beside it instead.
 * @param readings - from {@link readChartObservations}
 * @param patientName - the patient's name from the chart, when there is one
 * @returns the pre-fill, or undefined when the chart has no readable result
 */
export function buildChartPrefill(
  readings: ChartReadings,
  patientName: string | undefined,
): ChartPrefill | undefined {
  const sources = ANALYTE_IDS.flatMap((id) => readings.byAnalyte[id]?.slice(0, 1) ?? []);
  const first = sources[0];
  if (first === undefined) return undefined;
  const dates = new Set(sources.map((reading) => reading.source.date));
  const datesDiffer = dates.size > 1;
  return {
    panel: {
      results: sources.map((reading) => reading.result),
      ...(datesDiffer ? {} : { collectedOn: first.source.date }),
      ...(patientName === undefined ? {} : { patient: { name: patientName } }),
    },
    sources,
    datesDiffer,
  };
}

/**
 * "March 2026" from "2026-03-10".
 * @param date - YYYY-MM-DD
 * @returns month and year
 */
export function formatMonth(date: string): string {
  return `${monthName(Number(date.slice(5, 7)), 'en')} ${date.slice(0, 4)}`;
}

/**
 * The trend as one line of text, oldest to newest, e.g.
 * "Vitamin D 12 -> 24 -> 31 ng/mL since March 2026". The unit is written once when every
 * reading shares it, and after each value when they differ (never converted silently).
 * @param readings - one analyte's readings, newest first
 * @param limit - how many of the newest readings to include (default 5)
 * @returns the sentence, or undefined when there is no reading
 */
export function describeTrend(readings: readonly ChartReading[], limit = 5): string | undefined {
  const chosen = readings.slice(0, limit).reverse();
  const oldest = chosen[0];
  if (oldest === undefined) return undefined;
  const units = new Set(chosen.map((reading) => reading.result.unit));
  const values = chosen.map((reading) => {
    const value = formatValue(reading.result);
    return units.size === 1 ? value.slice(0, value.lastIndexOf(' ')) : value;
  });
  const unit = units.size === 1 ? ` ${oldest.result.unit}` : '';
  const since =
    chosen.length > 1 ? ` since ${formatMonth(oldest.source.date)}` : ` on ${oldest.source.date}`;
  return `${oldest.analyteName} ${values.join(' -> ')}${unit}${since}`;
}
