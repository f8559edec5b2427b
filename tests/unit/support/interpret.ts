/** The interpretation date most unit tests use, and interpret() that fails the test on errors. */
import { interpret } from '@/lib/interpret';
import type { Interpretation } from '@/lib/types';

export const AS_OF = '2026-11-25';

/**
 * Interprets a panel that must be valid.
 * @param panel - the panel
 * @returns the interpretation; throws (failing the test) with the errors when it is refused
 */
export function interpretOk(panel: unknown): Interpretation {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}
