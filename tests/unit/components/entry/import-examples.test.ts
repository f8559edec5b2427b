import { describe, expect, it } from 'vitest';
import { IMPORT_EXAMPLES } from '@/components/entry/import-examples';
import { interpretDocument } from '@/lib/formats/document';

describe('the Import dialog examples', () => {
  it('shows one example per format the reader accepts', () => {
    const kinds = IMPORT_EXAMPLES.map(
      (example) => interpretDocument(example.text, { asOf: '2026-11-30' }).kind,
    );
    expect(kinds).toEqual(['csv', 'fhir', 'hl7', 'panel']);
  });

  it.each(IMPORT_EXAMPLES.map((example) => [example.label, example.text]))(
    '%s is read and interpreted without an error',
    (_label, text) => {
      const outcome = interpretDocument(text, { asOf: '2026-11-30' });
      expect(outcome.errors).toEqual([]);
      expect(outcome.interpretations.length).toBe(1);
      expect(outcome.interpretations[0]!.results.length).toBeGreaterThan(0);
    },
  );
});
