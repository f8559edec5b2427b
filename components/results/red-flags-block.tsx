import type { CitationView } from '@/components/entry/run-interpret';
import { clinicianRedFlags, RED_FLAG_LABELS } from '@/lib/safety/red-flags';
import type { ContextFlag } from '@/lib/types';
import { CitationRefs } from './citation-refs';

/**
 * The back-pain red flags for the clinician, once per results screen (not per card), with the
 * flags of the ticked context added.
 * @param props - the panel's context flags and the resolved citations
 * @returns the block
 */
export function RedFlagsBlock({
  context,
  citations,
}: {
  context: readonly ContextFlag[];
  citations: Readonly<Record<string, CitationView>>;
}) {
  const flags = clinicianRedFlags(context);
  return (
    <section className="red-flags" aria-labelledby="red-flags-heading">
      <h3 id="red-flags-heading">{RED_FLAG_LABELS.heading}</h3>
      <ul>
        {flags.map((flag) => (
          <li key={flag.id} data-red-flag={flag.id} data-urgency={flag.urgency}>
            <strong className={`urgency urgency-${flag.urgency}`}>
              {RED_FLAG_LABELS.urgency[flag.urgency]}:
            </strong>{' '}
            {flag.text}
            <CitationRefs ids={flag.citationIds} citations={citations} />
          </li>
        ))}
      </ul>
    </section>
  );
}
