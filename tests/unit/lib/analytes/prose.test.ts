/**
 * Numbers written in the analyte data's prose (rule-set names, band notes, caveats, unit bases)
 * are the data's own numbers: a cut-off that changes cannot leave a sentence behind. And no prose
 * string in the source types a cut-off: it is rendered from the cut-off (lib/cutoff-text.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ANALYTES, listRuleSets } from '@/lib/analytes/registry';
import { cutoffsInUnit } from '@/lib/classify';
import { formatCutoff, formatCutoffQuantity, formatCutoffRange } from '@/lib/cutoff-text';
import { HANDOUT_TEXT_EN } from '@/lib/handout/text/en';
import { HANDOUT_TEXT_ES } from '@/lib/handout/text/es';
import type { RuleSet, RuleSetId, UnitCode } from '@/lib/types';

function numbersIn(text: string): number[] {
  // "25(OH)D3" and "Mg2+" name substances, not quantities: letters glued to digits are skipped.
  return [...text.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)].map((match) => Number(match[0]));
}

function limitsOf(ruleSet: RuleSet): Set<number> {
  const quantities = [
    ruleSet.deficientBelow,
    ruleSet.sufficientFrom,
    ruleSet.upperLimit,
    ruleSet.criticalBelow ?? {},
    ruleSet.criticalAbove ?? {},
  ];
  return new Set(quantities.flatMap((quantity) => Object.values(quantity)));
}

describe('analyte prose', () => {
  it.each(listRuleSets().map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    'rule set %s states only its own cut-offs in its name, band notes and caveats',
    (_id, ruleSet) => {
      const limits = limitsOf(ruleSet);
      const texts = [ruleSet.name, ...Object.values(ruleSet.bandNotes), ...ruleSet.caveats];
      for (const text of texts) {
        for (const number of numbersIn(text).filter((n) => n < 1900)) {
          expect(limits, `${number} in "${text}"`).toContain(number);
        }
      }
    },
  );

  it('names the rule sets with the band they differ by', () => {
    expect(listRuleSets().map((ruleSet) => ruleSet.name)).toEqual(
      expect.arrayContaining([
        'Common (borderline 200-300 pg/mL)',
        'Wide grey zone (borderline 200-400 pg/mL)',
        'Rosanoff 2022 (proposed lower limit 0.85 mmol/L)',
      ]),
    );
  });

  it.each(
    Object.values(ANALYTES).flatMap((analyte) =>
      analyte.units
        .filter((unit) => unit.basis.includes(' x '))
        .map((unit) => [`${analyte.id} ${unit.code}`, unit] as const),
    ),
  )('the %s basis states the factor the conversion uses', (_name, unit) => {
    const factor = Number(/ x (\d+(?:\.\d+)?)/.exec(unit.basis)?.[1]);
    // Either the factor to the base unit, or the one from it (1 / toBase).
    expect([unit.toBase, 1 / unit.toBase].some((value) => Math.abs(value - factor) < 1e-12)).toBe(
      true,
    );
  });

  const HANDOUT_TEXTS = { en: HANDOUT_TEXT_EN, es: HANDOUT_TEXT_ES } as const;
  it.each([
    ['es', 'b12-common', 'pg/mL', 'Habitual (zona límite 200-300 pg/mL)'],
    ['es', 'b12-common', 'pmol/L', 'Habitual (zona límite 148-221 pmol/L)'],
    ['es', 'b12-wide-350', 'pg/mL', 'Zona gris amplia (zona límite 200-350 pg/mL)'],
    ['es', 'b12-wide-400', 'ng/L', 'Zona gris amplia (zona límite 200-400 ng/L)'],
    ['es', 'b12-wide-400', 'pmol/L', 'Zona gris amplia (zona límite 148-295 pmol/L)'],
    ['es', 'mg-rosanoff-2022', 'mmol/L', 'Rosanoff 2022 (límite inferior 0.85 mmol/L)'],
    ['es', 'mg-rosanoff-2022', 'mg/dL', 'Rosanoff 2022 (límite inferior 2.07 mg/dL)'],
    ['es', 'mg-rosanoff-2022', 'meq/L', 'Rosanoff 2022 (límite inferior 1.7 meq/L)'],
    ['es', 'mg-conventional', 'mmol/L', 'Intervalo de referencia convencional'],
    ['es', 'iom-2011', 'nmol/L', 'Instituto de Medicina de EE. UU. (IOM) 2011'],
    ['en', 'b12-common', 'pg/mL', 'Common (borderline 200-300 pg/mL)'],
    ['en', 'b12-common', 'pmol/L', 'Common (borderline 148-221 pmol/L)'],
    ['en', 'b12-wide-350', 'ng/L', 'Wide grey zone (borderline 200-350 ng/L)'],
    ['en', 'b12-wide-400', 'pmol/L', 'Wide grey zone (borderline 148-295 pmol/L)'],
    ['en', 'mg-rosanoff-2022', 'mmol/L', 'Rosanoff 2022 (proposed lower limit 0.85 mmol/L)'],
    ['en', 'mg-rosanoff-2022', 'mg/dL', 'Rosanoff 2022 (proposed lower limit 2.07 mg/dL)'],
  ] as const)(
    'the %s handout names %s in %s from the cut-offs: %s',
    (lang, id: RuleSetId, unit: UnitCode, name) => {
      const ruleSet = listRuleSets().find((candidate) => candidate.id === id)!;
      expect(HANDOUT_TEXTS[lang].ruleSetNames[id]?.(cutoffsInUnit(ruleSet, unit))).toBe(name);
    },
  );

  it('names a rule set in its published unit as the analyte data does (English)', () => {
    for (const ruleSet of listRuleSets()) {
      const name = HANDOUT_TEXT_EN.ruleSetNames[ruleSet.id];
      if (name === undefined) continue;
      const published = ruleSet.id.startsWith('b12') ? 'pg/mL' : 'mmol/L';
      expect(name(cutoffsInUnit(ruleSet, published)), ruleSet.id).toBe(ruleSet.name);
    }
  });
});

describe('formatCutoff', () => {
  it.each([
    [200, undefined, '200'],
    [0.85, undefined, '0.85'],
    [0.7, undefined, '0.7'],
    [0.7, 2, '0.70'],
    [1.0696, undefined, '1.07'],
    [2.07, 2, '2.07'],
  ] as const)('%s with %s decimals is "%s"', (value, decimals, text) => {
    expect(formatCutoff(value, decimals)).toBe(text);
  });

  it('writes a cut-off and a band with the unit', () => {
    expect(formatCutoffQuantity(0.85, 'mmol/L')).toBe('0.85 mmol/L');
    expect(formatCutoffRange(200, 300, 'pg/mL')).toBe('200-300 pg/mL');
    expect(formatCutoffRange(0.7, 0.85, 'mmol/L', 2)).toBe('0.70-0.85 mmol/L');
  });
});

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
/** Where prose is written: analyte data, handout wording, safety rules, interpret's sentences. */
const PROSE_DIRS = ['lib/analytes', 'lib/handout/text', 'lib/safety', 'lib/interpret'];
const UNITS = Object.values(ANALYTES).flatMap((analyte) => analyte.units.map((unit) => unit.code));
/** A number or a range of two, then a unit: "0.85 mmol/L", "200-300 pg/mL", "20 to 30 ng/mL". */
const QUANTITY = new RegExp(
  `(?<![\\w.])(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|to)\\s*(\\d+(?:\\.\\d+)?))?\\s*(${UNITS.map((unit) => unit.replace('/', '\\/')).join('|')})(?![\\w/])`,
  'g',
);

/**
 * Figures that equal a cut-off but are another source's statement, not the rule set's cut-off:
 * they stay as the source wrote them whichever rule set is chosen.
 */
const SOURCE_FIGURES: ReadonlyArray<{ text: string; why: string }> = [
  { text: '10-12 ng/mL', why: 'Bordelon 2009: osteomalacia mostly below about 10-12 ng/mL' },
  { text: 'below 12 ng/mL', why: 'Bordelon 2009: the deficient work-up, "esp. < 12 ng/mL"' },
  { text: 'above 30 ng/mL', why: "Holick 2011's regimen target, also under the IOM rule set" },
  { text: 'below 0.5 mmol/L', why: "MSD's threshold for IV magnesium, not the critical flag" },
];

/** The text of every string literal and template-literal part of a file, with its line. */
function proseOf(file: string): Array<{ where: string; text: string }> {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const out: Array<{ where: string; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ where: `${relative(ROOT, file)}:${line}`, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every cut-off of every rule set in a unit, published or derived, as written ("0.85"). */
function cutoffTexts(unit: string): Set<string> {
  const values = listRuleSets()
    .filter((ruleSet) => ANALYTES[ruleSet.analyte].units.some((entry) => entry.code === unit))
    .flatMap((ruleSet) => {
      const cutoffs = cutoffsInUnit(ruleSet, unit as UnitCode);
      return [
        cutoffs.deficientBelow,
        cutoffs.sufficientFrom,
        cutoffs.upperLimit,
        cutoffs.criticalBelow,
        cutoffs.criticalAbove,
      ];
    })
    .filter((value): value is number => value !== undefined);
  return new Set(values.flatMap((value) => [formatCutoff(value), formatCutoff(value, 2)]));
}

describe('prose in the source', () => {
  const prose = PROSE_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => proseOf(join(ROOT, dir, name))),
  );

  it('finds the quantities written in prose (the scan itself works)', () => {
    const found = prose.flatMap((entry) => [...entry.text.matchAll(QUANTITY)].map((m) => m[0]));
    expect(found).toEqual(expect.arrayContaining(['1 pg/mL', '10-12 ng/mL']));
    expect(QUANTITY.test('Habitual (zona límite 200-300 pg/mL)')).toBe(true);
    QUANTITY.lastIndex = 0;
  });

  it('types no cut-off into a string: names, notes and sentences render it from the data', () => {
    const typed = prose.flatMap(({ where, text }) =>
      [...text.matchAll(QUANTITY)]
        .filter((match) => {
          const cutoffs = cutoffTexts(match[3]!);
          const numbers = [match[1]!, match[2]].filter((n): n is string => n !== undefined);
          return numbers.some((number) => cutoffs.has(number));
        })
        .filter(
          (match) =>
            !SOURCE_FIGURES.some(
              (figure) => figure.text.includes(match[0]) && text.includes(figure.text),
            ),
        )
        .map((match) => `${where}: "${match[0]}" in "${text}"`),
    );
    expect(typed).toEqual([]);
  });

  it.each(SOURCE_FIGURES)('$text is still written in the prose ($why)', ({ text }) => {
    expect(prose.some((entry) => entry.text.includes(text))).toBe(true);
  });
});
