import { SiteHeader } from '@/components/site-header';
import { EntryApp } from '@/components/entry/entry-app';
import { OpenFromEhr } from '@/components/smart/open-from-ehr';
import { listSmartIssuers } from '@/server/smart-config';
import type { BandLabels } from '@/components/results/band-scale';
import { listFormOptions, listReferenceBands } from '@/lib/references';
import type { AnalyteId } from '@/lib/types';

// Built on the server from lib/ data, so the browser receives plain props rather than the rule
// data and its code.
function collectBandLabels(): Partial<Record<AnalyteId, BandLabels>> {
  const labels: Partial<Record<AnalyteId, Record<string, string>>> = {};
  for (const row of listReferenceBands()) {
    (labels[row.analyte] ??= {})[row.status] = row.statusLabel;
  }
  return labels;
}

export default function HomePage() {
  return (
    <>
      <SiteHeader current="/" />
      <main className="page" id="main" tabIndex={-1}>
        <h1>Interpret a lab panel</h1>
        <p className="lead">
          25-hydroxyvitamin D, vitamin B12 and magnesium for patients with back pain. Results are
          interpreted in this browser; patient data is not sent or stored.
        </p>
        <OpenFromEhr issuers={listSmartIssuers().map(({ iss, name }) => ({ iss, name }))} />
        <EntryApp options={listFormOptions()} bandLabels={collectBandLabels()} />
      </main>
    </>
  );
}
