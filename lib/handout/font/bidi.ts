import bidiFactory from 'bidi-js';

type Bidi = ReturnType<typeof bidiFactory>;
let bidi: Bidi | undefined;

/** A run of one direction, in visual order; `text` is in logical (typed) order. */
export interface DirectionRun {
  readonly text: string;
  readonly rtl: boolean;
}

/**
 * Splits one line of text into directional runs in visual (left to right on the page) order, by
 * the Unicode Bidirectional Algorithm (bidi-js) with a left-to-right paragraph: the handout is an
 * English or Spanish page, and a right-to-left name is a run inside it.
 * @param text - one drawn line, logical order
 * @returns the runs, left to right; each run's text stays in logical order
 */
export function visualRuns(text: string): DirectionRun[] {
  bidi ??= bidiFactory();
  const embedding = bidi.getEmbeddingLevels(text, 'ltr');
  const { levels } = embedding;
  // Logical indices in visual order (rules L1 and L2), grouped into runs of one level.
  const visual = bidi.getReorderedIndices(text, embedding);
  const runs: Array<{ start: number; end: number; rtl: boolean }> = [];
  let previous = -2;
  for (const index of visual) {
    const rtl = (levels[index]! & 1) === 1;
    const last = runs[runs.length - 1];
    const next = rtl ? previous - 1 : previous + 1;
    if (last && last.rtl === rtl && index === next) {
      if (rtl) last.start = index;
      else last.end = index + 1;
    } else {
      runs.push({ start: index, end: index + 1, rtl });
    }
    previous = index;
  }
  return runs.map((run) => ({ text: text.slice(run.start, run.end), rtl: run.rtl }));
}
