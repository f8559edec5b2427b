import type { Citation } from '../types';
import { VITAMIN_D_CITATIONS } from './vitamin-d';
import { VITAMIN_B12_CITATIONS } from './vitamin-b12';
import { MAGNESIUM_CITATIONS } from './magnesium';
import { BACK_PAIN_CITATIONS } from './back-pain';
import { GENERAL_CITATIONS } from './general';

/**
 * Every source the library cites, once, keyed by id. Analytes, bands, unit factors, back-pain
 * statements, next steps, notes and safety rules refer to these ids; a unit test checks they
 * resolve and that each entry has a title, authors, a year and a DOI or URL. Each source is cited
 * only for what it says (see the clinical reference's citation hygiene section).
 */
export const CITATIONS = {
  ...VITAMIN_D_CITATIONS,
  ...VITAMIN_B12_CITATIONS,
  ...MAGNESIUM_CITATIONS,
  ...BACK_PAIN_CITATIONS,
  ...GENERAL_CITATIONS,
} as const satisfies Record<string, Citation>;

/** Id of a citation in {@link CITATIONS}. */
export type CitationId = keyof typeof CITATIONS;

/**
 * Looks up a citation by id.
 * @param id - a citation id
 * @returns the citation, or undefined when the id is unknown
 */
export function findCitation(id: string): Citation | undefined {
  return Object.hasOwn(CITATIONS, id) ? CITATIONS[id as CitationId] : undefined;
}

/**
 * The link for a citation: its DOI resolver address, else its URL, else undefined.
 * @param citation - the citation
 * @returns an absolute https address or undefined
 */
export function citationHref(citation: Citation): string | undefined {
  if (citation.doi !== undefined) return `https://doi.org/${citation.doi}`;
  return citation.url;
}
