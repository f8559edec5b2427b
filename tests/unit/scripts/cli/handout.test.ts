import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runHandoutCommand } from '@/scripts/cli/handout';
import { runCli } from '@/tests/unit/support/cli';
import { GOLDEN, readPdfText } from '@/tests/unit/support/handout';

const run = (args: string[], stdinText = '') =>
  runCli(runHandoutCommand, args, { stdin: stdinText, today: '2026-11-26' });

const dir = mkdtempSync(join(tmpdir(), 'handout-cli-'));
const panelFile = join(dir, 'panel.json');
writeFileSync(panelFile, JSON.stringify(GOLDEN[0]!.panel));

describe('labs handout', () => {
  it('writes a Letter English handout by default, dated today', async () => {
    const out = join(dir, 'default.pdf');
    const { code, stderr } = await run([panelFile, '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const bytes = new Uint8Array(readFileSync(out));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    expect((await readPdfText(bytes)).text).toContain('Made on November 26, 2026.');
  });

  it('reads stdin, writes Spanish on A4', async () => {
    const out = join(dir, 'es.pdf');
    const { code } = await run(
      ['-', '--out', out, '--lang', 'es', '--paper', 'a4'],
      JSON.stringify(GOLDEN[8]!.panel),
    );
    expect(code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect((await PDFDocument.load(bytes)).getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    expect((await readPdfText(bytes)).text).toContain('Sus resultados de sangre');
  });

  it('can write the PDF to stdout', async () => {
    const { code, stdoutBytes: stdout } = await run([panelFile, '--out', '-']);
    expect(code).toBe(0);
    expect(stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('bad input: exit 2, "path: message" lines, nothing written', async () => {
    const out = join(dir, 'bad.pdf');
    const panel = {
      results: [
        { analyte: 'vitamin-d', value: -1, unit: 'ng/mL' },
        { analyte: 'zinc', value: 1, unit: 'x' },
      ],
    };
    const { code, stderr } = await run(['-', '--out', out], JSON.stringify(panel));
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/^results\[\d\]\.\w+: .+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((file) => file.includes('bad'))).toEqual([]);
  });

  it('rejects text that is not a panel, and more than one panel', async () => {
    const out = join(dir, 'none.pdf');
    expect((await run(['-', '--out', out], 'hello')).code).toBe(2);
    const two = JSON.stringify([GOLDEN[0]!.panel, GOLDEN[1]!.panel]);
    const result = await run(['-', '--out', out], two);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^\(input\): must hold exactly one panel/);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--out', 'x.pdf']],
    [[panelFile]],
    [[panelFile, '--out', 'x.pdf', '--lang', 'fr']],
    [[panelFile, '--out', 'x.pdf', '--paper', 'legal']],
    [[panelFile, '--out', 'x.pdf', '--colour']],
  ])('usage error for %j: exit 64', async (args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(64);
    expect(stderr).toContain('Usage: npm run --silent labs -- handout');
  });

  it('a missing file: exit 66', async () => {
    expect((await run([join(dir, 'missing.json'), '--out', join(dir, 'm.pdf')])).code).toBe(66);
  });
});
