import { describe, expect, it } from 'vitest';
import { buildPanel, handoutFileName, initialsOf } from '@/components/entry/form-model';
import { noteText } from '@/components/results/note-text';
import { interpret } from '@/lib/interpret';
import { AS_OF, ORDER, formWith } from '@/tests/unit/support/form-model-fixtures';

describe('handout file name: initials and date, never the name', () => {
  it.each([
    ['Jane Q Doe', 'JQD'],
    ['José Álvarez-Núñez', 'JAN'],
    ["Mary-Jane O'Neil Smith Brown", 'MJO'],
    ['  ', ''],
    ['Νίκος Παπαδόπουλος', 'ΝΠ'],
  ])('%s -> %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('uses the collection date, else today, and leaves the name out', () => {
    expect(handoutFileName('Jane Q Doe', '2026-11-20', '2026-12-03')).toBe(
      'handout-JQD-2026-11-20.pdf',
    );
    expect(handoutFileName('', null, '2026-12-03')).toBe('handout-2026-12-03.pdf');
    expect(handoutFileName('Jane Q Doe', null, '2026-12-03')).not.toContain('Jane');
  });
});

describe('noteText: the plain-text summary for the note', () => {
  it('carries identifiers, each result with unit, status, rule set, step and rules version', () => {
    const form = formWith(
      { 'vitamin-d': { value: '12' }, magnesium: { value: '0.64' } },
      { patientName: 'Ann Lee', patientBirthDate: '1970-05-04', collectedOn: '2026-11-20' },
    );
    const outcome = interpret(buildPanel(form, ORDER).panel, { asOf: AS_OF });
    if (!outcome.ok) throw new Error('expected an interpretation');
    const text = noteText(outcome.value);
    const lines = text.split('\n');
    expect(lines[1]).toBe('Patient: Ann Lee, born 1970-05-04');
    expect(lines[2]).toBe(`Collected: 2026-11-20; interpreted ${AS_OF}`);
    const d = outcome.value.results[0]!;
    expect(text).toContain(`- ${d.analyteShortName}: 12 ng/mL`);
    expect(text).toContain(`${d.statusLabel} - rule set ${d.ruleSet.name}`);
    expect(text).toContain(`Next step: ${d.nextSteps[0]?.text ?? ''}`);
    // The magnesium mix-up: critical, worded "check the unit" first, and its warning.
    expect(text).toMatch(/CRITICAL: Check the unit first/);
    expect(text).toContain('Warning: 0.64 mg/dL fits mmol/L');
    expect(lines.at(-1)).toContain(`Rules version ${outcome.value.rulesVersion}`);
  });

  it('leaves out the patient line when no name or birth date was entered', () => {
    const outcome = interpret(buildPanel(formWith({ 'vitamin-d': { value: '30' } }), ORDER).panel, {
      asOf: AS_OF,
    });
    if (!outcome.ok) throw new Error('expected an interpretation');
    expect(noteText(outcome.value)).not.toContain('Patient:');
    expect(noteText(outcome.value)).toContain('Collected: date not entered');
  });
});
