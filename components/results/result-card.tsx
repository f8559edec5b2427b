import type { CitationView } from '@/components/entry/run-interpret';
import type { ResultInterpretation } from '@/lib/types';
import { BandScale } from './band-scale';
import type { BandLabels } from './band-scale';
import { CitationRefs } from './citation-refs';
import { SafetyBlock } from './safety-block';

type LabPosition = NonNullable<ResultInterpretation['labRange']>['position'];

// Where the value sits against the lab's own range: display wording for the library's position.
const LAB_POSITION_TEXT: Readonly<Record<LabPosition, string>> = {
  below: 'below the lab range',
  within: 'within the lab range',
  above: 'above the lab range',
  unknown: 'position against the lab range unknown (censored value)',
};

/**
 * The details of one analyte's result, opened from its summary row: lab range, band scale, rule
 * set and band table, notices, back-pain relevance, next steps and notes, all as interpret()
 * computed them. The summary row shows the value, status, critical flag and warnings. Further
 * blocks go in the `result-detail` section.
 * @param props - the result, its analyte's band labels and the resolved citations
 * @returns the card
 */
export function ResultCard({
  result,
  labels,
  citations,
}: {
  result: ResultInterpretation;
  labels: BandLabels;
  citations: Readonly<Record<string, CitationView>>;
}) {
  const notices = result.notes.filter((note) => note.source === 'notice');
  const bandNotes = result.notes.filter((note) => note.source === 'band');
  const otherNotes = result.notes.filter(
    (note) => note.source !== 'notice' && note.source !== 'band',
  );
  const { cutoffs } = result;
  return (
    <div className="result-card" data-analyte={result.analyte}>
      <div className="result-main">
        {result.labRange === undefined ? null : (
          <p className="lab-range-line">
            <strong>Lab range:</strong> {result.labRange.low} to {result.labRange.high}{' '}
            {result.labRange.unit} ({LAB_POSITION_TEXT[result.labRange.position]})
          </p>
        )}

        <BandScale result={result} labels={labels} />

        <div className="rule-set">
          <p>
            <strong>Rule set:</strong> {result.ruleSet.name}
            {result.ruleSet.isDefault ? ' (default)' : ''}
            <CitationRefs ids={result.ruleSet.citationIds} citations={citations} />
          </p>
          <table className="band-table">
            <caption className="visually-hidden">
              {result.ruleSet.name} bands in {cutoffs.unit}
            </caption>
            <thead>
              <tr>
                <th scope="col">Band</th>
                <th scope="col">Range ({cutoffs.unit})</th>
              </tr>
            </thead>
            <tbody>
              {result.bands.map((band) => (
                <tr
                  key={band.status}
                  className={band.status === result.status ? 'band-current' : undefined}
                >
                  <th scope="row">
                    <span className={`band-swatch band-${band.status}`} aria-hidden="true" />
                    {labels[band.status] ?? band.status}
                    {band.status === result.status ? (
                      <span className="band-current-mark"> (this result)</span>
                    ) : null}
                  </th>
                  <td>
                    {band.rangeText}
                    {band.note === undefined ? null : (
                      <span className="band-note"> {band.note}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cutoffs.criticalText === undefined ? null : (
            <p className="critical-limits">{cutoffs.criticalText}</p>
          )}
          {cutoffs.derived ? (
            <p className="derived-note">
              The source does not publish {cutoffs.unit}: cut-offs converted from the published
              unit.
            </p>
          ) : null}
          {bandNotes.map((note) => (
            <p key={note.id} className="upper-meaning">
              {note.text}
            </p>
          ))}
          {result.ruleSet.caveats.map((caveat) => (
            <p key={caveat} className="caveat">
              {caveat}
            </p>
          ))}
        </div>
      </div>
      <div className="result-detail">
        {notices.map((notice) => (
          <p key={notice.id} className="notice" data-note={notice.id}>
            <strong>Note:</strong> {notice.text}
            <CitationRefs ids={notice.citationIds} citations={citations} />
          </p>
        ))}

        <section
          className="back-pain"
          aria-label={`${result.analyteShortName}: back-pain relevance`}
        >
          <h4>Back-pain relevance</h4>
          <p>{result.backPain.summary}</p>
          <ul className="finding-list">
            {result.backPain.findings.map((finding) => (
              <li key={finding.id}>
                {finding.claim}{' '}
                <span className={`strength strength-${finding.strength}`}>
                  {finding.strengthLabel}
                </span>
                <CitationRefs ids={finding.citationIds} citations={citations} />
              </li>
            ))}
          </ul>
        </section>
        <SafetyBlock
          result={result}
          kinds={['anchoring', 'caution', 'regimen', 'interaction']}
          citations={citations}
        />

        {result.nextSteps.length > 0 ? (
          <section className="next-steps" aria-label={`${result.analyteShortName}: next steps`}>
            <h4>Next steps</h4>
            <ul>
              {result.nextSteps.map((step) => (
                <li key={step.id}>
                  {step.text}
                  <CitationRefs ids={step.citationIds} citations={citations} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {otherNotes.length > 0 ? (
          <section
            className="context-notes"
            aria-label={`${result.analyteShortName}: context notes`}
          >
            <h4>Context notes</h4>
            <ul>
              {otherNotes.map((note) => (
                <li key={note.id}>
                  {note.text}
                  <CitationRefs ids={note.citationIds} citations={citations} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
