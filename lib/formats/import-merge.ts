import type { ImportedPanel } from './import-types';
import { interpret } from '../interpret';
import type { InterpretOutcome, Interpretation } from '../types';

/**
 * Interprets a panel that came from an import: `interpret()`, then the warnings and report status
 * the source brought. The one step every door shares: the document path (API, CLI) and the
 * screen's form, whose rows keep their import facts until edited. In this small module so the
 * screen's interpreter chunk does not load the readers.
 * @param imported - the panel and what its source said (warnings, per-result sources)
 * @param asOf - the date of the interpretation, YYYY-MM-DD
 * @returns the interpretation with the import's facts merged, or the field errors
 */
export function interpretImported(
  imported: Pick<ImportedPanel, 'panel' | 'warnings' | 'sources'>,
  asOf: string,
): InterpretOutcome {
  const outcome = interpret(imported.panel, { asOf });
  if (!outcome.ok) return outcome;
  const merged = mergeImportWarnings(outcome.value, imported.warnings, imported.sources);
  return merged === outcome.value ? outcome : { ok: true, value: merged };
}

// A panel read without per-result sources (a JSON panel): one shared empty list.
const NO_SOURCES: NonNullable<ImportedPanel['sources']> = [];

/**
 * Adds the warnings an import found (e.g. `vitamin-d3-only-code`) to the interpretation's
 * results, after the warnings `interpret()` found, and the lab's report status (e.g.
 * preliminary), so every surface shows them the same way.
 * @param interpretation - the interpretation of the imported panel
 * @param warnings - the import's warnings, by result index
 * @param sources - what the source said about each result (its report status)
 * @returns the interpretation with the warnings merged (the input is not changed)
 */
export function mergeImportWarnings(
  interpretation: Interpretation,
  warnings: ImportedPanel['warnings'],
  sources: ImportedPanel['sources'] = NO_SOURCES,
): Interpretation {
  if (warnings.length === 0 && !sources.some((source) => source?.reportStatus !== undefined)) {
    return interpretation;
  }
  return {
    ...interpretation,
    results: interpretation.results.map((result) => {
      // interpret() adds the code-based warnings itself; an import's copy is not repeated.
      const extra = warnings
        .filter(
          (warning) =>
            warning.resultIndex === result.index &&
            !result.warnings.some((present) => present.code === warning.code),
        )
        .map((warning) => ({ code: warning.code, message: warning.message }));
      const reportStatus = sources[result.index]?.reportStatus;
      if (extra.length === 0 && reportStatus === undefined) return result;
      return {
        ...result,
        ...(reportStatus === undefined ? {} : { reportStatus }),
        warnings: extra.length === 0 ? result.warnings : [...result.warnings, ...extra],
      };
    }),
  };
}
