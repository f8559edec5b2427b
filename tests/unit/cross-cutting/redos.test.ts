/**
 * A ReDoS checker over every regular expression in the code that can see client input: each
 * regex literal in lib/, server/, scripts/, components/, app/ and proxy.ts, found with the
 * TypeScript scanner (so a new pattern is checked the day it is written), and the zod format
 * patterns the schemas use. `recheck` decides each one with automata theory (and fuzzing where
 * that cannot) and must call it safe: no polynomial or exponential backtracking.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE_DIRS = ['lib', 'server', 'scripts', 'components', 'app'];
const SOURCE_FILES = ['proxy.ts', 'instrumentation.ts', 'next.config.mjs'];
const SOURCE_EXTENSIONS = /\.(?:ts|tsx|mjs)$/;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (SOURCE_EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}

interface FoundPattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Every regex literal and every `new RegExp(...)`/`RegExp(...)` call of a file. */
function findPatterns(file: string): { patterns: FoundPattern[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const patterns: FoundPattern[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      patterns.push({
        where: where(node),
        source: literal.slice(1, end),
        flags: literal.slice(end + 1),
      });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      dynamic.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { patterns, dynamic };
}

const files = [
  ...SOURCE_DIRS.flatMap((dir) => listFiles(join(ROOT, dir))),
  ...SOURCE_FILES.map((file) => join(ROOT, file)),
];
const found = files.map(findPatterns);
const patterns = found.flatMap((entry) => entry.patterns);

/** zod's own patterns behind the formats our schemas use on client text. */
const ZOD_PATTERNS: FoundPattern[] = [
  { where: 'zod z.iso.date()', source: z.regexes.date.source, flags: z.regexes.date.flags },
];

describe('regular expressions', () => {
  it('finds the patterns (the scan itself works)', () => {
    expect(patterns.length).toBeGreaterThan(10);
    expect(patterns.some((pattern) => pattern.where.startsWith('lib/schemas.ts'))).toBe(true);
  });

  it('builds no pattern at run time (every pattern is a literal this test can check)', () => {
    expect(found.flatMap((entry) => entry.dynamic)).toEqual([]);
  });

  it.each(
    [...patterns, ...ZOD_PATTERNS].map((p) => [`${p.where} /${p.source}/${p.flags}`, p] as const),
  )('%s is safe', (_label, pattern) => {
    // The automaton checker decides exactly; recheck's default would fuzz patterns with a large
    // automaton (e.g. a bounded repeat {1,64}), and random fuzzing called a safe pattern
    // "polynomial" in some runs and not others. Fuzz (seeded, so every run agrees) only when the
    // automaton cannot decide.
    const exact = checkSync(pattern.source, pattern.flags, {
      timeout: 20_000,
      checker: 'automaton',
    });
    const diagnostics =
      exact.status === 'unknown'
        ? checkSync(pattern.source, pattern.flags, {
            timeout: 20_000,
            checker: 'fuzz',
            randomSeed: 1,
          })
        : exact;
    // Name the verdict and complexity only: the attack string can be megabytes long.
    const verdict =
      diagnostics.status === 'vulnerable'
        ? `vulnerable (${diagnostics.complexity.summary})`
        : diagnostics.status === 'unknown'
          ? `unknown (${diagnostics.error.kind})`
          : 'safe';
    expect(verdict).toBe('safe');
  });
});
