// Loaded on demand (first focus in the form, or submit): zod and the rule data stay out of the
// page's first load. Runs entirely in the browser; nothing here makes a request.
import { citationHref, findCitation } from '@/lib/citations';
import { clinicianRedFlags } from '@/lib/safety/red-flags';
import { interpretImported } from '@/lib/formats/import-merge';
import type { Panel } from '@/lib/schemas';
import type { FieldError, Interpretation } from '@/lib/types';
import type { PanelSources } from './form-model';

/** A citation as the results screen prints it. */
export interface CitationView {
  readonly id: string;
  readonly short: string;
  readonly text: string;
  readonly href?: string;
}

/** The outcome of {@link runInterpret}. */
export type RunOutcome =
  | {
      readonly ok: true;
      readonly value: Interpretation;
      readonly citations: Readonly<Record<string, CitationView>>;
    }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/**
 * Interprets the form's panel the way the API interprets a document (interpret(), then the
 * import merge: the warnings and report status an import brought) and resolves every citation
 * the results use.
 * @param panel - the panel built from the form
 * @param asOf - today's date, YYYY-MM-DD
 * @param imported - the import facts of rows that still hold an imported result
 * @returns the interpretation with its citations, or the field errors
 */
export function runInterpret(
  panel: Panel,
  asOf: string,
  imported: PanelSources = { warnings: [] },
): RunOutcome {
  const outcome = interpretImported({ panel, ...imported }, asOf);
  if (!outcome.ok) return outcome;
  const citations: Record<string, CitationView> = {};
  for (const result of outcome.value.results) {
    const ids = [
      ...result.citationIds,
      ...result.notes.flatMap((note) => note.citationIds),
      ...result.nextSteps.flatMap((step) => step.citationIds),
      ...result.backPain.findings.flatMap((finding) => finding.citationIds),
      ...clinicianRedFlags(outcome.value.context).flatMap((flag) => flag.citationIds),
    ];
    for (const id of ids) {
      const citation = findCitation(id);
      if (citation === undefined || citations[id] !== undefined) continue;
      const href = citationHref(citation);
      citations[id] = {
        id,
        short: citation.short,
        text: citation.text,
        ...(href === undefined ? {} : { href }),
      };
    }
  }
  return { ok: true, value: outcome.value, citations };
}
