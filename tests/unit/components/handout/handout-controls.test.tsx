// @vitest-environment happy-dom
// The handout controls date the handout as its interpretation is dated (issue 12: no second
// "today"), for the idle-time prefetch and for the download alike, so the click finds the
// prefetched PDF.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoutControls } from '@/components/handout/handout-controls';
import { interpret } from '@/lib/interpret';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';

const calls = vi.hoisted(() => ({
  prefetch: [] as Array<{ lang: string; paper: string; generatedOn: string }>,
  download: [] as Array<{ lang: string; paper: string; generatedOn: string; fileName: string }>,
}));
vi.mock('@/components/handout/download-handout', () => ({
  prefetchHandout: (_: unknown, choice: (typeof calls.prefetch)[number]) => {
    calls.prefetch.push(choice);
    return Promise.resolve();
  },
  downloadHandout: (_: unknown, choice: (typeof calls.download)[number]) => {
    calls.download.push(choice);
    return Promise.resolve(choice.fileName);
  },
}));

afterEach(() => {
  cleanup();
  calls.prefetch.length = 0;
  calls.download.length = 0;
});

function interpretedOn(asOf: string) {
  const outcome = interpret(GOLDEN_CASES[0]?.panel, { asOf });
  if (!outcome.ok) throw new Error('golden panel refused');
  return outcome.value;
}

describe('HandoutControls', () => {
  it('prefetches and downloads the handout dated by the interpretation, not by the clock', async () => {
    // An interpretation made on an earlier day (the page was left open for days).
    render(
      <HandoutControls interpretation={interpretedOn('2026-11-21')} fileName="handout-AB.pdf" />,
    );
    await waitFor(() => expect(calls.prefetch).toHaveLength(1), { timeout: 3000 });
    expect(calls.prefetch[0]).toEqual({ lang: 'en', paper: 'letter', generatedOn: '2026-11-21' });

    fireEvent.change(screen.getByRole('combobox', { name: 'Handout language' }), {
      target: { value: 'es' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download handout (PDF)' }));
    await screen.findByText('Handout saved as handout-AB.pdf.');
    expect(calls.download).toEqual([
      { lang: 'es', paper: 'letter', generatedOn: '2026-11-21', fileName: 'handout-AB.pdf' },
    ]);
    // The language change prefetched the Spanish handout with the same date.
    await waitFor(() => expect(calls.prefetch).toHaveLength(2), { timeout: 3000 });
    expect(calls.prefetch[1]?.generatedOn).toBe('2026-11-21');
  });

  it('refuses the download while the results are out of date', () => {
    render(
      <HandoutControls
        interpretation={interpretedOn('2026-11-21')}
        fileName="handout-AB.pdf"
        blockedReason="The results are out of date."
      />,
    );
    const button = screen.getByRole('button', { name: 'Download handout (PDF)' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Download blocked. The results are out of date.')).toBeTruthy();
    fireEvent.click(button);
    expect(calls.download).toEqual([]);
  });
});
