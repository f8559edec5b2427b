/**
 * Benchmark of the patient handout PDF. Run: `npm run --silent bench:handout`.
 *
 * In one process, renders the same full three-test handout (golden case all-low-us-units,
 * English, Letter) with ours (lib/handout/render.ts: pdf-lib, fonts parsed once) and with
 * @react-pdf/renderer (dev dependency, used only here) laying out the same model strings with the
 * same DejaVu fonts. Prints median and p95 milliseconds and bytes per PDF for each.
 * Goals: ours median <= 10 ms, >= 2x faster than @react-pdf/renderer, <= 60 KB per PDF.
 *
 * Prints a table; exits 0 either way (speed is reported, not asserted).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { DocumentProps } from '@react-pdf/renderer';
import { PDFDocument } from 'pdf-lib';
import { createElement as h } from 'react';
import type { ReactElement } from 'react';
import { buildHandoutModel, sectionBlocks } from '../lib/handout/model';
import type { HandoutModel, HandoutRow } from '../lib/handout/model';
import { renderHandout } from '../lib/handout/render';
import { interpret } from '../lib/interpret';
import { loadHandoutFonts } from '../server/handout-fonts';

const GENERATED_ON = '2026-11-26';
const OURS_RUNS = 300;
const REACT_PDF_RUNS = 40;
const WARM_UP = 10;

interface Stats {
  /** Wall-clock milliseconds. */
  readonly median: number;
  /** CPU milliseconds of this process (user + system): less sensitive to a busy machine. */
  readonly cpuMedian: number;
  readonly p95: number;
  readonly bytes: number;
  readonly pages: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function measure(
  runs: number,
  once: () => Promise<Uint8Array>,
  pagesOf: (bytes: Uint8Array) => Promise<number>,
): Promise<Stats> {
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = await once();
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    median: percentile(times, 0.5),
    cpuMedian: percentile(cpu, 0.5),
    p95: percentile(times, 0.95),
    bytes: bytes.length,
    pages: await pagesOf(bytes),
  };
}

/** Pages of a PDF (read after timing). */
async function countPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

const BAND_COLOURS = {
  deficient: '#f6c7a8',
  insufficient: '#fbe3a0',
  sufficient: '#c4e3c0',
  high: '#f3b9b9',
} as const;

const styles = StyleSheet.create({
  page: { fontFamily: 'DejaVu', fontSize: 12, padding: 40, paddingBottom: 60, color: '#1a1a1a' },
  title: { fontSize: 22, fontWeight: 'bold', color: '#0b3d6b', marginBottom: 6 },
  h2: { fontSize: 15, fontWeight: 'bold', color: '#0b3d6b', marginTop: 8, marginBottom: 2 },
  h3: { fontWeight: 'bold', marginTop: 4 },
  bold: { fontWeight: 'bold' },
  row: { flexDirection: 'row', borderBottom: '0.75pt solid #8a8a8a', paddingVertical: 4 },
  cell: { paddingHorizontal: 4 },
  summary: { backgroundColor: '#eaf2fb', padding: 7, marginTop: 7 },
  scale: { flexDirection: 'row', marginTop: 14 },
  notes: { border: '1pt solid #1a1a1a', height: 90, marginTop: 4 },
  footer: {
    position: 'absolute',
    bottom: 24,
    left: 40,
    right: 40,
    fontSize: 11,
    fontWeight: 'bold',
  },
  small: { fontSize: 9, color: '#404040', marginTop: 6 },
});

function scaleView(row: HandoutRow): ReactElement {
  const { segments, marker } = row.scale;
  return h(
    View,
    { style: styles.scale },
    ...segments.map((segment, index) =>
      h(
        View,
        { key: index, style: { flexGrow: 1, flexBasis: 0 } },
        h(View, {
          style: {
            height: 12,
            backgroundColor: BAND_COLOURS[segment.status],
            border: '0.75pt solid #1a1a1a',
          },
        }),
        h(
          Text,
          {
            style: {
              fontSize: 11,
              textAlign: 'center',
              fontWeight: segment.isResult ? 'bold' : 'normal',
            },
          },
          segment.label,
        ),
        marker.kind === 'point' && marker.at.segment === index
          ? h(
              Text,
              {
                style: {
                  position: 'absolute',
                  top: -13,
                  left: `${marker.at.fraction * 100}%`,
                  fontSize: 11,
                  fontWeight: 'bold',
                },
              },
              `▼ ${marker.label}`,
            )
          : null,
      ),
    ),
  );
}

/** The same handout, laid out with @react-pdf/renderer from the same model strings. */
function reactPdfDocument(model: HandoutModel): ReactElement<DocumentProps> {
  const { columns } = model.table;
  const widths = ['20%', '21%', '23%', '36%'];
  const cells = (values: readonly string[], bold: readonly boolean[]) =>
    values.map((value, index) =>
      h(
        Text,
        {
          key: index,
          style: [styles.cell, { width: widths[index] }, bold[index] ? styles.bold : {}],
        },
        value,
      ),
    );
  return h(
    Document,
    { title: model.title, language: model.pdfLanguage, producer: 'react-pdf bench' },
    h(
      Page,
      { size: 'LETTER', style: styles.page },
      h(Text, { style: styles.title }, model.title),
      ...model.facts.map((fact, index) =>
        h(
          Text,
          { key: `f${index}` },
          h(Text, { style: styles.bold }, `${fact.label}: `),
          fact.value,
        ),
      ),
      ...model.intro.map((paragraph, index) =>
        h(Text, { key: `i${index}`, style: { marginTop: 6 } }, paragraph),
      ),
      h(
        View,
        { style: styles.summary },
        h(Text, { style: [styles.bold, { color: '#0b3d6b' }] }, model.summary.heading),
        ...model.summary.results.map((line, index) => h(Text, { key: index }, `• ${line}`)),
        h(Text, { style: styles.bold }, model.actions.heading),
        ...model.actions.items.map((line, index) => h(Text, { key: `a${index}` }, `• ${line}`)),
      ),
      h(Text, { style: styles.h2 }, model.table.heading),
      h(
        View,
        { style: [styles.row, { backgroundColor: '#e6e6e6' }] },
        ...cells(Object.values(columns), [true, true, true, true]),
      ),
      ...model.table.rows.map((row, index) =>
        h(
          View,
          { key: `r${index}`, style: styles.row, wrap: false },
          h(
            View,
            { style: { width: '64%' } },
            h(
              View,
              { style: { flexDirection: 'row' } },
              ...cells([row.test, row.result, row.meaning], [true, false, true]).map((cell, i) =>
                h(View, { key: i, style: { width: `${[31, 33, 36][i]}%` } }, cell),
              ),
            ),
            scaleView(row),
          ),
          h(Text, { style: [styles.cell, { width: '36%' }] }, row.action),
        ),
      ),
      h(Text, { style: { marginTop: 4 } }, model.table.note),
      ...model.sections.map((section, index) =>
        h(
          View,
          { key: `s${index}` },
          h(Text, { style: styles.h2 }, section.heading),
          ...sectionBlocks(section).map((block, blockIndex) =>
            h(
              View,
              { key: blockIndex },
              h(Text, { style: styles.h3 }, block.heading),
              ...block.paragraphs.map((paragraph, i) => h(Text, { key: `p${i}` }, paragraph)),
              ...block.bullets.map((bullet, i) => h(Text, { key: `b${i}` }, `• ${bullet}`)),
            ),
          ),
        ),
      ),
      h(Text, { style: styles.h2 }, model.habits.heading),
      ...model.habits.items.map((item, index) => h(Text, { key: `h${index}` }, `• ${item}`)),
      h(Text, { style: styles.h2, wrap: false }, model.notesHeading),
      h(View, { style: styles.notes, wrap: false }),
      h(Text, { style: styles.small }, model.footer.lines.join(' ')),
      h(Text, { style: styles.footer, fixed: true }, model.footer.disclaimer),
    ),
  );
}

async function main(): Promise<void> {
  const panel = (
    JSON.parse(readFileSync(join('tests', 'fixtures', 'golden.json'), 'utf8')) as Array<{
      panel: unknown;
    }>
  )[0]!.panel;
  const outcome = interpret(panel, { asOf: GENERATED_ON });
  if (!outcome.ok) throw new Error('golden panel did not interpret');
  const interpretation = outcome.value;

  const loadAtStart = loadavg()[0] ?? 0;
  const fontStart = performance.now();
  const fonts = loadHandoutFonts();
  const fontMs = performance.now() - fontStart;

  const ours = await measure(
    OURS_RUNS,
    async () =>
      (
        await renderHandout(interpretation, fonts, {
          lang: 'en',
          paper: 'letter',
          generatedOn: GENERATED_ON,
        })
      ).bytes,
    countPages,
  );

  Font.register({
    family: 'DejaVu',
    fonts: [
      { src: join(process.cwd(), 'public', 'fonts', 'DejaVuSans.ttf') },
      { src: join(process.cwd(), 'public', 'fonts', 'DejaVuSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]);
  const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: GENERATED_ON });
  const reactPdf = await measure(
    REACT_PDF_RUNS,
    async () => new Uint8Array(await renderToBuffer(reactPdfDocument(model))),
    countPages,
  );

  const rows: Array<[string, Stats, number]> = [
    ['ours (pdf-lib, fonts parsed once)', ours, OURS_RUNS],
    ['@react-pdf/renderer 4.9.0', reactPdf, REACT_PDF_RUNS],
  ];
  const line = (cells: readonly string[]) =>
    `| ${cells[0]!.padEnd(34)} | ${cells
      .slice(1)
      .map((cell) => cell.padStart(9))
      .join(' | ')} |`;
  console.log('Patient handout, full three-test panel (all-low-us-units, en, Letter), in-process');
  console.log(
    `Font files read and parsed once per process: ${fontMs.toFixed(1)} ms (not in the medians)`,
  );
  console.log(
    `Machine: ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(2)} at start ` +
      '(wall-clock figures rise with load; CPU ms is this process only)\n',
  );
  console.log(line(['renderer', 'runs', 'median ms', 'p95 ms', 'CPU ms', 'KB', 'pages']));
  console.log(line(['-'.repeat(34), ...Array.from({ length: 6 }, () => '-'.repeat(9))]));
  for (const [name, stats, runs] of rows) {
    console.log(
      line([
        name,
        String(runs),
        stats.median.toFixed(2),
        stats.p95.toFixed(2),
        stats.cpuMedian.toFixed(2),
        (stats.bytes / 1024).toFixed(1),
        String(stats.pages),
      ]),
    );
  }
  const speedup = reactPdf.median / ours.median;
  console.log(
    `\nours vs @react-pdf/renderer: ${speedup.toFixed(1)}x faster (median). Goals: median <= 10 ms ` +
      `[${ours.median <= 10 ? 'met' : 'NOT met'}], >= 2x faster [${speedup >= 2 ? 'met' : 'NOT met'}], ` +
      `<= 60 KB [${ours.bytes <= 60 * 1024 ? 'met' : 'NOT met'}].`,
  );
}

await main();
