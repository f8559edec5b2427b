import type { EvidenceRow } from '@/lib/references';
import type { SourceLink } from './source-links';
import { SourceLinks } from './source-links';

/**
 * The back-pain evidence table: claim, strength of the evidence and citation with DOI link.
 * @param props - the evidence rows and the resolved sources
 * @returns the table
 */
export function EvidenceTable({
  rows,
  sources,
}: {
  rows: readonly EvidenceRow[];
  sources: Readonly<Record<string, SourceLink>>;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Back-pain evidence, by analyte</caption>
        <thead>
          <tr>
            <th scope="col">Analyte</th>
            <th scope="col">Claim</th>
            <th scope="col">Strength</th>
            <th scope="col">Shown on</th>
            <th scope="col">Citation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.analyteName}</th>
              <td>{row.claim}</td>
              <td>
                <span className={`strength strength-${row.strength}`}>{row.strengthLabel}</span>
              </td>
              <td>{row.relevantFor.length === 0 ? 'Every result' : row.relevantFor.join(', ')}</td>
              <td>
                <SourceLinks ids={row.citationIds} sources={sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
