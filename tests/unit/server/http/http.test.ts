import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildPageCsp, createNonce } from '@/server/http/csp';
import { negotiateMediaType, parseBodyContentType } from '@/server/http/media-type';
import { MAX_LISTED_ERRORS } from '@/server/http/limits';
import { interpretationSchema } from '@/lib/interpretation-schema';
import { referencesSchema } from '@/lib/references-schema';
import { buildOpenApiDocument } from '@/server/http/openapi';
import { interpret } from '@/lib/interpret';
import { buildReferences } from '@/lib/references';
import { GOLDEN_CASES } from '@/tests/unit/support/golden-cases';
import {
  buildProblem,
  PROBLEM_CODES,
  PROBLEM_TABLE,
  problemSchema,
  problemTypeUri,
  toProblemError,
} from '@/server/http/problem';
import { panelSchema } from '@/lib/schemas';

describe('buildProblem', () => {
  it.each([
    ['malformed-json', 400],
    ['invalid-parameter', 400],
    ['unauthorized', 401],
    ['not-found', 404],
    ['method-not-allowed', 405],
    ['not-acceptable', 406],
    ['payload-too-large', 413],
    ['too-many-panels', 413],
    ['unsupported-media-type', 415],
    ['invalid-panel', 422],
    ['unsupported-header', 400],
    ['internal', 500],
  ] as const)('maps %s to %i', (code, status) => {
    expect(PROBLEM_TABLE[code].status).toBe(status);
    expect(buildProblem(code)).toEqual({
      type: problemTypeUri(code),
      title: PROBLEM_TABLE[code].title,
      status,
      detail: PROBLEM_TABLE[code].detail,
      errors: [],
      errorCount: 0,
    });
  });

  it('lists at most MAX_LISTED_ERRORS errors and counts the rest', () => {
    const errors = Array.from({ length: 1000 }, (_, index) => ({
      path: `[${index}] results`,
      message: 'is required',
    }));
    const problem = buildProblem('invalid-panel', errors);
    expect(problem.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(problem.errors[0]).toEqual(errors[0]);
    expect(problem.errorCount).toBe(1000);
    expect(problem.detail).toContain(`The first ${MAX_LISTED_ERRORS} of 1000 problems are listed.`);
    expect(JSON.stringify(problem).length).toBeLessThan(5000);
  });

  it('lists field errors with their paths printed at the door and their codes dropped', () => {
    const problem = buildProblem('invalid-panel', [
      toProblemError({ path: ['results', 0, 'value'], message: 'is required', code: 'required' }),
      toProblemError({
        path: [{ label: 'row 5 (panel P3)' }, 'value'],
        message: 'must be a number',
        code: 'not-a-number',
      }),
      toProblemError({ path: ['entry', 4, 'resource', 'code'], message: 'm', code: 'invalid' }),
    ]);
    expect(problem.errors).toEqual([
      { path: 'results[0].value', message: 'is required' },
      { path: 'row 5 (panel P3) value', message: 'must be a number' },
      { path: 'entry[4].resource.code', message: 'm' },
    ]);
    expect(problemSchema.safeParse(problem).success).toBe(true);
  });

  it('gives every code its own type URI', () => {
    expect(new Set(PROBLEM_CODES.map(problemTypeUri)).size).toBe(PROBLEM_CODES.length);
  });
});

describe('parseBodyContentType', () => {
  it.each([
    ['application/json', 'json', 'application/json'],
    ['Application/JSON', 'json', 'application/json'],
    ['application/json; charset=utf-8', 'json', 'application/json'],
    ['application/json;charset="UTF-8"', 'json', 'application/json'],
    ['application/fhir+json; fhirVersion=4.0', 'json', 'application/fhir+json'],
    ['application/json+fhir', 'json', 'application/fhir+json'],
    ['x-application/hl7-v2+er7', 'text', 'x-application/hl7-v2+er7'],
    ['application/hl7-v2; charset=us-ascii', 'text', 'application/hl7-v2'],
  ] as const)('reads %s as %s', (header, kind, mediaType) => {
    expect(parseBodyContentType(header)).toEqual({ kind, mediaType });
  });

  it.each([
    null,
    '',
    'text/plain',
    'application/jsonx',
    'application/json; charset=iso-8859-1',
    'application/hl7-v2; charset=iso-8859-1',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ])('rejects %s', (header) => {
    expect(parseBodyContentType(header)).toBeNull();
  });
});

describe('negotiateMediaType', () => {
  const interpretTypes = ['application/json', 'application/fhir+json'] as const;

  it.each([
    [null, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'application/json'],
    ['application/fhir+json', 'application/fhir+json'],
    ['application/json+fhir', 'application/fhir+json'],
    ['application/json, application/fhir+json', 'application/json'],
    ['application/json;q=0.5, application/fhir+json', 'application/fhir+json'],
    ['application/fhir+json;q=0.1, application/json', 'application/json'],
    ['application/fhir+json;q=0, */*', 'application/json'],
    ['application/fhir+json, application/json;q=0', 'application/fhir+json'],
  ] as const)('answers %j with %s', (header, expected) => {
    expect(negotiateMediaType(header, interpretTypes)).toBe(expected);
  });

  it.each([
    'application/fhir+xml',
    'text/html',
    'application/xml, text/plain',
    'application/json;q=0',
    'application/fhir+json;q=abc',
  ])('finds nothing acceptable in %j (406)', (header) => {
    expect(negotiateMediaType(header, interpretTypes)).toBeNull();
  });

  it('offers a PDF route nothing but PDF', () => {
    expect(negotiateMediaType('application/pdf', ['application/pdf'])).toBe('application/pdf');
    expect(negotiateMediaType('application/json', ['application/pdf'])).toBeNull();
  });
});

describe('buildPageCsp', () => {
  it('allows scripts only by nonce, never inline or eval, and forbids framing', () => {
    const csp = buildPageCsp('abc123');
    expect(csp).toContain("script-src 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    // WebAssembly only (HarfBuzz for the handout), not eval().
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(buildPageCsp('n', { dev: true })).toContain("'unsafe-eval'");
  });
});

describe('createNonce', () => {
  it('returns 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument();

  it('is OpenAPI 3.1 and resolves every $ref to a component', () => {
    expect(document.openapi).toBe('3.1.1');
    const refs = JSON.stringify(document).match(/"\$ref":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const id = /#\/components\/schemas\/([^"]+)"$/.exec(ref)?.[1];
      expect(id, ref).toBeDefined();
      expect(document.components.schemas, ref).toHaveProperty(`${id}`);
    }
  });

  it('generates the Panel schema from panelSchema rather than by hand', () => {
    const generated = z.toJSONSchema(panelSchema, { io: 'input', target: 'draft-2020-12' });
    const expected: Record<string, unknown> = { ...generated };
    delete expected.$schema;
    expect(document.components.schemas.Panel).toEqual(expected);
  });

  it('documents the handout query from its schema', () => {
    const handout = document.paths['/api/handout'] as {
      post: { parameters: Array<{ name: string; schema: { enum?: string[] } }> };
    };
    const byName = Object.fromEntries(handout.post.parameters.map((p) => [p.name, p.schema]));
    expect(byName.lang?.enum).toEqual(['en', 'es']);
    expect(byName.paper?.enum).toEqual(['letter', 'a4']);
  });
});

describe('response schemas', () => {
  it.each(GOLDEN_CASES.map((goldenCase) => [goldenCase.id, goldenCase] as const))(
    'describe the interpretation of golden panel %s exactly',
    (_id, goldenCase) => {
      const outcome = interpret(goldenCase.panel, { asOf: '2026-11-26' });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(interpretationSchema.safeParse(outcome.value).error?.issues).toBeUndefined();
    },
  );

  it('describe the references exactly', () => {
    expect(referencesSchema.safeParse(buildReferences()).error?.issues).toBeUndefined();
  });
});
