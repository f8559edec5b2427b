import { useId } from 'react';
import { findScalePosition } from '@/lib/scale';
import type { BandStatus, ResultInterpretation } from '@/lib/types';

/** Band labels per status, as the library words them for this analyte. */
export type BandLabels = Readonly<Partial<Record<BandStatus, string>>>;

const pct = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;

/**
 * The rule set's bands as a horizontal bar in the entered unit, with a marker at the value. A
 * censored value ("<5", ">25") is drawn as an open marker with an arrow towards the open end.
 * Bands are drawn at equal widths (a schematic scale); the cut-offs are printed at each border.
 * @param props - the result and the band labels of its analyte
 * @returns an SVG with a text alternative
 */
export function BandScale({
  result,
  labels,
}: {
  result: ResultInterpretation;
  labels: BandLabels;
}) {
  const arrowId = useId();
  const { bands, input } = result;
  const count = Math.max(1, bands.length);
  const { at, beyond } = findScalePosition(result);
  const x = pct(at);
  const opensLow = input.comparator === '<' || input.comparator === '<=';
  const opensHigh = input.comparator === '>' || input.comparator === '>=';
  const bandText = bands
    .map((band) => `${labels[band.status] ?? band.status} ${band.rangeText}`)
    .join('; ');
  const markerText = opensLow
    ? `open-ended marker at ${input.display} and below`
    : opensHigh
      ? `open-ended marker at ${input.display} and above`
      : `marker at ${input.display}${beyond ? ', beyond the end of the scale' : ''}`;
  const description = `Scale in ${input.unit}: ${bandText}. Result: ${markerText} (${result.statusLabel}).`;

  return (
    <svg
      className="band-scale"
      width="100%"
      height="60"
      role="img"
      aria-label={description}
      data-marker={opensLow ? 'open-low' : opensHigh ? 'open-high' : 'exact'}
    >
      <defs>
        <marker
          id={arrowId}
          viewBox="0 0 10 10"
          refX="5"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0L10 5L0 10z" className="band-scale-arrow" />
        </marker>
      </defs>
      {bands.map((band, i) => (
        <rect
          key={band.status}
          className={`band band-${band.status}`}
          x={pct(i / count)}
          width={pct(1 / count)}
          y="16"
          height="16"
        />
      ))}
      {bands.slice(1).map((band, i) => (
        <g key={band.status}>
          <line
            className="band-tick"
            x1={pct((i + 1) / count)}
            x2={pct((i + 1) / count)}
            y1="14"
            y2="36"
          />
          <text className="band-tick-label" x={pct((i + 1) / count)} y="52" textAnchor="middle">
            {band.lower}
          </text>
        </g>
      ))}
      {opensLow || opensHigh ? (
        <line
          className="band-marker-range"
          x1={x}
          x2={opensLow ? '1%' : '99%'}
          y1="24"
          y2="24"
          markerEnd={`url(#${arrowId})`}
        />
      ) : null}
      <line className="band-marker-line" x1={x} x2={x} y1="6" y2="42" />
      <circle
        className={opensLow || opensHigh ? 'band-marker band-marker-open' : 'band-marker'}
        cx={x}
        cy="24"
        r="6"
      />
      {beyond ? (
        <line
          className="band-marker-range"
          x1="95%"
          x2="99.5%"
          y1="8"
          y2="8"
          markerEnd={`url(#${arrowId})`}
        />
      ) : null}
    </svg>
  );
}
