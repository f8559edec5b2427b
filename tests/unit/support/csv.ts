/** Helper of the CSV reader and writer tests. */
import { parseCsv } from '@/lib/formats/csv/read';
import type { ImportItem } from '@/lib/formats/import-types';

/**
 * Reads a CSV text that must be accepted.
 * @param text - the CSV
 * @returns its panels; throws (failing the test) with the errors when it is refused
 */
export function readCsv(text: string): ImportItem[] {
  const outcome = parseCsv(text);
  if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
  return outcome.panels;
}
