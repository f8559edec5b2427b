import { PALETTE, wrapText } from './canvas';
import type { FontWeight, HandoutCanvas } from './canvas';
import type { HandoutScale, HandoutScalePoint } from './model';

/** A band scale measured for a width: segment sizes, wrapped band names and heights. */
export interface BandScaleLayout {
  readonly scale: HandoutScale;
  /** Type size of the band names and the marker label, in points. */
  readonly size: number;
  /** Left edge and width of each segment, relative to the scale's left edge. */
  readonly starts: readonly number[];
  readonly widths: readonly number[];
  readonly width: number;
  readonly labels: readonly (readonly string[])[];
  readonly barHeight: number;
  /** Room above the bar for the marker and its label. */
  readonly markerHeight: number;
  /** Total height: marker and bar (the band names are inside the bar). */
  readonly height: number;
}

/** Segment widths: each band gets room for its name on one line, the rest shared evenly. */
function segmentWidths(natural: readonly number[], width: number): number[] {
  const total = natural.reduce((sum, value) => sum + value, 0);
  if (total <= width) {
    const extra = (width - total) / natural.length;
    return natural.map((value) => value + extra);
  }
  // Names must wrap: share the width in proportion to name length, with a floor.
  const floor = width / natural.length / 2;
  const rest = width - floor * natural.length;
  return natural.map((value) => floor + (rest * value) / total);
}

const weightOf = (isResult: boolean): FontWeight => (isResult ? 'bold' : 'regular');

/** Width of each segment with its name on one line and a little air on either side. */
function naturalWidths(
  canvas: Pick<HandoutCanvas, 'measure'>,
  scale: HandoutScale,
  size: number,
): number[] {
  return scale.segments.map(
    (segment) => canvas.measure(segment.label, weightOf(segment.isResult), size) + size * 0.6,
  );
}

/**
 * The narrowest width at which every band name of the scale fits on one line.
 * @param canvas - measures text
 * @param scale - segments and marker from the model
 * @param size - type size of the band names in points
 * @returns the width in points
 */
export function bandScaleOneLineWidth(
  canvas: Pick<HandoutCanvas, 'measure'>,
  scale: HandoutScale,
  size: number,
): number {
  return naturalWidths(canvas, scale, size).reduce((sum, width) => sum + width, 0);
}

/** Baseline-to-baseline distance of the band names in the bar, as a multiple of their size. */
const LABEL_LEADING = 1.15;

/**
 * Measures a band scale: segment widths (each band name on one line when the width allows),
 * wrapped names and the height the scale takes.
 * @param canvas - measures text
 * @param scale - segments and marker from the model
 * @param width - the scale's width in points
 * @param size - type size of the band names in points
 * @returns the layout {@link drawBandScale} draws
 */
export function layoutBandScale(
  canvas: Pick<HandoutCanvas, 'measure'>,
  scale: HandoutScale,
  width: number,
  size: number,
): BandScaleLayout {
  const widths = segmentWidths(naturalWidths(canvas, scale, size), width);
  const starts: number[] = [];
  widths.reduce((start, segmentWidth) => {
    starts.push(start);
    return start + segmentWidth;
  }, 0);
  const labels = scale.segments.map((segment, index) =>
    wrapText(canvas, segment.label, weightOf(segment.isResult), size, (widths[index] ?? 0) - 4),
  );
  const maxLines = Math.max(1, ...labels.map((lines) => lines.length));
  // The band names sit inside the bar (dark text on pale fills, contrast above 10:1).
  const barHeight = maxLines * size * LABEL_LEADING + size * 0.45;
  const markerHeight = size * 1.3;
  return {
    scale,
    size,
    starts,
    widths,
    width,
    labels,
    barHeight,
    markerHeight,
    height: markerHeight + barHeight + size * 0.15,
  };
}

function drawArrow(
  canvas: HandoutCanvas,
  fromX: number,
  toX: number,
  y: number,
  head: number,
): void {
  const direction = toX >= fromX ? 1 : -1;
  canvas.line(fromX, y, toX - direction * head, y, { stroke: PALETTE.ink, lineWidth: 1.5 });
  canvas.polygon(
    [
      [toX, y],
      [toX - direction * head * 1.6, y + head],
      [toX - direction * head * 1.6, y - head],
    ],
    { fill: PALETTE.ink },
  );
}

/**
 * Draws a band scale: the bar of bands with their names in words inside it (the scale reads
 * without colour), a heavy outline on the band of the result, and the marker with its label.
 * @param canvas - the drawing surface
 * @param layout - from {@link layoutBandScale}
 * @param left - left edge in points
 * @param top - top edge in points (the scale takes `layout.height` below it)
 */
export function drawBandScale(
  canvas: HandoutCanvas,
  layout: BandScaleLayout,
  left: number,
  top: number,
): void {
  const { scale, width, barHeight, markerHeight, size } = layout;
  const ink = PALETTE.ink;
  const barTop = top - markerHeight;
  const barBottom = barTop - barHeight;
  const xOf = (point: HandoutScalePoint): number =>
    left +
    (layout.starts[point.segment] ?? 0) +
    (layout.widths[point.segment] ?? 0) * point.fraction;
  scale.segments.forEach((segment, index) => {
    const x = left + (layout.starts[index] ?? 0);
    const segmentWidth = layout.widths[index] ?? 0;
    canvas.rect(x, barBottom, segmentWidth, barHeight, {
      fill: PALETTE.band[segment.status],
      stroke: ink,
      lineWidth: 0.75,
    });
    const weight = weightOf(segment.isResult);
    const lines = layout.labels[index] ?? [];
    // Centred in the segment, vertically too when a neighbour's name takes more lines.
    const blockTop = barTop - (barHeight - lines.length * size * LABEL_LEADING) / 2;
    lines.forEach((line, lineIndex) => {
      const lineWidth = canvas.measure(line, weight, size);
      const y = blockTop - size * 0.85 - lineIndex * size * LABEL_LEADING;
      canvas.text(line, x + (segmentWidth - lineWidth) / 2, y, weight, size, ink);
    });
  });
  // The band holding the result gets a heavy outline, drawn last so it sits on top.
  scale.segments.forEach((segment, index) => {
    if (!segment.isResult) return;
    const x = left + (layout.starts[index] ?? 0);
    canvas.rect(x, barBottom, layout.widths[index] ?? 0, barHeight, {
      stroke: ink,
      lineWidth: 2.5,
    });
  });

  const marker = scale.marker;
  const markY = barTop + size * 0.35;
  const head = size * 0.35;
  if (marker.kind === 'point') {
    const x = xOf(marker.at);
    const half = size * 0.45;
    // A triangle pointing down at the bar; no line through it, which would cross the band name.
    canvas.polygon(
      [
        [x - half, barTop + size * 0.85],
        [x + half, barTop + size * 0.85],
        [x, barTop],
      ],
      { fill: ink },
    );
    const labelWidth = canvas.measure(marker.label, 'bold', size);
    let labelSide: 1 | -1 = x + half + 4 + labelWidth <= left + width ? 1 : -1;
    if (marker.openEnd !== 'none') {
      // An open-ended value ("<5", ">2000"): an arrow from the marker toward the open side,
      // and the label on the other side.
      const direction = marker.openEnd === 'below' ? -1 : 1;
      labelSide = direction === 1 ? -1 : 1;
      const room = direction < 0 ? x - half - left : left + width - x - half;
      const length = Math.min(size * 2.5, room);
      if (length > head * 2) {
        drawArrow(canvas, x + direction * (half + 1), x + direction * (half + length), markY, head);
      }
    }
    const labelX = labelSide === 1 ? x + half + 4 : x - half - 4 - labelWidth;
    canvas.text(marker.label, Math.max(left, labelX), barTop + size * 0.22, 'bold', size, ink);
  } else {
    // Indeterminate: a dashed frame over every band the value could be in, and a question mark.
    const from = xOf(marker.from);
    const to = xOf(marker.to);
    canvas.rect(from, barBottom - 2, to - from, barHeight + 4, {
      stroke: ink,
      lineWidth: 2,
      dash: [4, 3],
    });
    const label = `${marker.label} (?)`;
    const labelWidth = canvas.measure(label, 'bold', size);
    const middle = Math.min(
      Math.max((from + to) / 2, left + labelWidth / 2),
      left + width - labelWidth / 2,
    );
    const baseline = barTop + size * 0.4;
    canvas.text(label, middle - labelWidth / 2, baseline, 'bold', size, ink);
    const arrowLevel = baseline + size * 0.32;
    if (middle - labelWidth / 2 - 4 - from > head * 2) {
      drawArrow(canvas, middle - labelWidth / 2 - 4, from + 1, arrowLevel, head);
    }
    if (to - (middle + labelWidth / 2 + 4) > head * 2) {
      drawArrow(canvas, middle + labelWidth / 2 + 4, to - 1, arrowLevel, head);
    }
  }
}
