import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { renderHandout } from '../../lib/handout/render';
import { interpretDocument } from '../../lib/formats/document';
import { formatLocatedError } from '../../lib/formats/import';
import { loadHandoutFonts } from '../../server/handout-fonts';
import {
  DEFAULT_HANDOUT_LANG,
  DEFAULT_PAPER,
  HANDOUT_LANGS,
  PAPER_NAMES,
  toHandoutLang,
  toPaperSize,
} from '../../lib/handout/options';
import { EXIT, readInput } from './io';
import type { CliIo } from './io';

/** Help text of `labs handout`. */
export const HANDOUT_USAGE = `Usage: npm run --silent labs -- handout FILE|- --out OUT.pdf [--lang ${HANDOUT_LANGS.join('|')}] [--paper ${PAPER_NAMES.join('|')}]

Writes the patient handout for ONE panel: a JSON panel object, a FHIR R4 Observation or Bundle
of one patient's results, or CSV (header panel_id,analyte,value,unit) holding one panel.
  --out OUT.pdf        where to write the PDF (- writes it to stdout)
  --lang ${HANDOUT_LANGS.join('|').padEnd(13)} language of the handout (default ${DEFAULT_HANDOUT_LANG})
  --paper ${PAPER_NAMES.join('|').padEnd(12)} paper size (default ${DEFAULT_PAPER})
The date printed on the handout is today's date.
Exit codes: 0 written; 2 the input is not one valid panel (nothing is written);
64 usage error; 66 input cannot be read; 70 internal error.`;

/** The streams a command uses; `today` (YYYY-MM-DD) comes from the dispatcher's clock. */
export type HandoutCommandIo = Omit<CliIo, 'stderrIsTTY'>;

function usageError(io: HandoutCommandIo, message: string): number {
  io.stderr.write(`labs handout: ${message}\n\n${HANDOUT_USAGE}\n`);
  return EXIT.usage;
}

/** Writes next to the target, then renames: a failed render never leaves half a PDF behind. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function writeBytes(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * `labs handout FILE|- --out OUT.pdf [--lang en|es] [--paper letter|a4]`: interprets one panel
 * (as of today) and writes its patient handout. Bad input writes nothing and exits 2 with one
 * `path: message` line per problem on stderr.
 * @param args - the arguments after `handout`
 * @param io - the streams and today's date (the date of the interpretation and the handout)
 * @returns the exit code
 */
export async function runHandoutCommand(args: string[], io: HandoutCommandIo): Promise<number> {
  let values: { out?: string; lang?: string; paper?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        paper: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout.write(`${HANDOUT_USAGE}\n`);
    return EXIT.ok;
  }
  const lang = toHandoutLang(values.lang ?? DEFAULT_HANDOUT_LANG);
  if (!lang) return usageError(io, `--lang must be one of ${HANDOUT_LANGS.join(', ')}`);
  const paper = toPaperSize(values.paper ?? DEFAULT_PAPER);
  if (!paper) return usageError(io, `--paper must be one of ${PAPER_NAMES.join(', ')}`);
  const out = values.out;
  if (out === undefined || out === '') return usageError(io, '--out OUT.pdf is required');
  const [source, ...extra] = positionals;
  if (source === undefined || extra.length > 0) {
    return usageError(io, 'handout takes one FILE (or - for stdin)');
  }

  const input = await readInput(source, { ...io, stderrIsTTY: false });
  if (!input.ok) {
    io.stderr.write(`labs: ${input.message}\n`);
    return EXIT.noInput;
  }
  const document = interpretDocument(input.text, { asOf: io.today });
  if (document.errors.length > 0) {
    io.stderr.write(`${document.errors.map(formatLocatedError).join('\n')}\n`);
    return EXIT.invalid;
  }
  const [interpretation, ...others] = document.interpretations;
  if (interpretation === undefined || others.length > 0) {
    io.stderr.write(
      `(input): must hold exactly one panel for a handout (found ${document.items.length})\n`,
    );
    return EXIT.invalid;
  }
  if (document.ignored.count > 0) {
    io.stderr.write(
      `labs handout: ignored ${document.ignored.count} entries that are not ours: ${document.ignored.codes.join(', ')}\n`,
    );
  }

  const { bytes, warnings } = await renderHandout(interpretation, loadHandoutFonts(), {
    lang,
    paper,
    // The handout's date is the interpretation's: no second "today".
    generatedOn: interpretation.asOf ?? io.today,
  });
  // Warnings name the field, never its content (no patient data on stderr).
  for (const warning of warnings) io.stderr.write(`labs handout: warning: ${warning.message}\n`);
  if (out === '-') await writeBytes(io.stdout, bytes);
  else await writeAtomically(out, bytes);
  return EXIT.ok;
}
