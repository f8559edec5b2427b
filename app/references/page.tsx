import type { Metadata } from 'next';
import { SiteHeader } from '@/components/site-header';
import { EvidenceTable } from '@/components/references/evidence-table';
import { NutrientTable } from '@/components/references/nutrient-table';
import { RuleSetTable } from '@/components/references/rule-set-table';
import type { SourceLink } from '@/components/references/source-links';
import { citationHref, CITATIONS } from '@/lib/citations';
import { NUTRIENTS } from '@/lib/nutrients';
import { listEvidence, listFormOptions, listReferenceBands } from '@/lib/references';

export const metadata: Metadata = { title: 'Reference review · Back-pain lab interpreter' };

// Every band in every accepted unit is computed here on the server, so the table's unit picker
// only filters rows and the browser never loads the rule data or its code.
function collectRows() {
  return listFormOptions().flatMap((analyte) =>
    analyte.units.flatMap((unit) =>
      listReferenceBands({ [analyte.id]: unit }).filter((row) => row.analyte === analyte.id),
    ),
  );
}

function collectSources(): Record<string, SourceLink> {
  return Object.fromEntries(
    Object.values(CITATIONS).map((citation) => {
      const href = citationHref(citation);
      const link: SourceLink = {
        short: citation.short,
        text: citation.text,
        ...(href === undefined ? {} : { href }),
      };
      return [citation.id, link];
    }),
  );
}

export default function ReferencesPage() {
  const sources = collectSources();
  const analytes = listFormOptions().map((analyte) => ({
    id: analyte.id,
    shortName: analyte.shortName,
    defaultUnit: analyte.defaultUnit,
    units: analyte.units,
    ruleSets: analyte.ruleSets.map((ruleSet) => ({ id: ruleSet.id, name: ruleSet.name })),
  }));
  return (
    <>
      <SiteHeader current="/references" />
      <main className="page" id="main" tabIndex={-1}>
        <h1>Reference review</h1>
        <p className="lead">
          Every band of every rule set the interpreter uses, the back-pain evidence behind its
          notes, and the nutrients that matter for the back, with their sources.
        </p>
        <section className="review-section" aria-labelledby="bands-heading">
          <h2 id="bands-heading">Rule sets and their bands</h2>
          <RuleSetTable rows={collectRows()} analytes={analytes} sources={sources} />
        </section>
        <section className="review-section" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">Back-pain evidence</h2>
          <EvidenceTable rows={listEvidence()} sources={sources} />
        </section>
        <section className="review-section" aria-labelledby="nutrients-heading">
          <h2 id="nutrients-heading">Nutrients</h2>
          <NutrientTable nutrients={NUTRIENTS} sources={sources} />
        </section>
      </main>
    </>
  );
}
