import { SiteHeader } from '@/components/site-header';
import type { BandLabels } from '@/components/results/band-scale';
import { SmartApp } from '@/components/smart/smart-app';
import { listFormOptions, listReferenceBands } from '@/lib/references';
import type { AnalyteId } from '@/lib/types';
import { listSmartIssuers } from '@/server/smart-config';

export const metadata = { title: 'Lab results from the EHR' };

function collectBandLabels(): Partial<Record<AnalyteId, BandLabels>> {
  const labels: Partial<Record<AnalyteId, Record<string, string>>> = {};
  for (const row of listReferenceBands()) {
    (labels[row.analyte] ??= {})[row.status] = row.statusLabel;
  }
  return labels;
}

/**
 * The SMART on FHIR redirect URL and app screen. The server renders the empty shell only: the
 * code exchange, the token and every chart read happen in the browser.
 */
export default function SmartPage() {
  const timeouts = Object.fromEntries(
    listSmartIssuers().map((issuer) => [issuer.iss, issuer.timeoutSeconds]),
  );
  return (
    <>
      <SiteHeader current="/" />
      <main className="page" id="main" tabIndex={-1}>
        <h1>Lab results from the EHR</h1>
        <p className="lead">
          The chart is read by this browser directly from the EHR; this app’s server sees no patient
          data and no token.
        </p>
        <SmartApp
          options={listFormOptions()}
          bandLabels={collectBandLabels()}
          timeouts={timeouts}
        />
      </main>
    </>
  );
}
