import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpretDocument } from '@/lib/formats/document';
import { IMPORT_FILE_ACCEPT } from '@/lib/formats/file-types';
import { formatLocation } from '@/lib/formats/location';
import { decodeText } from '@/lib/formats/import';
import { interpret } from '@/lib/interpret';
import type { Panel } from '@/lib/schemas';
import type { Interpretation } from '@/lib/types';

const AS_OF = '2026-11-25';

function fixture(name: string): string {
  const text = decodeText(readFileSync(`tests/fixtures/formats/${name}`));
  if (text === undefined) throw new Error(`${name} is not text`);
  return text;
}

/** Statuses, critical flags and lab ranges: what must survive any accepted shape. */
function summaryOf(interpretation: Interpretation) {
  return interpretation.results.map((r) => [
    r.analyte,
    r.input.display,
    r.status,
    r.critical,
    r.labRange?.low,
    r.labRange?.high,
  ]);
}

function summary(panel: unknown) {
  const outcome = interpret(panel, { asOf: AS_OF });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return summaryOf(outcome.value);
}

interface Accepted {
  readonly file: string;
  readonly kind: string;
  /** The same results written as panel JSON. */
  readonly panels: readonly Panel[];
  readonly ignored: number;
  readonly notices: readonly RegExp[];
  readonly warnings?: readonly string[][];
  readonly reportStatus?: ReadonlyArray<string | undefined>;
}

const ACCEPTED: readonly Accepted[] = [
  {
    file: 'us-core-searchset.json',
    kind: 'fhir',
    panels: [
      {
        collectedOn: '2026-10-02',
        results: [
          { analyte: 'vitamin-d', value: 18, unit: 'ng/mL' },
          { analyte: 'magnesium', value: 1.6, unit: 'mg/dL' },
        ],
      },
    ],
    ignored: 1,
    notices: [],
    warnings: [['vitamin-d3-only-code', 'lab-range-dropped'], ['lab-range-dropped']],
    reportStatus: ['final', 'corrected'],
  },
  {
    file: 'document-bundle.json',
    kind: 'fhir',
    panels: [
      {
        collectedOn: '2026-11-17',
        results: [
          { analyte: 'vitamin-d', value: '<5', unit: 'ng/mL', labRange: { low: 30, high: 100 } },
          { analyte: 'vitamin-b12', value: 450, unit: 'pg/mL' },
        ],
      },
    ],
    ignored: 3,
    notices: [],
    warnings: [[], ['preliminary-result', 'lab-range-dropped']],
    reportStatus: ['final', 'preliminary'],
  },
  {
    file: 'transaction-response.json',
    kind: 'fhir',
    panels: [
      {
        collectedOn: '2026-09-01',
        results: [{ analyte: 'vitamin-b12', value: 150, unit: 'pmol/L' }],
      },
    ],
    ignored: 0,
    notices: [],
    reportStatus: ['amended'],
  },
  {
    file: 'message-bundle.json',
    kind: 'fhir',
    panels: [
      {
        collectedOn: '2026-11-19',
        results: [
          { analyte: 'magnesium', value: 0.82, unit: 'mmol/L', labRange: { low: 0.7, high: 1 } },
        ],
      },
    ],
    ignored: 1,
    notices: [/entered in error/],
  },
  {
    file: 'oru-r01-two-patients.hl7',
    kind: 'hl7',
    panels: [
      {
        id: 'ACC-A1',
        collectedOn: '2026-11-19',
        results: [
          { analyte: 'vitamin-d', value: '<5', unit: 'ng/mL', labRange: { low: 30, high: 100 } },
          { analyte: 'vitamin-b12', value: 190, unit: 'pg/mL', labRange: { low: 200, high: 900 } },
        ],
      },
      {
        id: 'ACC-B1',
        collectedOn: '2026-11-18',
        results: [
          { analyte: 'magnesium', value: 2.2, unit: 'mg/dL', labRange: { low: 1.8, high: 2.6 } },
        ],
      },
    ],
    ignored: 1,
    notices: [/deleted/],
    warnings: [['vitamin-d3-only-code'], ['preliminary-result']],
    reportStatus: ['final', 'preliminary'],
  },
  {
    file: 'lab-export-us.csv',
    kind: 'csv',
    panels: [
      {
        id: 'A100',
        collectedOn: '2026-03-14',
        results: [
          { analyte: 'vitamin-d', value: 22, unit: 'ng/mL', labRange: { low: 30, high: 100 } },
          { analyte: 'vitamin-b12', value: 250, unit: 'pg/mL', labRange: { low: 200, high: 900 } },
          { analyte: 'magnesium', value: 1.9, unit: 'mg/dL', labRange: { low: 1.6, high: 2.6 } },
        ],
      },
    ],
    ignored: 1,
    notices: [/2 columns not read \(Patient Name, MRN\)/, /dates read as month\/day\/year \(US\)/],
  },
  {
    file: 'lab-export-eu-utf16.csv',
    kind: 'csv',
    panels: [
      {
        id: 'E7',
        collectedOn: '2026-11-02',
        results: [
          { analyte: 'vitamin-d', value: 62.5, unit: 'nmol/L', labRange: { low: 75, high: 250 } },
          { analyte: 'vitamin-b12', value: 180, unit: 'pmol/L' },
          { analyte: 'magnesium', value: 0.78, unit: 'mmol/L', labRange: { low: 0.7, high: 1.05 } },
        ],
      },
    ],
    ignored: 0,
    notices: [],
  },
  {
    file: 'lab-export-tab.tsv',
    kind: 'csv',
    panels: [
      {
        results: [
          { analyte: 'vitamin-d', value: '>150', unit: 'ng/mL' },
          { analyte: 'magnesium', value: 0.64, unit: 'mmol/L' },
        ],
      },
    ],
    ignored: 0,
    notices: [/1 column not read \(Comment\)/],
  },
  {
    file: 'issue-9.csv',
    kind: 'csv',
    panels: [
      {
        id: 'P1',
        results: [
          { analyte: 'vitamin-d', value: 9, unit: 'ng/mL' },
          { analyte: 'vitamin-b12', value: 190, unit: 'pg/mL' },
          { analyte: 'magnesium', value: 0.64, unit: 'mmol/L' },
        ],
      },
    ],
    ignored: 0,
    notices: [],
  },
];

describe('accepted real-world shapes', () => {
  it.each(ACCEPTED.map((entry) => [entry.file, entry] as const))(
    '%s reads to the same statuses as the equivalent panel JSON',
    (_file, entry) => {
      const document = interpretDocument(fixture(entry.file), { asOf: AS_OF });
      expect(document.errors).toEqual([]);
      expect(document.kind).toBe(entry.kind);
      expect(document.interpretations.map(summaryOf)).toEqual(entry.panels.map(summary));
      expect(document.interpretations.map((i) => i.collectedOn)).toEqual(
        entry.panels.map((p) => p.collectedOn ?? null),
      );
      expect(document.ignored.count).toBe(entry.ignored);
      expect(document.notices.map((n) => n.message)).toEqual(
        entry.notices.map((pattern) => expect.stringMatching(pattern)),
      );
      if (entry.warnings !== undefined) {
        const codes = document.interpretations[0]?.results.map((r) =>
          r.warnings.map((w) => w.code).filter((c) => c !== 'lab-range-discordant'),
        );
        expect(codes).toEqual(entry.warnings);
      }
      if (entry.reportStatus !== undefined) {
        expect(document.interpretations[0]?.results.map((r) => r.reportStatus)).toEqual(
          entry.reportStatus,
        );
      }
    },
  );

  it('every fixture file can be chosen in the import dialog (its extension is accepted)', () => {
    const accepted = IMPORT_FILE_ACCEPT.split(',');
    for (const name of readdirSync('tests/fixtures/formats')) {
      if (name.endsWith('.md')) continue;
      expect(accepted, name).toContain(name.slice(name.lastIndexOf('.')));
    }
  });

  it('never prints the contents of extra columns or the PID segment', () => {
    for (const file of ['lab-export-us.csv', 'oru-r01-two-patients.hl7']) {
      const text = JSON.stringify(interpretDocument(fixture(file), { asOf: AS_OF }));
      for (const secret of ['Jane Roe', 'ROE^JANE', 'PAT-A', '555', '19700101']) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe('refused shapes name their reason', () => {
  it.each([
    ['none-of-ours.json', '(input)', /holds no 25-hydroxyvitamin D.*2 other entries ignored/],
    ['not-a-lab-file.csv', '(input)', /needs a test/],
  ])('%s', (file, _path, message) => {
    const document = interpretDocument(fixture(file), { asOf: AS_OF });
    expect(document.kind).toBe('invalid');
    expect(document.interpretations).toEqual([]);
    expect(document.errors[0]?.message).toMatch(message);
    expect(formatLocation(document.errors[0]?.path ?? [])).not.toBe('');
  });
});
