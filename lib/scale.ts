import type { ResultInterpretation } from './types';

// Drawing geometry only, no clinical meaning: every band gets the same width so narrow bands
// (0.70-0.85 mmol/L) stay readable, and the marker sits in proportion inside its band. An
// open-ended band is drawn as if it ran this much past its one bound.
const OPEN_BAND_SPAN = 0.5;

/** Where a result sits on its rule set's band scale drawn with equal-width bands. */
export interface ScalePosition {
  /** From 0 (bottom of the lowest band) to 1 (top of the highest). */
  readonly at: number;
  /** The value lies past the drawn end of an open-ended top band. */
  readonly beyond: boolean;
}

/**
 * Places a result on its band scale. The band is the one interpret() put the result in; an
 * indeterminate (censored) result is placed by its bound. The result cards and the SMART history
 * trend both draw this position.
 * @param result - an interpreted result
 * @returns the position on the scale
 */
export function findScalePosition(result: ResultInterpretation): ScalePosition {
  const { bands, input } = result;
  const count = bands.length;
  let index = bands.findIndex((band) => band.status === result.status);
  if (index < 0) {
    index = bands.findIndex((band) => band.upper === null || input.value < band.upper);
    if (index < 0) index = count - 1;
  }
  const band = bands[index];
  if (band === undefined || count === 0) return { at: 0, beyond: false };
  const from = band.lower ?? 0;
  const to = band.upper ?? from * (1 + OPEN_BAND_SPAN);
  const inside = to > from ? (input.value - from) / (to - from) : 0.5;
  const beyond = inside > 1 && band.upper === null;
  return { at: (index + Math.min(1, Math.max(0, inside))) / count, beyond };
}
