import type { CitationView } from '@/components/entry/run-interpret';
import { SAFETY_KIND_LABELS } from '@/lib/safety/clinician-rules';
import type { ResultInterpretation, SafetyKind } from '@/lib/types';
import { CitationRefs } from './citation-refs';

/**
 * A result's clinician safety content of the given kinds (what to do today, the anchoring
 * warning, cautions, typical regimens, interactions), one labelled group per kind, as the
 * library computed it.
 * @param props - the result, the kinds to show (in this order) and the resolved citations
 * @returns the groups, or nothing when the result has none of these kinds
 */
export function SafetyBlock({
  result,
  kinds,
  citations,
}: {
  result: ResultInterpretation;
  kinds: readonly SafetyKind[];
  citations: Readonly<Record<string, CitationView>>;
}) {
  const groups = kinds
    .map((kind) => ({ kind, items: result.safety.filter((item) => item.kind === kind) }))
    .filter((group) => group.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map(({ kind, items }) => (
        <section
          key={kind}
          className={`safety-block safety-${kind}`}
          aria-label={`${result.analyteShortName}: ${SAFETY_KIND_LABELS[kind]}`}
          data-safety={kind}
        >
          <h4>{SAFETY_KIND_LABELS[kind]}</h4>
          <ul>
            {items.map((item) => (
              <li key={item.id} data-rule={item.id}>
                {item.text}
                <CitationRefs ids={item.citationIds} citations={citations} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
