import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpretDocument, streamDocument } from '@/lib/formats/document';
import type { DocumentInput } from '@/lib/formats/document';
import { formatLocatedError, importJson } from '@/lib/formats/import';
import { interpretImported } from '@/lib/formats/import-merge';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import { AS_OF } from '@/tests/unit/support/interpret';

const good = { analyte: 'vitamin-d', value: 25, unit: 'ng/mL' };
const bad = { analyte: 'vitamin-d', value: -1, unit: 'ng/mL' };
const fixture = (name: string) => readFileSync(`tests/fixtures/formats/${name}`, 'utf8');

const INPUTS: Array<[string, DocumentInput]> = [
  ['an array of panels as text', JSON.stringify(GOLDEN_CASES.map((c) => c.panel))],
  ['an array of panels, parsed', { json: GOLDEN_CASES.map((c) => c.panel) }],
  [
    'an array with a bad panel and a non-panel',
    { json: [{ results: [good] }, { results: [bad] }, 'x'] },
  ],
  ['an empty array', '[]'],
  ['one panel', { json: { results: [good, bad] } }],
  ['a FHIR Bundle', fixture('document-bundle.json')],
  ['HL7 v2', fixture('oru-r01-two-patients.hl7')],
  ['CSV', 'Analyte,Value,Unit,Panel_ID\nvitamin-d,5,ng/mL,P1\nmagnesium,x,mg/dL,P2\n'],
  ['text that is no document', '{"results": ['],
];

describe('streamDocument', () => {
  it.each(INPUTS)(
    'counts the panels of %s it yields, each as interpretDocument reads it',
    (_name, input) => {
      const whole = interpretDocument(input, { asOf: AS_OF });
      const stream = streamDocument(input, { asOf: AS_OF });
      const items = [...stream.items];
      expect(stream.count).toBe(whole.items.length);
      expect(items).toEqual(whole.items);
      expect({ kind: stream.kind, batch: stream.batch, ignored: stream.ignored }).toEqual({
        kind: whole.kind,
        batch: whole.batch,
        ignored: whole.ignored,
      });
      expect(stream.notices).toEqual(whole.notices);
      expect([...items.flatMap((item) => item.errors), ...stream.errors]).toEqual(whole.errors);
    },
  );

  it('reads an array element by element, exactly as importJson reads the whole array', () => {
    const elements = [{ results: [good] }, { results: [bad] }, 7, { results: [good], id: 'P4' }];
    const read = importJson(elements);
    if (read.kind === 'invalid') throw new Error('refused');
    const stream = streamDocument({ json: elements }, { asOf: AS_OF });
    expect(stream).toMatchObject({ kind: 'panels', batch: true, count: 4, errors: [] });
    const items = [...stream.items];
    expect(items.map((item) => item.index)).toEqual([0, 1, 2, 3]);
    items.forEach((item, index) => {
      const imported = read.panels[index]?.imported;
      if (imported === undefined) throw new Error(`no panel ${index}`);
      const outcome = interpretImported(imported, AS_OF);
      expect(item.interpretation).toEqual(outcome.ok ? outcome.value : undefined);
    });
    // Each error names its element of the array.
    expect(items.map((item) => item.errors.map(formatLocatedError))).toEqual([
      [],
      ['[1] results[0].value: must be a positive number, or <N / >N'],
      ['[2] (root): must be a panel object'],
      [],
    ]);
  });

  it('says an empty array holds no panel', () => {
    const stream = streamDocument('[]', { asOf: AS_OF });
    expect(stream.count).toBe(0);
    expect([...stream.items]).toEqual([]);
    expect(stream.errors.map(formatLocatedError)).toEqual([
      '(root): must contain at least one panel',
    ]);
  });
});
