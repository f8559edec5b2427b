import type { Status } from '@/lib/types';

// Presentation only: each status gets a colour class and an icon shape, so no status is told by
// colour alone (the label text from interpret() is always printed beside the icon).
const ICON_PATHS: Readonly<Record<Status, string>> = {
  // Two chevrons down.
  deficient: 'M4 4l6 6 6-6M4 10l6 6 6-6',
  // One chevron down.
  insufficient: 'M4 7l6 6 6-6',
  // A tick.
  sufficient: 'M3 10l5 5 9-10',
  // One chevron up.
  high: 'M4 13l6-6 6 6',
  // A question mark.
  indeterminate: 'M6.5 7a3.5 3.5 0 1 1 5 3.2c-1 .5-1.5 1.2-1.5 2.3v1M10 17v.5',
};

/**
 * The icon of a status, drawn with strokes in the current colour.
 * @param props - the status
 * @returns an SVG hidden from assistive technology (the label carries the meaning)
 */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg
      className="status-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={ICON_PATHS[status]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The status pill of a result card: icon, label and colour.
 * @param props - the status and the label interpret() computed for it
 * @returns the badge
 */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <span className={`status-badge status-${status}`} data-status={status}>
      <StatusIcon status={status} />
      <span>{label}</span>
    </span>
  );
}
