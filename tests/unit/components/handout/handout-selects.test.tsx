// @vitest-environment happy-dom
// The handout's language and paper selects, shared by the results' controls and the SMART
// "file to the chart" step: the options they offer and the typed values they report.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoutLangSelect, PaperSelect } from '@/components/handout/handout-selects';

afterEach(cleanup);

const optionTexts = (select: HTMLElement) =>
  Array.from(select.querySelectorAll('option')).map((o) => [o.value, o.textContent]);

describe('HandoutLangSelect', () => {
  it('offers English and Spanish, shows the chosen one and reports a change', () => {
    const onChange = vi.fn();
    render(
      <label>
        Language <HandoutLangSelect id="lang" value="es" onChange={onChange} />
      </label>,
    );
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select.id).toBe('lang');
    expect(optionTexts(select)).toEqual([
      ['en', 'English'],
      ['es', 'Spanish (Español)'],
    ]);
    expect((select as HTMLSelectElement).value).toBe('es');
    fireEvent.change(select, { target: { value: 'en' } });
    expect(onChange).toHaveBeenCalledWith('en');
  });
});

describe('PaperSelect', () => {
  it('offers Letter and A4 and reports a change', () => {
    const onChange = vi.fn();
    render(
      <label>
        Paper <PaperSelect value="letter" onChange={onChange} />
      </label>,
    );
    const select = screen.getByRole('combobox', { name: 'Paper' });
    expect(optionTexts(select)).toEqual([
      ['letter', 'Letter'],
      ['a4', 'A4'],
    ]);
    fireEvent.change(select, { target: { value: 'a4' } });
    expect(onChange).toHaveBeenCalledWith('a4');
  });
});
