/** A citation as the review tables link it. */
export interface SourceLink {
  readonly short: string;
  readonly text: string;
  readonly href?: string;
}

/**
 * The sources of a row, each linked to its DOI (or page) when it has one.
 * @param props - citation ids and the resolved sources
 * @returns a list of links
 */
export function SourceLinks({
  ids,
  sources,
}: {
  ids: readonly string[];
  sources: Readonly<Record<string, SourceLink>>;
}) {
  return (
    <ul>
      {ids.map((id) => {
        const source = sources[id];
        if (source === undefined) return <li key={id}>{id}</li>;
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
