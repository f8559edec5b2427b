import { formatCutoff } from '../../cutoff-text';
import { findScalePosition } from '../../scale';
import type { BandStatus, ResultInterpretation } from '../../types';
import type { HandoutText } from '../text/handout-text';
import type {
  HandoutScale,
  HandoutScaleMarker,
  HandoutScalePoint,
  HandoutScaleSegment,
} from './types';
import { fill } from './wording';

/** "a, b or c" in the language of `text`. */
function listInWords(text: HandoutText, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${text.scaleAlt.or}${items.at(-1)}`;
}

/** The healthy range of the result's rule set, in its unit, from the bands interpret() gave. */
function healthyRange(text: HandoutText, result: ResultInterpretation): string {
  const healthy = result.bands.find((band) => band.status === 'sufficient');
  if (healthy === undefined || healthy.lower === null) return '';
  const values = { from: formatCutoff(healthy.lower), unit: result.input.unit };
  return healthy.upper === null
    ? fill(text.scaleAlt.healthyFrom, values)
    : fill(text.scaleAlt.healthyBetween, { ...values, to: formatCutoff(healthy.upper) });
}

/**
 * The scale's alternative text for a screen reader: the value, the band (or the bands a censored
 * value may be in) and the healthy range, all from the interpretation.
 */
function describeScale(
  text: HandoutText,
  result: ResultInterpretation,
  value: string,
  statuses: readonly BandStatus[],
): string {
  const band = listInWords(
    text,
    statuses.map((status) => text.scaleAlt.bands[status]),
  );
  const template = statuses.length === 1 ? text.scaleAlt.point : text.scaleAlt.range;
  return fill(template, { value, band, healthy: healthyRange(text, result) });
}

/**
 * The band scale of a result: its bands in words, and a marker placed by `findScalePosition`
 * (lib/scale.ts), the placement the result cards and the SMART trend draw too. An indeterminate
 * censored value gets a range from its bound to the open end.
 * @param text - the wording of the handout's language
 * @param result - an interpreted result
 * @param value - the result as the handout writes it ("less than 5 ng/mL")
 * @returns segments, marker and alternative text
 */
export function buildScale(
  text: HandoutText,
  result: ResultInterpretation,
  value: string,
): HandoutScale {
  const segments = result.bands.map((band): HandoutScaleSegment => ({
    status: band.status,
    label: text.bandWords[band.status],
    isResult: band.status === result.status,
  }));
  const { comparator } = result.input;
  const openEnd = comparator === null ? 'none' : comparator.startsWith('<') ? 'below' : 'above';
  const position = findScalePosition(result);
  const at: HandoutScalePoint = { segment: position.band, fraction: position.inBand };

  if (result.status === 'indeterminate') {
    const last = Math.max(0, segments.length - 1);
    const marker: HandoutScaleMarker =
      openEnd === 'below'
        ? { kind: 'range', from: { segment: 0, fraction: 0 }, to: at, label: text.somewhereHere }
        : {
            kind: 'range',
            from: at,
            to: { segment: last, fraction: 1 },
            label: text.somewhereHere,
          };
    // The bands the range covers; one it only touches at its end does not count.
    const [first, end] =
      marker.from === at
        ? [at.segment, last]
        : [0, at.fraction === 0 ? Math.max(0, at.segment - 1) : at.segment];
    const statuses = segments.slice(first, end + 1).map((segment) => segment.status);
    return { segments, marker, alt: describeScale(text, result, value, statuses) };
  }
  const status = segments[at.segment]?.status;
  return {
    segments,
    marker: { kind: 'point', at, openEnd, label: text.youAreHere },
    alt: describeScale(text, result, value, status === undefined ? [] : [status]),
  };
}
