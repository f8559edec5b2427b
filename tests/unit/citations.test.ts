import { describe, expect, it } from 'vitest';
import { ANALYTES } from '@/lib/analytes/registry';
import { CITATIONS, findCitation } from '@/lib/citations';
import { NUTRIENTS } from '@/lib/nutrients';
import { CLINICIAN_RULES } from '@/lib/safety/clinician-rules';
import { CLINICIAN_RED_FLAGS } from '@/lib/safety/red-flags';
import type { Citation } from '@/lib/types';

/** Every `citationIds` array anywhere inside a value (objects, arrays, nested). */
function collectCitationIds(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const ids: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'citationIds' && Array.isArray(child)) {
      for (const id of child) if (typeof id === 'string') ids.push(id);
    } else {
      ids.push(...collectCitationIds(child, seen));
    }
  }
  return ids;
}

const ALL: readonly Citation[] = Object.values(CITATIONS);

describe('citation entries', () => {
  it.each(ALL.map((c) => [c.id, c] as const))(
    '%s has a title, authors, a year and a DOI or URL',
    (_id, citation) => {
      expect(citation.title.trim().length).toBeGreaterThan(3);
      expect(citation.authors.trim().length).toBeGreaterThan(2);
      expect(Number.isInteger(citation.year)).toBe(true);
      expect(citation.year).toBeGreaterThanOrEqual(1990);
      expect(citation.year).toBeLessThanOrEqual(2026);
      expect(citation.doi !== undefined || citation.url !== undefined).toBe(true);
      if (citation.doi !== undefined) expect(citation.doi).toMatch(/^10\.\d{4,}\/\S+$/);
      if (citation.url !== undefined) expect(citation.url).toMatch(/^https:\/\/[^\s]+$/);
      // The full reference carries its own title and authors (no reconstructed variant).
      expect(citation.text).toContain(citation.title);
      expect(citation.text.startsWith(citation.authors)).toBe(true);
    },
  );

  it('carries the corrections of the citation hygiene section', () => {
    expect(CITATIONS['bansal-2018'].title).toBe(
      'High prevalence of hypovitaminosis D in patients with low back pain: evidence from meta-analysis',
    );
    expect(CITATIONS['pishgahi-2019'].title).toMatch(/^Lower serum 25-hydroxyvitamin D3/);
    expect(CITATIONS['pishgahi-2019'].authors).toContain('Dolatkhah N');
    expect(CITATIONS['pishgahi-2019'].authors).not.toContain('Abolhasan');
    expect(CITATIONS['pishgahi-2019'].text).toContain('2019;12:738');
    expect(CITATIONS['uk-biobank-2024'].authors).toBe('Sha S, Chen LJ, Brenner H, Schöttker B');
    expect(CITATIONS['uk-biobank-2024'].text).toMatch(/observational cohort/i);
    expect(CITATIONS['fda-biotin-2017'].title).toBe(
      'Biotin (Vitamin B7): Safety Communication - May Interfere with Lab Tests',
    );
    expect(CITATIONS['fda-biotin-2017'].text).toContain('28 November 2017');
    expect(CITATIONS['fda-biotin-2017'].text).toContain('5 November 2019');
    expect(CITATIONS['fda-biotin-2017'].url).not.toBe(
      'https://www.fda.gov/medical-devices/safety-communications',
    );
    // MSD is cited for its own figure only: 1.8 mg/dL = 0.74 mmol/L, never 0.70.
    expect(CITATIONS['msd-hypomagnesemia'].text).toContain('0.74 mmol/L');
    expect(CITATIONS['msd-hypomagnesemia'].text).not.toMatch(/< ?0\.70 mmol\/L\)/);
    expect(CITATIONS['chiu-2011'].text).toContain('Singapore Med J. 2011;52(12):868-873');
  });

  it('has the safety sources of section 8', () => {
    for (const id of [
      'nice-ng59',
      'qaseem-2017',
      'girft-ces-2023',
      'ods-vitamin-d',
      'ods-magnesium',
      'kdigo-2017',
      'fda-epa-fish-2021',
      'acog-preterm-labor',
      'levothyroxine-pi',
      'iom-2011',
      'langan-2017',
    ]) {
      expect(findCitation(id), id).toBeDefined();
    }
  });
});

describe('every citation id used anywhere resolves', () => {
  const sources: ReadonlyArray<readonly [string, unknown]> = [
    ['analytes', ANALYTES],
    ['nutrients', NUTRIENTS],
    ['clinician rules', CLINICIAN_RULES],
    ['clinician red flags', CLINICIAN_RED_FLAGS],
  ];
  it.each(sources)('%s', (_name, data) => {
    const ids = collectCitationIds(data);
    expect(ids.length).toBeGreaterThan(0);
    const missing = ids.filter((id) => findCitation(id) === undefined);
    expect(missing).toEqual([]);
  });
});
