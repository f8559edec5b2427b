import { appendBezierCurve, closePath, lineTo, moveTo } from 'pdf-lib';
import type { PDFOperator } from 'pdf-lib';

/**
 * PDF path operators for an SVG path of HarfBuzz's glyphToPath (M, L, Q, C, Z; absolute).
 * Quadratic curves become cubic ones (PDF has no quadratic curve).
 */
export function pathOperators(path: string): PDFOperator[] {
  const ops: PDFOperator[] = [];
  let current: [number, number] = [0, 0];
  for (const [, command, args] of path.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    const n = (args ?? '')
      .split(/[ ,]+/)
      .filter((part) => part !== '')
      .map(Number);
    if (command === 'M') {
      ops.push(moveTo(n[0]!, n[1]!));
      current = [n[0]!, n[1]!];
    } else if (command === 'L') {
      ops.push(lineTo(n[0]!, n[1]!));
      current = [n[0]!, n[1]!];
    } else if (command === 'Q') {
      const [qx, qy, x, y] = n as [number, number, number, number];
      ops.push(
        appendBezierCurve(
          round(current[0] + ((qx - current[0]) * 2) / 3),
          round(current[1] + ((qy - current[1]) * 2) / 3),
          round(x + ((qx - x) * 2) / 3),
          round(y + ((qy - y) * 2) / 3),
          x,
          y,
        ),
      );
      current = [x, y];
    } else if (command === 'C') {
      ops.push(appendBezierCurve(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!));
      current = [n[4]!, n[5]!];
    } else {
      ops.push(closePath());
    }
  }
  return ops;
}

/** Two decimals: enough for 1/1000 em, and the same digits in every runtime. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
