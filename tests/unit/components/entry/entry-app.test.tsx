// @vitest-environment happy-dom
// The entry form's state, rendered with React Testing Library: where a browser run would be
// overkill (the e2e suites cover the same flows end to end in Chromium).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryApp } from '@/components/entry/entry-app';
import { listFormOptions } from '@/lib/references';

// The handout's PDF code and fonts are prefetched when results appear; not needed here.
vi.mock('@/components/handout/download-handout', () => ({
  loadFonts: () => Promise.resolve(),
  downloadHandout: () => Promise.resolve('handout.pdf'),
}));

const OPTIONS = listFormOptions();
const STORAGE_KEY = 'lab-interpreter.clinic-preferences.v1';

function renderForm() {
  return render(<EntryApp options={OPTIONS} bandLabels={{}} />);
}

const value = (name: string) => screen.getByRole('textbox', { name: `${name} value` });
const unit = (name: string) => screen.getByRole('combobox', { name: `${name} unit` });
const change = (element: HTMLElement, text: string) =>
  fireEvent.change(element, { target: { value: text } });

async function interpret(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Interpret' }));
  // The interpreter is loaded on first use (a dynamic import): allow for its first load.
  return screen.findByRole('region', { name: /Results/ }, { timeout: 20_000 });
}

beforeEach(() => {
  window.localStorage.clear();
});
afterEach(() => {
  cleanup();
});

describe('entry form state', () => {
  it('an edit after Interpret marks the results out of date and blocks the handout and note', async () => {
    renderForm();
    change(value('Vitamin D'), '25');
    const results = await interpret();
    expect(results.getAttribute('data-current')).toBe('true');
    const download = within(results).getByRole('button', { name: /Download handout/ });
    expect(download).toHaveProperty('disabled', false);

    change(value('Vitamin D'), '80');
    expect(results.getAttribute('data-current')).toBe('false');
    expect(within(results).getByRole('heading', { name: /out of date/ })).toBeTruthy();
    expect(download).toHaveProperty('disabled', true);
    expect(within(results).getByRole('button', { name: 'Copy for the note' })).toHaveProperty(
      'disabled',
      true,
    );
    // Typing the interpreted value back makes them current again.
    change(value('Vitamin D'), '25');
    expect(results.getAttribute('data-current')).toBe('true');
  });

  it('a unit change marks the results out of date and reinterpreting reads the new unit', async () => {
    renderForm();
    change(value('Vitamin D'), '25');
    const results = await interpret();
    expect(within(results).getByText('25 ng/mL')).toBeTruthy();
    change(unit('Vitamin D'), 'nmol/L');
    expect(results.getAttribute('data-current')).toBe('false');
    const updated = await interpret();
    await waitFor(() => expect(updated.getAttribute('data-current')).toBe('true'));
    expect(within(updated).getByText('25 nmol/L')).toBeTruthy();
  });

  it('an invalid value is reported under its field and focused; fixing it clears the message', async () => {
    renderForm();
    change(value('Magnesium'), 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Interpret' }));
    const field = value('Magnesium');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    // Focus moves in the effect after the render that marks the field (a moment later).
    await waitFor(() => expect(document.activeElement).toBe(field));
    change(field, '0.8');
    expect(field.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('an import fills the form and lists every row it could not place', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: /Import FHIR, HL7 or CSV/ }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    change(
      within(dialog).getByLabelText(/Text to import/),
      [
        'panel_id,analyte,value,unit',
        'P1,Vitamin D,9,ng/mL',
        'P1,B12,190,pg/mL',
        'P1,B12,210,pg/mL',
        'P1,Magnesium,0.64,mg/L',
        'P1,Ferritin,40,ng/mL',
      ].join('\n'),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Read', hidden: true }));
    // The readers are loaded on first use (a dynamic import): allow for their first load.
    const summary = await within(dialog).findByText(/Read as CSV/, {}, { timeout: 20_000 });
    expect(summary).toBeTruthy();
    // The other test is listed as not read, with its name.
    expect(within(dialog).getByText(/Not read \(1/).textContent).toMatch(/ferritin/i);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fill the form', hidden: true }));

    await waitFor(() => expect((value('Vitamin D') as HTMLInputElement).value).toBe('9'));
    expect((value('Vitamin B12') as HTMLInputElement).value).toBe('190');
    // mg/L is not offered for magnesium: the row stays empty, and the announcement says why.
    expect((value('Magnesium') as HTMLInputElement).value).toBe('');
    const status = screen.getAllByRole('status').map((node) => node.textContent ?? '');
    const announced = status.find((text) => text.startsWith('Form filled from the import')) ?? '';
    expect(announced).toContain('only the first result per analyte fills the form');
    expect(announced).toContain('unit "mg/L" is not offered');
  });

  it('remembers units, rule sets and the clinician, never values or the patient', async () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        units: { 'vitamin-d': 'nmol/L', magnesium: 'not-a-unit' },
        ruleSets: {},
        clinician: { name: 'Dr. Remembered', clinic: '', phone: '' },
      }),
    );
    renderForm();
    // Restored after hydration; a unit the form does not offer is ignored.
    await waitFor(() => expect((unit('Vitamin D') as HTMLSelectElement).value).toBe('nmol/L'));
    expect((unit('Magnesium') as HTMLSelectElement).value).toBe(OPTIONS[2]?.defaultUnit);
    expect(screen.getByText(/Dr\. Remembered/)).toBeTruthy();

    change(unit('Magnesium'), 'mg/dL');
    change(value('Magnesium'), '1.9');
    change(screen.getByRole('textbox', { name: 'Patient name' }), 'Ann Example');
    await act(async () => {
      await Promise.resolve();
    });
    const saved = window.localStorage.getItem(STORAGE_KEY) ?? '';
    expect(JSON.parse(saved)).toMatchObject({ units: { magnesium: 'mg/dL' } });
    expect(saved).not.toContain('1.9');
    expect(saved).not.toContain('Ann Example');
    expect(screen.getByText(/Remembered on this computer/)).toBeTruthy();
  });
});
