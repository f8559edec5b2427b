import type { ResultInterpretation } from './types';

// Drawing geometry only, no clinical meaning. An open-ended band is drawn as if it ran this much
// past its one bound.
const OPEN_BAND_SPAN = 0.5;

/**
 * A value that interpret() put in a band is drawn at least this far inside it (as a fraction of the
 * band's width), so a marker on a cut-off is never read as being in the next band.
 */
const POINT_INSET = 0.12;

/** Where a result sits on its rule set's band scale. */
export interface ScalePosition {
  /** Index of the band the marker is drawn in. */
  readonly band: number;
  /** How far across that band, from 0 (its lower end) to 1 (its upper end). */
  readonly inBand: number;
  /**
   * From 0 (bottom of the lowest band) to 1 (top of the highest) on a scale drawn with equal-width
   * bands: `(band + inBand) / band count`.
   */
  readonly at: number;
  /** The value lies past the drawn end of an open-ended top band. */
  readonly beyond: boolean;
}

/**
 * Places a result on its band scale: the one placement rule for the result cards, the SMART
 * history trend and the PDF handout (which draws bands at different widths, so it uses `band` and
 * `inBand`). The band is the one interpret() put the result in, and the marker stays inside it
 * (never on a cut-off). An indeterminate (censored) result is placed exactly at its bound, in the
 * band that starts there when the bound is a cut-off.
 * @param result - an interpreted result
 * @returns the position on the scale
 */
export function findScalePosition(result: ResultInterpretation): ScalePosition {
  const { bands, input } = result;
  const count = bands.length;
  let index = bands.findIndex((band) => band.status === result.status);
  const decided = index >= 0;
  if (!decided) {
    index = bands.findIndex((band) => band.upper === null || input.value < band.upper);
    if (index < 0) index = count - 1;
  }
  const band = bands[index];
  if (band === undefined || count === 0) return { band: 0, inBand: 0, at: 0, beyond: false };
  const from = band.lower ?? 0;
  const to = band.upper ?? from * (1 + OPEN_BAND_SPAN);
  const inside = to > from ? (input.value - from) / (to - from) : 0.5;
  const beyond = inside > 1 && band.upper === null;
  const low = decided ? POINT_INSET : 0;
  const inBand = Math.min(1 - low, Math.max(low, inside));
  return { band: index, inBand, at: (index + inBand) / count, beyond };
}
