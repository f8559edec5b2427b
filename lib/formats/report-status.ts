import type { ReportStatus } from './import-types';

/** What a lab's result status means for the result: read with this status, or skipped (why). */
export type StatusReading = ReportStatus | { readonly skip: string };

/** HL7 v2 OBX-11 result status (table 0085) -> what we do with the result. */
export const OBX_STATUS: Readonly<Record<string, StatusReading>> = {
  F: 'final',
  C: 'corrected',
  P: 'preliminary',
  R: 'preliminary',
  S: 'preliminary',
  A: 'amended',
  U: 'final',
  D: { skip: 'was deleted (OBX-11 D)' },
  W: { skip: 'was posted in error (OBX-11 W)' },
  X: { skip: 'could not be obtained (OBX-11 X)' },
  I: { skip: 'is pending (OBX-11 I)' },
  N: { skip: 'was not asked for (OBX-11 N)' },
};

/** Result statuses as lab exports spell them (lower case), besides the OBX-11 letters. */
const STATUS_WORDS: Readonly<Record<string, StatusReading>> = {
  final: 'final',
  preliminary: 'preliminary',
  prelim: 'preliminary',
  corrected: 'corrected',
  amended: 'amended',
  cancelled: { skip: 'was cancelled' },
  canceled: { skip: 'was cancelled' },
  'entered in error': { skip: 'was entered in error' },
  'entered-in-error': { skip: 'was entered in error' },
  pending: { skip: 'is pending' },
  registered: { skip: 'has no result yet (registered)' },
};

/** What an unknown status text is told to use instead. */
export const STATUS_TEXT_HINT =
  'must be one of final, preliminary, corrected, amended (or F, P, C, A), or cancelled, entered in error, pending (not interpreted)';

/**
 * Reads a result status written in a lab export: a word (final, preliminary, cancelled, ...) or an
 * HL7 v2 OBX-11 letter.
 * @param text - the cell, as written
 * @returns what it means, or undefined when it is not a status we know
 */
export function readStatusText(text: string): StatusReading | undefined {
  const trimmed = text.trim();
  const word = trimmed.toLowerCase();
  if (Object.hasOwn(STATUS_WORDS, word)) return STATUS_WORDS[word];
  const letter = trimmed.toUpperCase();
  return Object.hasOwn(OBX_STATUS, letter) ? OBX_STATUS[letter] : undefined;
}
