import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/formats/csv/read';
import { panelsFromFhir } from '@/lib/formats/fhir/read';
import { interpretDocument } from '@/lib/formats/document';
import { readHl7 } from '@/lib/formats/hl7';
import { formatLocation } from '@/lib/formats/location';
import { parseImport } from '@/lib/formats/import';

const AS_OF = '2026-11-25';
const MSH = 'MSH|^~\\&|LIS|LAB|EHR|CLINIC|20261120||ORU^R01|1|P|2.5.1';

function message(...segments: string[]): string {
  return [MSH, ...segments].join('\r');
}

describe('readHl7', () => {
  it('reads NM and SN values, units, ranges, flags and the collection date', () => {
    const outcome = readHl7(
      message(
        'PID|1||X',
        'OBR|1|P-1|F-1|X^Panel|||20261119083000',
        'OBX|1|SN|62292-8^25OHD^LN||>=^150|ng/mL|30-100|H|||F',
        'OBX|2|NM|2601-3^Mg^LN||0.82|mmol/L|0.70-1.05|N|||F',
      ),
    );
    if (outcome.kind === 'invalid') throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.kind).toBe('hl7');
    expect(outcome.panels[0]?.imported?.panel).toEqual({
      id: 'F-1',
      collectedOn: '2026-11-19',
      results: [
        {
          analyte: 'vitamin-d',
          value: 150,
          comparator: '>=',
          unit: 'ng/mL',
          labRange: { low: 30, high: 100 },
          code: '62292-8',
        },
        {
          analyte: 'magnesium',
          value: 0.82,
          unit: 'mmol/L',
          labRange: { low: 0.7, high: 1.05 },
          code: '2601-3',
        },
      ],
    });
    expect(outcome.panels[0]?.imported?.sources?.[0]?.labFlag?.[0]?.code).toBe('H');
  });

  it('takes the collection date from OBX-14 when OBR-7 is empty, and the placer id from OBR-2', () => {
    const outcome = readHl7(
      message('OBR|1|PLACER-7||X', 'OBX|1|NM|2132-9^B12^LN||300|pg/mL|||||F|||20261001'),
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels[0]?.imported?.panel).toMatchObject({
      id: 'PLACER-7',
      collectedOn: '2026-10-01',
    });
  });

  it('accepts LF and CRLF segment ends', () => {
    for (const end of ['\n', '\r\n']) {
      const text = [MSH, 'OBR|1||A', 'OBX|1|NM|2132-9^B12^LN||300|pg/mL|||||F'].join(end);
      expect(parseImport(text).kind).toBe('hl7');
    }
  });

  it('never guesses a missing unit, and points at OBX-6', () => {
    const document = interpretDocument(message('OBR|1||A', 'OBX|1|NM|2132-9^B12^LN||300||||||F'), {
      asOf: AS_OF,
    });
    expect(document.errors.map((e) => formatLocation(e.path))).toEqual(['segment 3 (OBX 1) OBX-6']);
  });

  it.each([
    ['a range in SN', 'OBX|1|SN|2132-9^B12^LN||^100^-^200|pg/mL|||||F', 'OBX-5'],
    ['text that is not a number', 'OBX|1|ST|2132-9^B12^LN||see note|pg/mL|||||F', 'OBX-5'],
    ['a coded value type', 'OBX|1|CWE|2132-9^B12^LN||POS|pg/mL|||||F', 'OBX-2'],
    ['B12 in whole blood', 'OBX|1|NM|16695-9^B12 WB^LN||300|pg/mL|||||F', 'OBX-3'],
  ])('refuses %s with its location', (_name, obx, field) => {
    const document = interpretDocument(message('OBR|1||A', obx), { asOf: AS_OF });
    expect(document.interpretations).toEqual([]);
    expect(formatLocation(document.errors[0]?.path ?? [])).toBe(`segment 3 (OBX 1) ${field}`);
  });

  it('refuses a message with none of our results, counting what it ignored', () => {
    const document = interpretDocument(
      message(
        'OBR|1||A',
        'OBX|1|NM|718-7^Hgb^LN||13|g/dL|||||F',
        'OBX|2|NM|GLU^Glucose^L||90|mg/dL',
      ),
      { asOf: AS_OF },
    );
    expect(document.kind).toBe('invalid');
    expect(document.ignored).toEqual({ count: 2, codes: ['LOINC 718-7', 'OBX-3 GLU'] });
    expect(document.errors[0]?.message).toMatch(/no OBX holds/);
  });

  it('reads results as corrected or preliminary and skips deleted or pending ones', () => {
    const document = interpretDocument(
      message(
        'OBR|1||A',
        'OBX|1|NM|2132-9^B12^LN||300|pg/mL|||||C',
        'OBX|2|NM|19123-9^Mg^LN||2.0|mg/dL|||||P',
        'OBX|3|NM|62292-8^D^LN||40|ng/mL|||||I',
        'OBX|4|NM|62292-8^D^LN||40|ng/mL|||||W',
      ),
      { asOf: AS_OF },
    );
    expect(document.interpretations[0]?.results.map((r) => r.reportStatus)).toEqual([
      'corrected',
      'preliminary',
    ]);
    expect(document.notices.map((n) => formatLocation(n.path))).toEqual([
      'segment 5 (OBX 3) OBX-11',
      'segment 6 (OBX 4) OBX-11',
    ]);
  });
});

describe('the readers never throw (fast-check)', () => {
  const segment = fc
    .array(fc.oneof(fc.string(), fc.constantFrom('2132-9^B12^LN', 'SN', 'NM', '<^5', 'ng/mL')), {
      maxLength: 16,
    })
    .map((fields) => fields.join('|'));

  it('HL7: arbitrary segments after MSH', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.constantFrom('PID', 'OBR', 'OBX', 'NTE', 'ZZZ', ''), segment)
            .map(([name, rest]) => `${name}|${rest}`),
          { maxLength: 12 },
        ),
        fc.constantFrom('\r', '\n', '\r\n'),
        (segments, end) => {
          const text = [MSH, ...segments].join(end);
          const document = interpretDocument(text, { asOf: AS_OF });
          expect(['hl7', 'invalid']).toContain(document.kind);
          expect(readHl7(text).kind).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CSV: arbitrary text under a lab header, any delimiter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.array(
          fc.array(
            fc.oneof(
              fc.string(),
              fc.constantFrom('B12', '<5', '12,5', '"', 'ng/mL', '03/04/2026', '30-100'),
            ),
            { maxLength: 6 },
          ),
          { maxLength: 8 },
        ),
        (delimiter, rows) => {
          const header = ['test', 'result', 'unit', 'reference_range', 'date'].join(delimiter);
          const text = [header, ...rows.map((row) => row.join(delimiter))].join('\n');
          expect(parseCsv(text).kind).toBeDefined();
          expect(interpretDocument(text, { asOf: AS_OF }).kind).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('FHIR: arbitrary Bundle entries, every Bundle type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('document', 'message', 'batch', 'transaction-response', 'history', 'x'),
        fc.array(
          fc.oneof(
            fc.anything(),
            fc.record({
              resource: fc.record({
                resourceType: fc.constantFrom('Observation', 'Patient'),
                status: fc.constantFrom('final', 'preliminary', 'cancelled', 'x'),
                code: fc.record({
                  coding: fc.array(
                    fc.record({
                      system: fc.constantFrom('http://loinc.org', 'urn:oid:2.16.840.1.113883.6.1'),
                      code: fc.constantFrom('62292-8', '2132-9', '2601-3', '718-7'),
                    }),
                  ),
                }),
                valueString: fc.oneof(fc.string(), fc.constantFrom('<5', '>= 150', '5 ng/mL')),
                valueQuantity: fc.anything(),
                referenceRange: fc.anything(),
                interpretation: fc.anything(),
              }),
            }),
          ),
          { maxLength: 6 },
        ),
        (type, entry) => {
          const json = { resourceType: 'Bundle', type, entry };
          expect(panelsFromFhir(json).kind).toBeDefined();
          expect(interpretDocument({ json }, { asOf: AS_OF }).kind).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
