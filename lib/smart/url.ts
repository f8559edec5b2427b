/**
 * Drops the slashes at the end of a URL, so `https://ehr.example/fhir/` and
 * `https://ehr.example/fhir` name the same server. A scan, not a pattern: it sees URLs from
 * configuration and from the EHR.
 * @param url - a URL
 * @returns the URL without trailing slashes
 */
export function trimTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 47 /* / */) end--;
  return url.slice(0, end);
}
