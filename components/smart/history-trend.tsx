import type { BandLabels } from '@/components/results/band-scale';
import { StatusBadge } from '@/components/results/status-style';
import type { ChartReading } from '@/lib/smart/chart';

const WIDTH = 320;
const HEIGHT = 96;
const PAD = 10;

/**
 * One analyte's history: the trend drawn on the band scale (bands as stripes, bottom = lowest),
 * its text alternative, and a table of every reading with its date, lab and classification.
 * @param props - the readings (newest first), the one-line trend and the band labels
 * @returns the figure and table
 */
export function HistoryTrend({
  readings,
  trend,
  labels,
  headingId,
}: {
  readings: readonly ChartReading[];
  trend: string;
  labels: BandLabels;
  headingId: string;
}) {
  const chronological = [...readings].reverse();
  const bands = chronological.at(-1)?.scale.bands ?? [];
  const count = Math.max(1, bands.length);
  const plotHeight = HEIGHT - 2 * PAD;
  const x = (i: number) =>
    chronological.length === 1
      ? WIDTH / 2
      : PAD + 60 + (i * (WIDTH - 2 * PAD - 60)) / (chronological.length - 1);
  const y = (at: number) => PAD + plotHeight * (1 - at);
  const points = chronological.map((r, i) => `${x(i).toFixed(1)},${y(r.scale.at).toFixed(1)}`);
  return (
    <figure className="smart-trend" aria-labelledby={headingId}>
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${trend}. ${chronological.map((r) => `${r.source.date}: ${r.valueText}, ${r.statusLabel}`).join('; ')}.`}
      >
        {bands.map((status, i) => (
          <g key={status}>
            <rect
              className={`band band-${status}`}
              x={PAD}
              width={WIDTH - 2 * PAD}
              y={PAD + plotHeight * (1 - (i + 1) / count)}
              height={plotHeight / count}
              opacity="0.45"
            />
            <text x={PAD + 4} y={PAD + plotHeight * (1 - (i + 0.5) / count) + 4} fontSize="10">
              {labels[status] ?? status}
            </text>
          </g>
        ))}
        <polyline points={points.join(' ')} fill="none" stroke="#1f2933" strokeWidth="1.5" />
        {chronological.map((r, i) => (
          <circle
            key={r.source.observationId}
            cx={x(i)}
            cy={y(r.scale.at)}
            r={r.critical ? 5 : 3.5}
            fill={r.result.comparator === undefined ? '#1f2933' : '#ffffff'}
            stroke="#1f2933"
            strokeWidth="1.5"
          />
        ))}
      </svg>
      <figcaption className="smart-trend-text">{trend}</figcaption>
      <table className="smart-history-table">
        <caption className="visually-hidden">{trend}: every reading</caption>
        <thead>
          <tr>
            <th scope="col">Collected</th>
            <th scope="col">Value</th>
            <th scope="col">Classification</th>
            <th scope="col">Lab</th>
          </tr>
        </thead>
        <tbody>
          {readings.map((r) => (
            <tr key={r.source.observationId}>
              <td>{r.source.date}</td>
              <td>{r.valueText}</td>
              <td>
                <StatusBadge status={r.status} label={r.statusLabel} />
                {r.critical ? <strong className="smart-critical"> Critical</strong> : null}
              </td>
              <td>{r.source.lab ?? 'not named'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
