'use client';

import { useEffect, useState } from 'react';
import { buildScope } from '@/lib/smart/scopes';

/**
 * Starts the SMART authorization in the browser with the fhirclient library: it reads the
 * issuer's /.well-known/smart-configuration, makes the PKCE (S256) verifier and the state (kept in
 * sessionStorage), and sends the browser to the EHR's authorize endpoint with `aud` = the issuer.
 * @param props - the trusted issuer, its client id, and the EHR's launch token (absent: standalone)
 * @returns a status line
 */
export function LaunchRedirect({
  iss,
  clientId,
  launch,
}: {
  iss: string;
  clientId: string;
  launch?: string;
}) {
  const [message, setMessage] = useState('Opening the EHR sign-in…');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const { default: FHIR } = await import('fhirclient');
        if (cancelled) return;
        await FHIR.oauth2.authorize({
          iss,
          clientId,
          ...(launch === undefined ? {} : { launch }),
          scope: buildScope(launch === undefined ? 'standalone' : 'ehr'),
          redirectUri: '/smart',
          pkceMode: 'required',
        });
      } catch (error) {
        if (cancelled) return;
        setFailed(true);
        setMessage(
          `The EHR could not be reached to sign in (${error instanceof Error ? error.message : 'unknown error'}). Enter the results by hand, or try again later.`,
        );
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [iss, clientId, launch]);

  return (
    <p className={failed ? 'field-error' : 'lead'} role={failed ? 'alert' : 'status'}>
      {message}
    </p>
  );
}
