import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';
import { LaunchRedirect } from '@/components/smart/launch-redirect';
import { findSmartIssuer, listSmartIssuers } from '@/server/smart-config';

export const metadata = { title: 'Launch from the EHR' };

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * SMART on FHIR launch: `GET /launch?iss=<FHIR base>&launch=<token>` (EHR launch), or
 * `/launch?iss=<FHIR base>` alone (standalone launch, the EHR's patient picker). Only a
 * configured issuer is ever contacted; any other gets this page and no redirect.
 */
export default async function LaunchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const iss = first(params.iss);
  const launch = first(params.launch);
  const issuer = findSmartIssuer(iss, listSmartIssuers());
  return (
    <>
      <SiteHeader current="/" />
      <main className="page" id="main" tabIndex={-1}>
        {issuer === undefined ? (
          <>
            <h1>This EHR is not trusted by this app</h1>
            <p className="lead" role="alert">
              {iss === undefined || iss.trim() === ''
                ? 'The launch did not say which EHR it came from (the iss parameter is missing), so nothing was opened.'
                : 'The launch came from an EHR that is not on this deployment’s list of trusted EHRs, so nothing was contacted and no patient data was read.'}
            </p>
            {iss === undefined || iss.trim() === '' ? null : (
              <p>
                EHR address given: <code>{iss}</code>
              </p>
            )}
            <p>
              Ask your administrator to add the EHR to <code>LABS_SMART_ISSUERS</code>, or{' '}
              <Link href="/">enter the results by hand</Link>.
            </p>
          </>
        ) : (
          <>
            <h1>Connecting to {issuer.name}</h1>
            <LaunchRedirect
              iss={issuer.iss}
              clientId={issuer.clientId}
              launch={launch === undefined || launch === '' ? undefined : launch}
            />
            <p>
              If nothing happens, <Link href="/">enter the results by hand</Link>.
            </p>
          </>
        )}
      </main>
    </>
  );
}
