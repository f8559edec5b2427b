import { describe, expect, it } from 'vitest';
import { ANALYTES } from '@/lib/analytes/registry';
import { findCitation } from '@/lib/citations';
import { HANDOUT_TEXT_EN } from '@/lib/handout/text/en';
import { HANDOUT_TEXT_ES } from '@/lib/handout/text/es';
import {
  CRITICAL_CITATION_IDS,
  EMERGENCY_SYMPTOMS,
  PATIENT_RULES,
  RED_FLAG_CITATION_IDS,
} from '@/lib/safety/patient-rules';
import { applyRules } from '@/lib/safety/rule';
import type { RuleFacts } from '@/lib/safety/rule';
import type { AnalyteId, BandStatus, ContextFlag, Status } from '@/lib/types';

const facts = (
  analyte: AnalyteId,
  status: Status,
  options: {
    context?: ContextFlag[];
    critical?: 'low' | 'high' | null;
    possible?: BandStatus[];
  } = {},
): RuleFacts => ({
  analyte,
  status,
  possible: options.possible ?? (status === 'indeterminate' ? [] : [status]),
  critical: options.critical ?? null,
  context: options.context ?? [],
  ageYears: null,
});

const shown = (f: RuleFacts): string[] => applyRules(PATIENT_RULES, f).shown.map((s) => s.id);
const suppressed = (f: RuleFacts): ReadonlySet<string> => applyRules(PATIENT_RULES, f).suppressed;

describe('PATIENT_RULES', () => {
  it('every rule has a sentence in both languages, and every citation resolves', () => {
    for (const rule of PATIENT_RULES) {
      expect(HANDOUT_TEXT_EN.rules[rule.id]).toBeTruthy();
      expect(HANDOUT_TEXT_ES.rules[rule.id]).toBeTruthy();
      for (const id of rule.citationIds) expect(findCitation(id), id).toBeDefined();
    }
    for (const id of [...RED_FLAG_CITATION_IDS, ...CRITICAL_CITATION_IDS]) {
      expect(findCitation(id), id).toBeDefined();
    }
    expect(new Set(PATIENT_RULES.map((rule) => rule.id)).size).toBe(PATIENT_RULES.length);
  });

  it('every suppression names a rule, a food list or a habit', () => {
    const ids = new Set<string>(PATIENT_RULES.map((rule) => rule.id));
    for (const rule of PATIENT_RULES) {
      for (const id of 'suppresses' in rule ? rule.suppresses : []) {
        expect(ids.has(id) || /^(foods|habit):/.test(id), id).toBe(true);
      }
    }
  });

  it('high or critical vitamin D keeps both stop lines and drops calcium advice', () => {
    for (const f of [
      facts('vitamin-d', 'high'),
      facts('vitamin-d', 'high', { critical: 'high' }),
    ]) {
      expect(shown(f)).toEqual(expect.arrayContaining(['vd-stop-pills', 'vd-no-extra']));
      expect([...suppressed(f)]).toEqual(
        expect.arrayContaining(['foods:vitamin-d', 'habit:calcium']),
      );
      expect(shown(f)).not.toContain('vd-pills');
    }
  });

  it('high vitamin D that is not critical gets the 911 signs of high calcium, a critical one its own box', () => {
    expect(shown(facts('vitamin-d', 'high'))).toContain('vd-high-symptoms');
    expect(shown(facts('vitamin-d', 'high', { critical: 'high' }))).not.toContain(
      'vd-high-symptoms',
    );
    for (const status of ['deficient', 'insufficient', 'sufficient'] as const) {
      expect(shown(facts('vitamin-d', status))).not.toContain('vd-high-symptoms');
    }
    // Every "call 911" lead has its symptom list in both languages.
    for (const [id, kind] of Object.entries(EMERGENCY_SYMPTOMS)) {
      for (const text of [HANDOUT_TEXT_EN, HANDOUT_TEXT_ES]) {
        expect(text.rules[id as keyof typeof EMERGENCY_SYMPTOMS]).toMatch(/911/);
        expect(text.critical.symptoms[kind].length).toBeGreaterThan(0);
      }
    }
  });

  it('every rule set has a Spanish name for the footer', () => {
    for (const analyte of Object.values(ANALYTES)) {
      for (const ruleSet of analyte.ruleSets) {
        expect(HANDOUT_TEXT_ES.ruleSetNames[ruleSet.id], ruleSet.id).toBeDefined();
      }
    }
  });

  it('kidney disease drops every diet change of the habits too (calcium, fats, fast food)', () => {
    const f = facts('vitamin-d', 'deficient', { context: ['ckd'] });
    for (const id of ['habit:calcium', 'habit:omega-3', 'habit:cut-processed']) {
      expect(suppressed(f).has(id)).toBe(true);
    }
    expect(suppressed(f).has('habit:move')).toBe(false);
  });

  it('critical low magnesium: the clinician decides today, no pill and no food list', () => {
    const f = facts('magnesium', 'deficient', { critical: 'low' });
    expect(shown(f)).toContain('mg-critical-low-decide');
    expect(shown(f)).not.toContain('mg-pills');
    expect(shown(f)).not.toContain('mg-side-effect');
    expect(suppressed(f).has('foods:magnesium')).toBe(true);
  });

  it.each(['deficient', 'insufficient', 'sufficient', 'high'] as const)(
    'kidney disease never suggests magnesium pills, food or fluid changes (%s)',
    (status) => {
      const f = facts('magnesium', status, { context: ['ckd'] });
      expect(shown(f)).toContain('mg-ckd-no-pills');
      expect(shown(f)).toContain('ckd-diet');
      expect(shown(f)).not.toContain('mg-pills');
      expect(shown(f)).not.toContain('mg-stop-high');
      for (const id of ['foods:magnesium', 'foods:vitamin-d', 'foods:vitamin-b12']) {
        expect(suppressed(f).has(id)).toBe(true);
      }
    },
  );

  it('context notes follow the direction of the result (B12 shot)', () => {
    const low = facts('vitamin-b12', 'deficient', { context: ['recent-b12-injection'] });
    expect(shown(low)).toContain('b12-injection-low');
    expect(shown(low)).not.toContain('b12-injection-high');
    const high = facts('vitamin-b12', 'high', { context: ['recent-b12-injection'] });
    expect(shown(high)).toContain('b12-injection-high');
    expect(shown(high)).not.toContain('b12-injection-low');
  });

  it('a censored value low either way gets the low content; interactions wherever pills are', () => {
    const f = facts('vitamin-d', 'indeterminate', { possible: ['deficient', 'insufficient'] });
    expect(shown(f)).toEqual(expect.arrayContaining(['vd-pills', 'vd-ceiling', 'vd-interactions']));
    expect(shown(f)).not.toContain('vd-new-test');
    const mg = facts('magnesium', 'deficient');
    expect(shown(mg)).toEqual(
      expect.arrayContaining([
        'mg-pills',
        'mg-interactions-antibiotics',
        'mg-interactions-other',
        'mg-side-effect',
      ]),
    );
  });

  it('metformin, PPI, pregnancy: do not stop the medicine; pregnancy content', () => {
    expect(shown(facts('vitamin-b12', 'deficient', { context: ['metformin'] }))).toEqual(
      expect.arrayContaining(['metformin-do-not-stop', 'b12-food-may-not-fix', 'b12-metformin']),
    );
    expect(shown(facts('magnesium', 'sufficient', { context: ['ppi'] }))).toContain(
      'ppi-do-not-stop',
    );
    expect(shown(facts('vitamin-d', 'deficient', { context: ['pregnancy'] }))).toEqual(
      expect.arrayContaining(['vd-pregnancy', 'pregnancy-fish', 'pregnancy-warning']),
    );
  });
});
