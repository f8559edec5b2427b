import type { Band, ResultInterpretation } from '../../types';
import type { RuleFacts } from '../../safety/rule';
import type { HandoutText } from '../text/handout-text';
import type {
  HandoutRow,
  HandoutScale,
  HandoutScaleMarker,
  HandoutScalePoint,
  HandoutScaleSegment,
} from './types';
import { fill, wordingStatus } from './wording';

/** "<5 ng/mL" -> "less than 5 ng/mL": the comparator in words, the rest as interpret() wrote it. */
function describeResult(text: HandoutText, result: ResultInterpretation): string {
  const { comparator, display } = result.input;
  if (comparator === null || !display.startsWith(comparator)) return display;
  return `${text.comparatorWords[comparator]} ${display.slice(comparator.length).trim()}`;
}

/** A point marker stays this far inside its band so it is never read as the next band. */
const POINT_INSET = 0.12;

/** Where a value sits inside a band, 0 to 1; an open end is drawn one band-width wide. */
function fractionInBand(band: Band, value: number): number {
  const lower = band.lower ?? 0;
  const upper = band.upper ?? (band.lower !== null ? band.lower * 2 : 1);
  if (upper <= lower) return 0.5;
  return Math.min(1, Math.max(0, (value - lower) / (upper - lower)));
}

/** Where a bound sits on the scale (ties at a shared edge go to the lower band: same spot). */
function locate(bands: readonly Band[], value: number): HandoutScalePoint {
  const index = bands.findIndex(
    (band) =>
      (band.lower === null || value >= band.lower) && (band.upper === null || value <= band.upper),
  );
  const segment = index === -1 ? bands.length - 1 : index;
  const band = bands[segment];
  return { segment, fraction: band ? fractionInBand(band, value) : 0.5 };
}

function buildScale(text: HandoutText, result: ResultInterpretation): HandoutScale {
  const segments = result.bands.map((band): HandoutScaleSegment => ({
    status: band.status,
    label: text.bandWords[band.status],
    isResult: band.status === result.status,
  }));
  const { value, comparator } = result.input;
  const openEnd = comparator === null ? 'none' : comparator.startsWith('<') ? 'below' : 'above';
  const last = Math.max(0, segments.length - 1);

  if (result.status === 'indeterminate') {
    const bound = locate(result.bands, value);
    const marker: HandoutScaleMarker =
      openEnd === 'below'
        ? { kind: 'range', from: { segment: 0, fraction: 0 }, to: bound, label: text.somewhereHere }
        : {
            kind: 'range',
            from: bound,
            to: { segment: last, fraction: 1 },
            label: text.somewhereHere,
          };
    return { segments, marker };
  }
  // The marker goes inside the band interpret() chose, so the picture always agrees with the words.
  const own = result.bands.findIndex((band) => band.status === result.status);
  const band = result.bands[own];
  const at: HandoutScalePoint = band
    ? {
        segment: own,
        fraction: Math.min(1 - POINT_INSET, Math.max(POINT_INSET, fractionInBand(band, value))),
      }
    : locate(result.bands, value);
  return { segments, marker: { kind: 'point', at, openEnd, label: text.youAreHere } };
}

function describeMeaning(
  text: HandoutText,
  result: ResultInterpretation,
  facts: RuleFacts,
): string {
  const words = text.analytes[result.analyte];
  const status = wordingStatus(facts);
  if (status !== result.status) {
    return fill(words.lowCensored, { bound: String(result.input.value) });
  }
  return words.statusWords[status];
}

export function buildRow(
  text: HandoutText,
  result: ResultInterpretation,
  facts: RuleFacts,
): HandoutRow {
  const words = text.analytes[result.analyte];
  return {
    analyte: result.analyte,
    test: words.name,
    result: describeResult(text, result),
    status: result.status,
    meaning: describeMeaning(text, result, facts),
    action: result.critical ? text.critical.rowAction : words.action[wordingStatus(facts)],
    critical: result.critical,
    scale: buildScale(text, result),
  };
}
