import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHandoutModel, sectionBlocks } from '@/lib/handout/model';
import type { HandoutScaleMarker } from '@/lib/handout/model';
import { HANDOUT_TEXT_EN } from '@/lib/handout/text/en';
import { HANDOUT_TEXT_ES } from '@/lib/handout/text/es';
import { findScalePosition } from '@/lib/scale';
import { GENERATED_ON, GOLDEN, interpretOrThrow } from '@/tests/unit/support/handout';

const build = (id: string, lang: 'en' | 'es' = 'en') => {
  const golden = GOLDEN.find((entry) => entry.id === id)!;
  const interpretation = interpretOrThrow(golden.panel);
  return {
    interpretation,
    model: buildHandoutModel(interpretation, { lang, generatedOn: GENERATED_ON }),
  };
};

/**
 * The meaning of each golden result, written out from the clinical reference's plain words
 * (section 7: "low", "a bit low", "in a healthy range", "higher than needed"; 8.6: a censored
 * value low either way reads "Low (below 300)"), in the order of the panel's results.
 */
const MEANINGS: Readonly<Record<string, { en: readonly string[]; es: readonly string[] }>> = {
  // 12 ng/mL < 20; 180 pg/mL < 200; 1.5 mg/dL < 1.7.
  'all-low-us-units': { en: ['Low', 'Low', 'Low'], es: ['Baja', 'Baja', 'Bajo'] },
  // 50 <= 60 nmol/L < 75; 148 <= 180 pmol/L < 221; 0.70 <= 0.78 mmol/L < 0.85.
  'borderline-si-units': {
    en: ['A bit low', 'A bit low', 'A bit low'],
    es: ['Un poco baja', 'Un poco baja', 'Un poco bajo'],
  },
  // 45 ng/mL, 550 pg/mL, 2.2 mg/dL: each within B..C.
  'all-sufficient': {
    en: ['In a healthy range', 'In a healthy range', 'In a healthy range'],
    es: ['En un nivel sano', 'En un nivel sano', 'En un nivel sano'],
  },
  // 160 ng/mL > 100; 1500 pg/mL > 1000; 2.2 mmol/L > 1.07.
  'high-and-critical': {
    en: ['Higher than needed', 'Higher than needed', 'Higher than needed'],
    es: ['Más alta de lo necesario', 'Más alta de lo necesario', 'Más alto de lo necesario'],
  },
  // <5 ng/mL, >2000 pg/mL and <1 mg/dL are decided by their bounds.
  'censored-decided': {
    en: ['Low', 'Higher than needed', 'Low'],
    es: ['Baja', 'Más alta de lo necesario', 'Bajo'],
  },
  // >25 ng/mL may be a bit low, healthy or high; <300 pg/mL is low or a bit low.
  'censored-indeterminate': {
    en: ["We can't tell from this result", 'Low (below 300)'],
    es: ['No se puede saber con este resultado', 'Baja (menos de 300)'],
  },
  // 20 ng/mL = A (a bit low); 300 pg/mL = B and 2.6 mg/dL = C (healthy).
  'exactly-at-cutoffs': {
    en: ['A bit low', 'In a healthy range', 'In a healthy range'],
    es: ['Un poco baja', 'En un nivel sano', 'En un nivel sano'],
  },
  // 25 ug/L (= ng/mL), 1.6 meq/L (1.4 <= 1.6 < 1.7), 250 pg/mL.
  'unit-spellings-and-lab-range': {
    en: ['A bit low', 'A bit low', 'A bit low'],
    es: ['Un poco baja', 'Un poco bajo', 'Un poco baja'],
  },
  // IOM 12 <= 15 < 20 ng/mL; wide grey zone 200 <= 350 < 400 pg/mL; conventional Mg >= 0.70.
  'alternative-rule-sets': {
    en: ['A bit low', 'A bit low', 'In a healthy range'],
    es: ['Un poco baja', 'Un poco baja', 'En un nivel sano'],
  },
};

describe('buildHandoutModel', () => {
  it('has the meanings of every golden panel written out', () => {
    expect(Object.keys(MEANINGS).sort()).toEqual(GOLDEN.map((golden) => golden.id).sort());
  });

  it.each(GOLDEN.map((golden) => golden.id))(
    '%s: one row per result, words from its status (a censored value that is low either way reads low)',
    (id) => {
      for (const lang of ['en', 'es'] as const) {
        const { interpretation, model } = build(id, lang);
        expect(model.table.rows.map((row) => row.meaning)).toEqual(MEANINGS[id]?.[lang]);
        interpretation.results.forEach((result, index) => {
          const row = model.table.rows[index]!;
          expect(row.status).toBe(result.status);
          expect(row.scale.segments.map((segment) => segment.status)).toEqual(
            result.bands.map((band) => band.status),
          );
        });
      }
    },
  );

  it.each(GOLDEN.map((golden) => golden.id))(
    '%s: the marker sits inside the band of the status',
    (id) => {
      const { interpretation, model } = build(id);
      interpretation.results.forEach((result, index) => {
        const { scale } = model.table.rows[index]!;
        const marker: HandoutScaleMarker = scale.marker;
        if (result.status === 'indeterminate') {
          expect(marker.kind).toBe('range');
          return;
        }
        expect(marker.kind).toBe('point');
        if (marker.kind !== 'point') return;
        const band = scale.segments[marker.at.segment]!;
        expect(band.status).toBe(result.status);
        expect(band.isResult).toBe(true);
        expect(marker.at.fraction).toBeGreaterThan(0);
        expect(marker.at.fraction).toBeLessThan(1);
        expect(marker.openEnd).toBe(
          result.input.comparator === null
            ? 'none'
            : result.input.comparator.startsWith('<')
              ? 'below'
              : 'above',
        );
      });
    },
  );

  it('spans an indeterminate ">25" from the bound to the top, and "<300" from the bottom', () => {
    const { model } = build('censored-indeterminate');
    const [vitaminD, b12] = model.table.rows;
    expect(vitaminD!.scale.marker).toMatchObject({
      kind: 'range',
      from: { segment: 1 },
      to: { segment: 3, fraction: 1 },
    });
    // The bound 300 is the lower end of the healthy band: the range ends where that band starts.
    expect(b12!.scale.marker).toMatchObject({
      kind: 'range',
      from: { segment: 0, fraction: 0 },
      to: { segment: 2, fraction: 0 },
    });
  });

  it('places every value where the result card places it (one rule: findScalePosition)', () => {
    const values: ReadonlyArray<readonly [string, string, readonly number[]]> = [
      ['vitamin-d', 'ng/mL', [1, 9, 12, 19.9, 20, 25, 29.9, 30, 64, 100, 101, 150, 400]],
      ['vitamin-d', 'nmol/L', [10, 49, 50, 74, 75, 250, 300]],
      ['vitamin-b12', 'pg/mL', [50, 199, 200, 250, 300, 600, 900, 901, 2500]],
      ['magnesium', 'mg/dL', [0.5, 1.2, 1.7, 1.8, 2.1, 2.3, 2.4, 4, 9]],
      ['magnesium', 'mmol/L', [0.4, 0.7, 0.75, 0.85, 0.95, 3]],
    ];
    let checked = 0;
    for (const [analyte, unit, numbers] of values) {
      for (const value of [
        ...numbers,
        ...numbers.map((number) => `<${number}`),
        ...numbers.map((number) => `>${number}`),
      ]) {
        const interpretation = interpretOrThrow({ results: [{ analyte, value, unit }] });
        const result = interpretation.results[0]!;
        const { at } = findScalePosition(result);
        const { marker, segments } = buildHandoutModel(interpretation, {
          lang: 'en',
          generatedOn: GENERATED_ON,
        }).table.rows[0]!.scale;
        // The card draws equal-width bands; the handout's point (or the open end of its range)
        // is the same place expressed per band.
        const point =
          marker.kind === 'point'
            ? marker.at
            : result.input.comparator!.startsWith('<')
              ? marker.to
              : marker.from;
        expect((point.segment + point.fraction) / segments.length).toBeCloseTo(at, 10);
        if (marker.kind === 'point') {
          expect(segments[point.segment]!.status).toBe(result.status);
          expect(point.fraction).toBeGreaterThan(0);
          expect(point.fraction).toBeLessThan(1);
        }
        checked++;
      }
    }
    expect(checked).toBe(3 * 44);
  });

  it('describes each band scale in words: value, band or bands, healthy range from the bands', () => {
    const { model, interpretation } = build('all-low-us-units');
    const healthy = (index: number): string => {
      const band = interpretation.results[index]!.bands.find((b) => b.status === 'sufficient')!;
      return `${band.lower} to ${band.upper} ${interpretation.results[index]!.input.unit}`;
    };
    expect(model.table.rows[0]!.scale.alt).toBe(
      `Your level, 12 ng/mL, is in the low range; healthy is ${healthy(0)}.`,
    );
    expect(healthy(0)).toBe('30 to 100 ng/mL');
    const es = build('all-low-us-units', 'es').model;
    expect(es.table.rows[0]!.scale.alt).toBe(
      `Su nivel, 12 ng/mL, está en el rango bajo; el rango sano es de 30 a 100 ng/mL.`,
    );
    const censored = build('censored-indeterminate').model.table.rows;
    expect(censored[0]!.scale.alt).toBe(
      'Your level, more than 25 ng/mL, could be in the a bit low, healthy or high range; healthy is 30 to 100 ng/mL.',
    );
    expect(censored[1]!.scale.alt).toMatch(
      /^Your level, less than 300 pg\/mL, could be in the low or a bit low range; healthy is 300 /,
    );
    expect(build('high-and-critical').model.table.rows.map((row) => row.scale.alt)).toEqual([
      'Your level, 160 ng/mL, is in the high range; healthy is 30 to 100 ng/mL.',
      'Your level, 1500 pg/mL, is in the high range; healthy is 300 to 1000 pg/mL.',
      'Your level, 2.2 mmol/L, is in the high range; healthy is 0.85 to 1.07 mmol/L.',
    ]);
  });

  it('writes a censored value in words, keeping the number and unit interpret() wrote', () => {
    expect(build('censored-decided').model.table.rows.map((row) => row.result)).toEqual([
      'less than 5 ng/mL',
      'more than 2000 pg/mL',
      'less than 1 mg/dL',
    ]);
    expect(build('censored-decided', 'es').model.table.rows[0]!.result).toBe('menos de 5 ng/mL');
  });

  it('lists the header facts that were given, dates in words', () => {
    const { model } = build('all-low-us-units');
    expect(model.facts).toEqual([
      { kind: 'patient', label: 'For', value: 'Łukasz García-Øster' },
      { kind: 'collectedOn', label: 'Blood taken on', value: 'November 20, 2026' },
      { kind: 'clinician', label: 'Your clinician', value: 'Dr. Ana Whitfield' },
      { kind: 'clinic', label: 'Clinic', value: 'Riverside Spine Clinic' },
      { kind: 'phone', label: 'Phone', value: '555-0142' },
    ]);
    expect(build('all-low-us-units', 'es').model.facts[1]!.value).toBe('20 de noviembre de 2026');
    expect(build('censored-decided').model.facts.map((fact) => fact.kind)).toEqual(['patient']);
  });

  it('uses large print when the 65-or-older context is set', () => {
    expect(build('alternative-rule-sets').model.largePrint).toBe(true);
    expect(build('all-low-us-units').model.largePrint).toBe(false);
  });

  it.each([
    ['1961-11-26', true],
    ['1961-11-27', false],
    ['1956-05-01', true],
    ['1990-01-01', false],
  ] as const)(
    'uses large print by age from the birth date %s at asOf 2026-11-26 (65 or older: %s)',
    (birthDate, large) => {
      const golden = GOLDEN.find((entry) => entry.id === 'all-low-us-units')!;
      const interpretation = interpretOrThrow({
        ...golden.panel,
        patient: { name: 'A', birthDate },
      });
      // The age is taken at the interpretation's asOf, not at generatedOn or the clock.
      const model = buildHandoutModel(interpretation, { lang: 'en', generatedOn: '2040-01-01' });
      expect(model.largePrint).toBe(large);
    },
  );

  it('adds patient notes for the ticked context, only to the tests they affect', () => {
    const { model } = build('alternative-rule-sets');
    const goodToKnow = (analyte: string) =>
      model.sections.find((section) => section.analyte === analyte)!.goodToKnow;
    expect(goodToKnow('vitamin-b12')?.paragraphs).toEqual([HANDOUT_TEXT_EN.rules['b12-metformin']]);
    expect(goodToKnow('vitamin-d')).toBeUndefined();
  });

  it('does not suggest eating more of what is already too high', () => {
    const { model } = build('high-and-critical');
    // Food headings name the nutrient (clinical reference 8.3).
    expect(model.sections.map((section) => section.foods?.heading)).toEqual([
      'Foods with vitamin D',
      'Foods with vitamin B12',
      'Foods with magnesium',
    ]);
    for (const section of model.sections) {
      const foods = section.foods!;
      expect(foods.bullets).toEqual([]);
      expect(foods.paragraphs).toHaveLength(1);
      expect(sectionBlocks(section)[0]).toBe(section.why);
    }
  });

  it('footer names every rule set, the rules version and generatedOn', () => {
    const { interpretation, model } = build('alternative-rule-sets');
    const footer = model.footer.lines.join(' ');
    for (const result of interpretation.results) expect(footer).toContain(result.ruleSet.name);
    expect(footer).toContain(interpretation.rulesVersion);
    expect(footer).toContain('November 26, 2026');
    expect(model.footer.disclaimer).toBe('This sheet does not replace advice from your clinician.');
    expect(build('alternative-rule-sets', 'es').model.footer.disclaimer).toBe(
      'Esta hoja no reemplaza los consejos de su proveedor de salud.',
    );
  });
  it('footer names a rule set with cut-offs in the unit the lab reported, in both languages', () => {
    const interpretation = interpretOrThrow({
      results: [
        { analyte: 'vitamin-b12', value: 160, unit: 'pmol/L' },
        { analyte: 'magnesium', value: 2.1, unit: 'mg/dL' },
      ],
    });
    const en = buildHandoutModel(interpretation, { lang: 'en', generatedOn: GENERATED_ON });
    expect(en.footer.lines.join(' ')).toContain(
      'Vitamin B12: Common (borderline 148-221 pmol/L); Magnesium: Rosanoff 2022 (proposed lower limit 2.07 mg/dL)',
    );
    const es = buildHandoutModel(interpretation, { lang: 'es', generatedOn: GENERATED_ON });
    expect(es.footer.lines.join(' ')).toContain('Habitual (zona límite 148-221 pmol/L)');
  });
});

describe('handout wording', () => {
  const all = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(all)
        : typeof value === 'object' && value !== null
          ? Object.values(value).flatMap(all)
          : [];

  it.each([
    ['en', HANDOUT_TEXT_EN],
    ['es', HANDOUT_TEXT_ES],
  ] as const)('%s never promises relief', (_lang, text) => {
    for (const sentence of all(text)) {
      expect(sentence).not.toMatch(
        /\b(cure|will (relieve|fix|stop) (your )?(back )?pain|guarantee)\b/i,
      );
      expect(sentence).not.toMatch(/\b(cura|quitar[áa] (el|su) dolor|garantiza)\b/i);
    }
  });

  it('the model reads no analyte data and no clock (pure module)', () => {
    const source = readFileSync(join(process.cwd(), 'lib', 'handout', 'model.ts'), 'utf8');
    expect(source).not.toMatch(/from ['"][^'"]*analytes\//);
    expect(source).not.toMatch(/pdf-lib|fontkit|new Date|Date\.now/);
  });
});
