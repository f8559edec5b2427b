/**
 * "Open from EHR": a standalone SMART launch (the EHR's own sign-in and patient picker) for each
 * trusted EHR. Rendered only when LABS_SMART_ISSUERS lists one.
 * @param props - the trusted EHRs' names and FHIR base URLs
 * @returns a small navigation block, or nothing
 */
export function OpenFromEhr({
  issuers,
}: {
  issuers: ReadonlyArray<{ iss: string; name: string }>;
}) {
  if (issuers.length === 0) return null;
  return (
    <nav className="open-from-ehr" aria-label="Open from EHR">
      <p>Open a patient from the EHR instead of typing the results:</p>
      <ul>
        {issuers.map((issuer) => (
          <li key={issuer.iss}>
            <a href={`/launch?iss=${encodeURIComponent(issuer.iss)}`}>Open from {issuer.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
