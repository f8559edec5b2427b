import type { FontWeight, HandoutCanvas, Rgb, ShapeStyle } from '../canvas';

/**
 * A canvas for trial layouts: it measures with the real canvas and records what is drawn, so the
 * layout that is kept is replayed onto the real canvas instead of being laid out again.
 */
export class RecordingCanvas implements HandoutCanvas {
  private readonly drawings: Array<(canvas: HandoutCanvas) => void> = [];
  private pages = 0;

  constructor(readonly measure: HandoutCanvas['measure']) {}

  addPage(): number {
    this.drawings.push((canvas) => canvas.addPage());
    return this.pages++;
  }

  usePage(index: number): void {
    this.drawings.push((canvas) => canvas.usePage(index));
  }

  text(text: string, x: number, y: number, weight: FontWeight, size: number, color: Rgb): void {
    this.drawings.push((canvas) => canvas.text(text, x, y, weight, size, color));
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.rect(x, y, width, height, style));
  }

  line(x1: number, y1: number, x2: number, y2: number, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.line(x1, y1, x2, y2, style));
  }

  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): void {
    this.drawings.push((canvas) => canvas.polygon(points, style));
  }

  /** Draws everything recorded onto `canvas`, in order. */
  replay(canvas: HandoutCanvas): void {
    for (const draw of this.drawings) draw(canvas);
  }
}
