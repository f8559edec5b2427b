/** A citation as the review tables link it. */
export interface SourceLink {
  readonly short: string;
  readonly text: string;
  readonly href?: string;
}

/**
 * The sources of a row, each linked to its DOI (or page) when it has one.
 * @param props - citation ids, the resolved sources, and `compact`: the short label only, with
 *   the full reference as its title (the rule-set table's narrow column)
 * @returns a list of links
 */
export function SourceLinks({
  ids,
  sources,
  compact = false,
}: {
  ids: readonly string[];
  sources: Readonly<Record<string, SourceLink>>;
  compact?: boolean;
}) {
  return (
    <ul>
      {ids.map((id) => {
        const source = sources[id];
        if (source === undefined) return <li key={id}>{id}</li>;
        if (compact) {
          return (
            <li key={id}>
              {source.href === undefined ? (
                <span title={source.text}>{source.short}</span>
              ) : (
                <a href={source.href} title={source.text} rel="noopener noreferrer">
                  {source.short}
                </a>
              )}
            </li>
          );
        }
        return (
          <li key={id}>
            {source.href === undefined ? (
              source.text
            ) : (
              <>
                {source.text}{' '}
                <a href={source.href} rel="noopener noreferrer">
                  {source.href.startsWith('https://doi.org/')
                    ? `doi:${source.href.slice('https://doi.org/'.length)}`
                    : new URL(source.href).hostname.replace(/^www\./, '')}
                  <span className="visually-hidden"> ({source.short})</span>
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
