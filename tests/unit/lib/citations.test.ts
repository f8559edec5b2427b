import { describe, expect, it } from 'vitest';
import { ANALYTES } from '@/lib/analytes/registry';
import { CITATIONS, findCitation } from '@/lib/citations';
import { buildHandoutModel } from '@/lib/handout/model';
import { NUTRIENTS } from '@/lib/nutrients';
import { buildReferences } from '@/lib/references';
import { CLINICIAN_RULES } from '@/lib/safety/clinician-rules';
import {
  CRITICAL_CITATION_IDS,
  PATIENT_RULES,
  RED_FLAG_CITATION_IDS,
} from '@/lib/safety/patient-rules';
import { CLINICIAN_RED_FLAGS } from '@/lib/safety/red-flags';
import type { Citation } from '@/lib/types';
import { SCENARIOS } from '@/tests/unit/support/handout-scenarios';
import { GENERATED_ON, interpretOrThrow } from '@/tests/unit/support/handout';

/**
 * A link that runs a search instead of naming one record: PubMed `?term=`, DailyMed
 * `search.cfm?query=`, any `q=` or `query=` parameter, or a path ending in /search.
 */
function isSearchLink(url: string): boolean {
  const parsed = new URL(url);
  const params = parsed.searchParams;
  return (
    params.has('term') ||
    params.has('query') ||
    params.has('q') ||
    /\/search(\.\w+)?\/?$/i.test(parsed.pathname)
  );
}

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
      if (citation.url !== undefined) {
        expect(citation.url).toMatch(/^https:\/\/[^\s]+$/);
        // Every entry points at the record itself, never at a search for it.
        expect(isSearchLink(citation.url), citation.url).toBe(false);
      }
      // A published article's full reference names its year (web pages carry theirs in \`year\`).
      if (citation.doi !== undefined) expect(citation.text).toContain(String(citation.year));
      // No doubled full stop after "et al." (a sign of a reconstructed reference).
      expect(citation.text).not.toContain('et al..');
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

describe('a search link is told apart from a record link', () => {
  it.each([
    'https://pubmed.ncbi.nlm.nih.gov/?term=Langan+Goodbred',
    'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=levothyroxine',
    'https://www.example.org/search?q=vitamin',
    'https://www.example.org/search',
  ])('%s is a search link', (url) => {
    expect(isSearchLink(url)).toBe(true);
  });
  it.each([
    'https://pubmed.ncbi.nlm.nih.gov/28925645/',
    'https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo=021402',
    'https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/',
  ])('%s names one record', (url) => {
    expect(isSearchLink(url)).toBe(false);
  });
});

describe('every citation id used anywhere resolves', () => {
  const scenarioInterpretations = SCENARIOS.map((scenario) => interpretOrThrow(scenario.panel));
  const sources: ReadonlyArray<readonly [string, unknown]> = [
    ['analytes', ANALYTES],
    ['nutrients', NUTRIENTS],
    ['clinician rules', CLINICIAN_RULES],
    ['clinician red flags', CLINICIAN_RED_FLAGS],
    ['patient rules', PATIENT_RULES],
    ['reference page', buildReferences()],
    ['interpretations of the handout scenarios', scenarioInterpretations],
  ];
  it.each(sources)('%s', (_name, data) => {
    const ids = collectCitationIds(data);
    expect(ids.length).toBeGreaterThan(0);
    const missing = ids.filter((id) => findCitation(id) === undefined);
    expect(missing).toEqual([]);
  });

  it('the red-flag and critical-result sources of the handout', () => {
    const ids = [...RED_FLAG_CITATION_IDS, ...CRITICAL_CITATION_IDS];
    expect(ids.filter((id) => findCitation(id) === undefined)).toEqual([]);
  });

  it('the sources behind every handout of the scenarios, both languages', () => {
    const ids = scenarioInterpretations.flatMap((interpretation) =>
      (['en', 'es'] as const).flatMap(
        (lang) =>
          buildHandoutModel(interpretation, { lang, generatedOn: GENERATED_ON }).citationIds,
      ),
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => findCitation(id) === undefined)).toEqual([]);
  });
});
