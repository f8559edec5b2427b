import { parseArgs } from 'node:util';
import { CSV_OUTPUT_COLUMNS, formatCsvLine, writeCsvLines } from '../../lib/formats/csv/write';
import { toFhirBundle, toFhirEntries } from '../../lib/formats/fhir/write';
import { streamDocument } from '../../lib/formats/document';
import type { DocumentStream } from '../../lib/formats/document';
import { formatLocatedError } from '../../lib/formats/import';
import type { ResultSource } from '../../lib/formats/import-types';
import { interpretOptionsSchema } from '../../lib/schemas';
import type { Interpretation } from '../../lib/types';
import { ChunkedWriter, EXIT, readInput, writeErrors } from './io';
import type { CliIo } from './io';
import { usageError } from './usage';

/** Output formats of `labs interpret`. */
export const INTERPRET_FORMATS = ['json', 'fhir', 'csv'] as const;
/** One of {@link INTERPRET_FORMATS}. */
export type InterpretFormat = (typeof INTERPRET_FORMATS)[number];

const PROGRESS_EVERY = 2000;

/** Writes interpretations in one format, piece by piece (a batch is never one big string). */
interface OutputSink {
  begin(): Promise<void> | undefined;
  add(
    interpretation: Interpretation,
    position: number,
    sources?: ReadonlyArray<ResultSource | undefined>,
  ): Promise<void> | undefined;
  end(): Promise<void> | undefined;
}

function createSink(format: InterpretFormat, batch: boolean, out: ChunkedWriter): OutputSink {
  let count = 0;
  switch (format) {
    case 'json':
      if (!batch) {
        return {
          begin: () => undefined,
          add: (interpretation) => out.write(`${JSON.stringify(interpretation, null, 2)}\n`),
          end: () => undefined,
        };
      }
      // One panel per line inside the array: valid JSON that streams and greps well.
      return {
        begin: () => out.write('['),
        add: (interpretation) =>
          out.write(`${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(interpretation)}`),
        end: () => out.write(count === 0 ? ']\n' : '\n]\n'),
      };
    case 'fhir':
      if (!batch) {
        return {
          begin: () => undefined,
          add: (interpretation, _position, sources) =>
            out.write(
              `${JSON.stringify(toFhirBundle([interpretation], { sources: [sources] }), null, 2)}\n`,
            ),
          end: () => undefined,
        };
      }
      return {
        begin: () => out.write('{"resourceType":"Bundle","type":"collection","entry":['),
        add: (interpretation, position, sources) => {
          let text = '';
          for (const entry of toFhirEntries(interpretation, position, sources)) {
            text += `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`;
          }
          return out.write(text);
        },
        end: () => out.write(count === 0 ? ']}\n' : '\n]}\n'),
      };
    case 'csv':
      return {
        begin: () => out.write(`${formatCsvLine(CSV_OUTPUT_COLUMNS)}\n`),
        add: (interpretation, position) => {
          writeCsvLines(interpretation, position, out);
          return out.ready();
        },
        end: () => undefined,
      };
  }
}

async function finishBatch(
  sink: OutputSink,
  out: ChunkedWriter,
  io: CliIo,
  total: number,
  failed: number,
  showProgress: boolean,
): Promise<number> {
  await sink.end();
  await out.flush();
  if (showProgress) io.stderr.write(`\rinterpreted ${total}/${total} panels\n`);
  if (failed === 0) return EXIT.ok;
  if (failed < total) {
    io.stderr.write(`labs: ${failed} of ${total} panels could not be interpreted\n`);
    return EXIT.partial;
  }
  io.stderr.write(`labs: none of the ${total} panels could be interpreted\n`);
  return EXIT.invalid;
}

/**
 * `labs interpret FILE|- [--format json|fhir|csv] [--as-of YYYY-MM-DD]`.
 * A single panel that fails writes nothing to stdout and exits 2; a batch writes every valid
 * panel, reports each bad one on stderr and exits 1 (2 when none was valid).
 * @param args - the arguments after `interpret`
 * @param io - the streams and today's date
 * @returns the exit code
 */
export async function runInterpretCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { format?: string; 'as-of'?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: { format: { type: 'string' }, 'as-of': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(usageError(error instanceof Error ? error.message : String(error)));
    return EXIT.usage;
  }
  const format = INTERPRET_FORMATS.find((candidate) => candidate === (values.format ?? 'json'));
  if (format === undefined) {
    io.stderr.write(usageError(`--format must be one of ${INTERPRET_FORMATS.join(', ')}`));
    return EXIT.usage;
  }
  const asOf = values['as-of'] ?? io.today;
  if (!interpretOptionsSchema.safeParse({ asOf }).success) {
    io.stderr.write(usageError('--as-of must be a date written YYYY-MM-DD'));
    return EXIT.usage;
  }
  const [source, ...extra] = positionals;
  if (source === undefined || extra.length > 0) {
    io.stderr.write(usageError('interpret takes one FILE (or - for stdin)'));
    return EXIT.usage;
  }

  const input = await readInput(source, io);
  if (!input.ok) {
    io.stderr.write(`labs: ${input.message}\n`);
    return EXIT.noInput;
  }
  const document = streamDocument(input.text, { asOf });
  reportDocument(document, io);
  if (document.kind === 'invalid' || document.errors.length > 0) {
    writeErrors(io, document.errors.map(formatLocatedError));
    return EXIT.invalid;
  }

  const out = new ChunkedWriter(io.stdout);
  if (!document.batch) {
    const [item] = document.items;
    if (item?.interpretation === undefined) {
      writeErrors(io, (item?.errors ?? []).map(formatLocatedError));
      return EXIT.invalid;
    }
    const sink = createSink(format, false, out);
    await sink.begin();
    await sink.add(item.interpretation, item.index, item.imported?.sources);
    await sink.end();
    await out.flush();
    return EXIT.ok;
  }

  const sink = createSink(format, true, out);
  const total = document.count;
  const showProgress = io.stderrIsTTY && total >= PROGRESS_EVERY;
  let done = 0;
  let failed = 0;
  await sink.begin();
  // Each panel is written as soon as it is interpreted: a batch is never held whole.
  for (const item of document.items) {
    if (item.interpretation !== undefined) {
      const waiting = sink.add(item.interpretation, item.index, item.imported?.sources);
      if (waiting !== undefined) await waiting;
    } else {
      failed += 1;
      if (showProgress) io.stderr.write('\r\x1b[K');
      writeErrors(io, item.errors.map(formatLocatedError));
    }
    done += 1;
    if (showProgress && done % PROGRESS_EVERY === 0) {
      io.stderr.write(`\rinterpreted ${done}/${total} panels`);
    }
  }
  return finishBatch(sink, out, io, total, failed, showProgress);
}

/**
 * Tells the user what the document held besides our results (codes and counts only, never a
 * value or a name): the entries skipped as not ours, and the notices (results skipped by status,
 * dates read as US dates, columns not read).
 * @param document - the outcome
 * @param io - the streams
 */
function reportDocument(document: DocumentStream, io: CliIo): void {
  const { ignored, notices } = document;
  if (ignored.count > 0) {
    io.stderr.write(
      `labs: ignored ${ignored.count} entr${ignored.count === 1 ? 'y' : 'ies'} (not a 25(OH)D, B12 or magnesium result): ${ignored.codes.join(', ')}\n`,
    );
  }
  for (const notice of notices)
    io.stderr.write(`labs: notice: ${formatLocatedError({ ...notice, code: 'invalid' })}\n`);
}
