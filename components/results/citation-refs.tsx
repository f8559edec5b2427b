import type { CitationView } from '@/components/entry/run-interpret';

/**
 * Short citation links after a statement, e.g. "(Holick 2011; Ross 2011)". The full reference
 * is the link's title and is listed under "Sources".
 * @param props - citation ids and the resolved citations
 * @returns the inline list, or nothing when there are no citations
 */
export function CitationRefs({
  ids,
  citations,
}: {
  ids: readonly string[];
  citations: Readonly<Record<string, CitationView>>;
}) {
  const found = ids.flatMap((id) => {
    const citation = citations[id];
    return citation === undefined ? [] : [citation];
  });
  if (found.length === 0) return null;
  return (
    <span className="cites">
      {' ('}
      {found.map((citation, i) => (
        <span key={citation.id}>
          {i > 0 ? '; ' : null}
          {citation.href === undefined ? (
            <cite>{citation.short}</cite>
          ) : (
            <a href={citation.href} title={citation.text} rel="noopener noreferrer" target="_blank">
              {citation.short}
            </a>
          )}
        </span>
      ))}
      {')'}
    </span>
  );
}
