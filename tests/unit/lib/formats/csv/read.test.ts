import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/formats/csv/write';
import { parseCsv } from '@/lib/formats/csv/read';
import { formatLocation } from '@/lib/formats/location';
import { decodeText } from '@/lib/formats/import';
import { readCsv } from '@/tests/unit/support/csv';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import { interpretOk } from '@/tests/unit/support/interpret';

const HEADER = 'panel_id,analyte,value,unit';

const LAB_CSV = 'Test;Result;Units\r\nVitamin D;12,5;ng/mL\r\nMagnesium;0,8;mmol/L\r\n';

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    bytes[2 + index * 2] = code & 0xff;
    bytes[3 + index * 2] = code >> 8;
  }
  return bytes;
}

describe('parseCsv', () => {
  it('groups rows by panel_id in order of first appearance, rows need not be adjacent', () => {
    const items = readCsv(
      `${HEADER}\nP1,vitamin-d,12,ng/mL\nP2,vitamin-b12,<150,pg/mL\nP1,magnesium,0.8,mmol/L\n`,
    );
    expect(items.map((item) => item.imported?.panel)).toEqual([
      {
        id: 'P1',
        results: [
          { analyte: 'vitamin-d', value: '12', unit: 'ng/mL' },
          { analyte: 'magnesium', value: '0.8', unit: 'mmol/L' },
        ],
      },
      { id: 'P2', results: [{ analyte: 'vitamin-b12', value: '<150', unit: 'pg/mL' }] },
    ]);
  });

  it('reads the CSV of issue 9 (analytes by common name): all three rows land', () => {
    const items = readCsv(
      'panel_id,analyte,value,unit\nP1,Vitamin D,9,ng/mL\nP1,B12,190,pg/mL\nP1,Magnesium,0.64,mmol/L\n',
    );
    expect(items[0]?.imported?.panel.results).toEqual([
      { analyte: 'vitamin-d', value: '9', unit: 'ng/mL' },
      { analyte: 'vitamin-b12', value: '190', unit: 'pg/mL' },
      { analyte: 'magnesium', value: '0.64', unit: 'mmol/L' },
    ]);
  });

  it.each([
    ['vitamin-d', 'vitamin-d'],
    ['VITAMIN D', 'vitamin-d'],
    ['25-OH Vitamin D', 'vitamin-d'],
    ['25(OH)D', 'vitamin-d'],
    ['Vitamin D, 25-Hydroxy', 'vitamin-d'],
    ['62292-8', 'vitamin-d'],
    ['b12', 'vitamin-b12'],
    ['Vitamin B12', 'vitamin-b12'],
    ['2132-9', 'vitamin-b12'],
    ['magnesium', 'magnesium'],
    ['MAGNESIUM, SERUM', 'magnesium'],
    ['19123-9', 'magnesium'],
  ])('names the analyte %j as %s', (name, analyte) => {
    const [item] = readCsv(`panel_id,analyte,value,unit\nP1,"${name}",5,ng/mL\n`);
    expect(item?.imported?.panel.results[0]?.analyte).toBe(analyte);
  });

  it('reads the analyte from a loinc column and keeps the D3-only warning', () => {
    const [item] = readCsv('test,loinc,result,units\n25-OH D3,1989-3,25,ng/mL\n');
    expect(item?.imported?.panel.results[0]?.analyte).toBe('vitamin-d');
    expect(item?.imported?.warnings.map((w) => w.code)).toEqual(['vitamin-d3-only-code']);
    expect(item?.imported?.sources?.[0]?.loinc).toBe('1989-3');
  });

  it.each([
    ['semicolon', 'Test;Result;Units;Reference Range\nVitamin D;12,5;ng/mL;30-100\n'],
    ['tab', 'Test\tResult\tUnits\tReference Range\nVitamin D\t12,5\tng/mL\t30-100\n'],
  ])('sniffs a %s delimiter and reads its decimal comma', (_name, text) => {
    const [item] = readCsv(text);
    expect(item?.imported?.panel.results[0]).toEqual({
      analyte: 'vitamin-d',
      value: '12.5',
      unit: 'ng/mL',
      labRange: { low: 30, high: 100 },
    });
  });

  it('refuses a decimal comma in a comma-separated file (quoted so it is one field)', () => {
    const [item] = readCsv('test,result,unit\nVitamin D,"12,5",ng/mL\n');
    expect(item?.imported).toBeUndefined();
    expect(item?.errors[0]?.message).toMatch(/decimal comma/);
    expect(formatLocation(item?.errors[0]?.path ?? [])).toBe('row 2 result');
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(LAB_CSV)])],
    ['UTF-8 without BOM', new TextEncoder().encode(LAB_CSV)],
    ['UTF-16 LE with BOM', utf16le(LAB_CSV)],
  ])('decodes %s', (_name, bytes) => {
    const text = decodeText(bytes);
    expect(text).toBeDefined();
    const [item] = readCsv(text ?? '');
    expect(item?.imported?.panel.results).toHaveLength(2);
  });

  it('ignores extra columns, naming them once and never their contents', () => {
    const outcome = parseCsv(
      'MRN,Patient Name,Test,Result,Units\n12345,Jane Roe,Vitamin D,12,ng/mL\n12345,Jane Roe,B12,300,pg/mL\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.notices).toHaveLength(1);
    expect(outcome.notices[0]?.message).toBe(
      '2 columns not read (MRN, Patient Name); their contents are ignored',
    );
    expect(JSON.stringify(outcome)).not.toContain('Jane Roe');
    expect(JSON.stringify(outcome)).not.toContain('12345');
  });

  it('ignores rows of other tests and counts them', () => {
    const outcome = parseCsv(
      'test,result,unit\nFerritin,40,ng/mL\nVitamin D,12,ng/mL\nTSH,2,mIU/L\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.ignored).toEqual({ count: 2, codes: ['test Ferritin', 'test TSH'] });
    expect(outcome.panels).toHaveLength(1);
  });

  it.each([
    ['2026-03-14', '2026-03-14', undefined],
    ['2026-03-14T08:30:00Z', '2026-03-14', undefined],
    ['03/14/2026', '2026-03-14', /month\/day\/year \(US\)/],
    ['14/03/2026', '2026-03-14', /day\/month\/year/],
  ])('reads the collection date %s', (written, date, note) => {
    const outcome = parseCsv(`test,result,unit,collected\nVitamin D,12,ng/mL,${written}\n`);
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels[0]?.imported?.panel.collectedOn).toBe(date);
    if (note === undefined) expect(outcome.notices).toEqual([]);
    else expect(outcome.notices[0]?.message).toMatch(note);
  });

  it('refuses an ambiguous date and says how to write it', () => {
    const [item] = readCsv('test,result,unit,date\nVitamin D,12,ng/mL,03/04/2026\n');
    expect(item?.errors[0]?.message).toMatch(/ambiguous.*YYYY-MM-DD/);
  });

  it('reads every date of a file in the order one of its rows proves, and says which once', () => {
    const outcome = parseCsv(
      'panel_id,test,result,unit,collected\n' +
        'P1,Vitamin D,12,ng/mL,03/04/2026\n' +
        'P2,Vitamin D,14,ng/mL,03/14/2026 08:30\n' +
        'P3,Vitamin D,16,ng/mL,03/15/2026\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels.map((item) => item.imported?.panel.collectedOn)).toEqual([
      '2026-03-04',
      '2026-03-14',
      '2026-03-15',
    ]);
    expect(outcome.notices.map((notice) => notice.message)).toEqual([
      'dates read as month/day/year (US), as row 3 "03/14/2026 08:30" shows',
    ]);
    expect(formatLocation(outcome.notices[0]?.path ?? [])).toBe('column collected');
  });

  it('reads day-first files the same way', () => {
    const outcome = parseCsv(
      'test;result;unit;date\nB12;250;pg/mL;14/03/2026\nB12;260;pg/mL;03/04/2026\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels.map((item) => item.imported?.panel.collectedOn)).toEqual([
      '2026-03-14',
      '2026-04-03',
    ]);
    expect(outcome.notices[0]?.message).toMatch(
      /^dates read as day\/month\/year, as row 2 "14\/03\/2026" shows$/,
    );
  });

  it('refuses a file whose rows prove both date orders, naming both rows', () => {
    const items = readCsv(
      'panel_id,test,result,unit,collected\nP1,Vitamin D,12,ng/mL,03/14/2026\nP2,Vitamin D,12,ng/mL,14/03/2026\n',
    );
    expect(items[0]?.imported).toBeDefined();
    expect(items[1]?.imported).toBeUndefined();
    expect(formatLocation(items[1]?.errors[0]?.path ?? [])).toBe('row 3 (panel P2) collected');
    expect(items[1]?.errors[0]?.message).toMatch(
      /14\/03\/2026 is day\/month\/year but row 2 "03\/14\/2026" is month\/day\/year.*YYYY-MM-DD/,
    );
  });

  it("reads the lab's result status: preliminary is kept and warned, cancelled is skipped", () => {
    const outcome = parseCsv(
      'test,result,unit,result status\n' +
        'Vitamin D,12,ng/mL,Preliminary\n' +
        'B12,250,pg/mL,F\n' +
        'Magnesium,0.8,mmol/L,cancelled\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    const [item] = outcome.panels;
    expect(item?.imported?.panel.results.map((r) => r.analyte)).toEqual([
      'vitamin-d',
      'vitamin-b12',
    ]);
    expect(item?.imported?.sources?.map((source) => source?.reportStatus)).toEqual([
      'preliminary',
      'final',
    ]);
    expect(item?.imported?.warnings).toEqual([
      expect.objectContaining({ resultIndex: 0, code: 'preliminary-result' }),
    ]);
    expect(outcome.notices.map((n) => [formatLocation(n.path), n.message])).toEqual([
      ['row 4 result status', 'magnesium was cancelled: not interpreted'],
    ]);
  });

  it('refuses a result status it does not know, naming the column', () => {
    const [item] = readCsv('test,result,unit,status of result\nVitamin D,12,ng/mL,maybe\n');
    expect(item?.imported).toBeUndefined();
    expect(formatLocation(item?.errors[0]?.path ?? [])).toBe('row 2 status of result');
    expect(item?.errors[0]?.message).toMatch(/must be one of final, preliminary/);
  });

  it('takes the LOINC column over the test name: another LOINC code is another test', () => {
    const outcome = parseCsv(
      'test,loinc,result,unit\nVitamin D,1990-1,12,ng/mL\nVitamin D,62292-8,20,ng/mL\n',
    );
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels[0]?.imported?.panel.results).toEqual([
      { analyte: 'vitamin-d', value: '20', unit: 'ng/mL' },
    ]);
    expect(outcome.ignored).toEqual({ count: 1, codes: ['LOINC 1990-1'] });
  });

  it('refuses whole-blood B12 (16695-9) even when the test is named Vitamin B12', () => {
    const [item] = readCsv('test,loinc,result,unit\nVitamin B12,16695-9,300,pg/mL\n');
    expect(item?.imported).toBeUndefined();
    expect(formatLocation(item?.errors[0]?.path ?? [])).toBe('row 2 loinc');
    expect(item?.errors[0]?.message).toMatch(/whole blood; serum cut-offs do not apply/);
  });

  it('drops a one-sided or text reference range with a warning, still reading the result', () => {
    const [item] = readCsv('test,result,unit,reference_range\nB12,250,pg/mL,<900\n');
    expect(item?.imported?.panel.results[0]).toEqual({
      analyte: 'vitamin-b12',
      value: '250',
      unit: 'pg/mL',
    });
    expect(item?.imported?.warnings.map((w) => w.code)).toEqual(['lab-range-dropped']);
  });

  it('reads the optional columns', () => {
    const [item] = readCsv(
      'panel_id,analyte,value,comparator,unit,lab_low,lab_high,rule_set,collected_on\n' +
        'P1,vitamin-b12,250,,pg/mL,200,900,b12-wide-400,2026-11-20\n' +
        'P1,vitamin-d,5,<,ng/mL,,,,2026-11-20\n',
    );
    expect(item?.imported?.panel).toEqual({
      id: 'P1',
      collectedOn: '2026-11-20',
      ruleSets: { 'vitamin-b12': 'b12-wide-400' },
      results: [
        { analyte: 'vitamin-b12', value: '250', unit: 'pg/mL', labRange: { low: 200, high: 900 } },
        { analyte: 'vitamin-d', value: '5', unit: 'ng/mL', comparator: '<' },
      ],
    });
  });

  it('accepts its own output columns and ignores the computed ones', () => {
    const text = toCsv([interpretOk(GOLDEN_CASES[0]?.panel)]);
    const outcome = parseCsv(text);
    if (outcome.kind === 'invalid') throw new Error('not read');
    expect(outcome.panels[0]?.errors).toEqual([]);
    expect(outcome.notices).toEqual([]);
  });

  it.each([
    [`panel_id,analyte,value\nP1,vitamin-d,1`, 'header', /no unit/],
    [`panel_id,analyte,value,unit,units\nP1,vitamin-d,1,ng/mL,ng/mL`, 'header column 5', /same as/],
    [`panel_id,analyte,value,unit\nP1,"vitamin-d,1,ng/mL`, 'row 2', /quoted field/],
    [`hello world\nthis is not a lab file`, '(input)', /needs a test/],
    [`test,result,unit\nFerritin,40,ng/mL`, 'CSV', /no 25-hydroxyvitamin D.*1 rows of other tests/],
  ])('refuses an unusable file with its reason (%#)', (text, path, message) => {
    const outcome = parseCsv(text);
    expect(outcome.kind).toBe('invalid');
    if (outcome.kind === 'invalid') {
      expect(formatLocation(outcome.errors[0]?.path ?? [])).toBe(path);
      expect(outcome.errors[0]?.message).toMatch(message);
    }
  });

  it('stops a panel with a row of the wrong width, and reports rows without a panel id', () => {
    const items = readCsv(
      `${HEADER}\nP1,vitamin-d,12,ng/mL\nP2,vitamin-d,12\nP2,magnesium,0.8,mmol/L\n,vitamin-d,1,ng/mL\n`,
    );
    expect(
      items.map((item) => [
        item.imported !== undefined,
        item.errors.map((e) => formatLocation(e.path)),
      ]),
    ).toEqual([
      [true, []],
      [false, ['row 3 (panel P2)']],
      [false, ['row 5 panel_id']],
    ]);
  });

  it.each([
    [
      'comparator',
      'panel_id,analyte,value,comparator,unit\nP1,vitamin-d,5,~,ng/mL',
      'row 2 (panel P1) comparator',
    ],
    [
      'lab range',
      'panel_id,analyte,value,unit,lab_low,lab_high\nP1,vitamin-d,5,ng/mL,30,x',
      'row 2 (panel P1) lab_high',
    ],
    [
      'collection date',
      'panel_id,analyte,value,unit,collected_on\nP1,vitamin-d,5,ng/mL,2026-11-01\nP1,magnesium,1,mmol/L,2026-11-02',
      'row 3 (panel P1) collected_on',
    ],
    [
      'rule set',
      'panel_id,analyte,value,unit,rule_set\nP1,vitamin-d,5,ng/mL,iom-2011\nP1,vitamin-d,6,ng/mL,endocrine-society-2011',
      'row 3 (panel P1) rule_set',
    ],
  ])('stops a panel with a bad or conflicting %s', (_name, text, path) => {
    const [item] = readCsv(text);
    expect(item?.imported).toBeUndefined();
    expect(formatLocation(item?.errors[0]?.path ?? [])).toBe(path);
  });

  it('locates each result so interpret() errors point at the row and column', () => {
    const [item] = readCsv(`${HEADER}\nP3,vitamin-d,12,ng/mL\nP3,magnesium,abc,mmol/L\n`);
    expect(formatLocation(item?.origin?.results[1]?.fields.value ?? [])).toBe(
      'row 3 (panel P3) value',
    );
    expect(formatLocation(item?.origin?.prefix ?? [])).toBe('panel P3 (rows 2-3)');
  });
});
