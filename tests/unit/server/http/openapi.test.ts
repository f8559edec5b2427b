/**
 * The OpenAPI document passes Redocly's recommended lint with no error and no warning, and
 * carries what a generated client needs: servers, a licence, an operationId on every
 * operation, and the 404 and 406 answers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/server/http/openapi';

const document = buildOpenApiDocument();
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { operationId?: string; responses: object }>).map(
    ([method, operation]) => ({ path, method, operation }),
  ),
);

describe('OpenAPI document', () => {
  it('passes `redocly lint` (recommended rules) with 0 errors and 0 warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      let output: string;
      try {
        output = execFileSync(
          join('node_modules', '.bin', 'redocly'),
          ['lint', file, '--format=json'],
          {
            encoding: 'utf8',
            env: {
              ...process.env,
              REDOCLY_TELEMETRY: 'off',
              REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            },
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 90_000,
          },
        );
      } catch (error) {
        // redocly exits 1 when it finds errors; its report is still on stdout.
        output = String((error as { stdout?: unknown }).stdout ?? '');
      }
      const report = JSON.parse(output) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string }>;
      };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('names servers and a licence', () => {
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.info.license.name).not.toBe('');
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents 404 and 406 on every operation, and 413/415 where a body is read', () => {
    for (const { path, method, operation } of operations) {
      expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
        expect.arrayContaining(['404', '406']),
      );
      if (method === 'post') {
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['413', '415']));
      }
    }
  });

  it('lists every request media type the API reads', () => {
    const interpret = document.paths['/api/interpret'] as {
      post: { requestBody: { content: Record<string, unknown> } };
    };
    expect(Object.keys(interpret.post.requestBody.content).sort()).toEqual(
      [
        'application/fhir+json',
        'application/hl7-v2',
        'application/json',
        'application/json+fhir',
        'x-application/hl7-v2+er7',
      ].sort(),
    );
  });
});
