import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { EntryPage } from './pages/entry-page';

/**
 * The first handout of a page, made in the browser: its fonts come from versioned, immutable
 * URLs, only the files the names need are fetched, and the PDF is byte for byte the one the CLI
 * writes for the same panel on the same day (issue 13, part 3).
 */

const scratch = mkdtempSync(join(tmpdir(), 'handout-download-'));
test.afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const panelWith = (name: string) => ({
  collectedOn: '2026-11-20',
  patient: { name },
  clinician: { name: 'Dr. Ana Whitfield', clinic: 'Riverside Spine Clinic', phone: '555-0142' },
  results: [
    { analyte: 'vitamin-d' as const, value: 12, unit: 'ng/mL' },
    { analyte: 'vitamin-b12' as const, value: 180, unit: 'pg/mL' },
    { analyte: 'magnesium' as const, value: 1.5, unit: 'mg/dL' },
  ],
});

/** The handout the CLI writes for a panel (today's date, as the browser's). */
function cliHandout(panel: object, lang: 'en' | 'es', paper: 'letter' | 'a4'): Buffer {
  const input = join(scratch, 'panel.json');
  const output = join(scratch, 'cli.pdf');
  writeFileSync(input, JSON.stringify(panel));
  execFileSync(
    process.execPath,
    ['scripts/labs.mjs', 'handout', input, '--out', output, '--lang', lang, '--paper', paper],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return readFileSync(output);
}

/** Font files fetched by the page, with the Cache-Control they came with. */
function recordFonts(page: Page): Array<{ url: string; cacheControl: string }> {
  const fonts: Array<{ url: string; cacheControl: string }> = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.ttf')) return;
    fonts.push({
      url: new URL(response.url()).pathname,
      cacheControl: response.headers()['cache-control'] ?? '',
    });
  });
  return fonts;
}

for (const [label, name, lang, paper, extra] of [
  ['Latin', 'Łukasz García-Øster', 'en', 'letter', []],
  ['Greek', 'Νίκος Παπαδόπουλος', 'es', 'a4', ['dejavu-3']],
  ['Cyrillic', 'Дмитрий Смирнов', 'en', 'a4', ['dejavu-4']],
  ['Han', '王小明', 'es', 'letter', ['sc-5c', 'sc-66', 'sc-73']],
] as const) {
  test(`first handout, ${label} name: immutable font files, only those needed, same bytes as the CLI`, async ({
    page,
  }) => {
    const fonts = recordFonts(page);
    const entry = new EntryPage(page);
    await entry.goto();
    expect(fonts).toEqual([]);
    const panel = panelWith(name);
    await entry.fillPanel(panel);
    await entry.interpret();
    await entry.handoutLanguage.selectOption(lang);
    await entry.handoutPaper.selectOption(paper);
    const download = await entry.downloadHandout();
    const browser = readFileSync((await download.path())!);

    expect(Buffer.compare(browser, cliHandout(panel, lang, paper))).toBe(0);
    const keys = new Set(
      fonts.map((font) => /\/([a-z0-9-]+)\.(?:regular|bold)\.ttf$/.exec(font.url)?.[1]),
    );
    expect([...keys].sort()).toEqual(['dejavu-core', ...extra].sort());
    for (const font of fonts) {
      expect(font.url).toMatch(/^\/fonts\/handout\/f-[0-9a-f]{8}\//);
      expect(font.cacheControl).toBe('public, max-age=31536000, immutable');
    }
  });
}
