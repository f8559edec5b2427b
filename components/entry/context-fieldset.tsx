import { CONTEXT_LABELS } from '@/lib/context-labels';
import { CONTEXT_FLAGS } from '@/lib/types';
import type { ContextFlag } from '@/lib/types';
import { FieldErrorText } from './field-error';

/**
 * The clinical context ticks (age 65+, medicines, CKD, pregnancy...), in the library's order.
 * @param props - the ticked flags, the error if any, and the toggle handler
 * @returns the context fieldset
 */
export function ContextFieldset({
  context,
  error,
  onToggle,
}: {
  context: readonly ContextFlag[];
  error: string | undefined;
  onToggle: (flag: ContextFlag, checked: boolean) => void;
}) {
  return (
    <fieldset
      className="context-fieldset"
      aria-describedby={error === undefined ? undefined : 'context-error'}
    >
      <legend>Clinical context</legend>
      <div className="checkbox-grid">
        {CONTEXT_FLAGS.map((flag) => (
          <label key={flag} className="checkbox">
            <input
              id={`context-${flag}`}
              type="checkbox"
              checked={context.includes(flag)}
              onChange={(e) => onToggle(flag, e.target.checked)}
            />
            <span>{CONTEXT_LABELS[flag]}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id="context" message={error} subject="Clinical context" />
    </fieldset>
  );
}
