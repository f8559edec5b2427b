/**
 * No import cycle in the source tree (issue 12): madge builds the module graph the way the
 * bundler resolves it (tsconfig paths, so `@/lib/...` edges count; type-only imports count too).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const SOURCE_ROOTS = ['lib', 'server', 'app', 'components', 'scripts', 'proxy.ts'];
const OPTIONS = {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.json',
  excludeRegExp: [/node_modules/, /\.d\.ts$/],
};

describe('the module graph', () => {
  it('has no import cycle in lib, server, app, components or scripts', async () => {
    const graph = await madge(SOURCE_ROOTS, OPTIONS);
    // The graph follows the `@/` alias: otherwise a cycle through it would go unseen.
    expect(graph.obj()['server/read-interpretations.ts']).toContain('lib/formats/document.ts');
    expect(graph.circular()).toEqual([]);
  }, 120_000);

  it('reports a cycle when there is one (the check itself can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labs-cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
      writeFileSync(
        join(dir, 'b.ts'),
        "import type { a } from './a';\nexport const b = 1 as unknown as typeof a;\n",
      );
      const graph = await madge(dir, { fileExtensions: ['ts'] });
      expect(graph.circular()).toEqual([['a.ts', 'b.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
