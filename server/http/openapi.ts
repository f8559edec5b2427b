/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the routes use, so
 * the document and the code cannot disagree.
 */
import * as z from 'zod';
import { RULES_VERSION } from '@/lib/analytes/registry';
import { panelSchema } from '@/lib/schemas';
import {
  fhirBundleSchema,
  fhirInputSchema,
  handoutQuerySchema,
  healthSchema,
  interpretationListSchema,
  interpretQuerySchema,
} from './api-schemas';
import { interpretationSchema } from '@/lib/interpretation-schema';
import { referencesSchema } from '@/lib/references-schema';
import { formatBytes, MAX_BODY_BYTES, MAX_LISTED_ERRORS, MAX_PANELS_PER_REQUEST } from './limits';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TABLE, problemSchema } from './problem';
import type { ProblemCode } from './problem';

/** A JSON Schema object as the document embeds it. */
type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this API uses. */
export interface OpenApiDocument {
  readonly openapi: '3.1.1';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string; readonly identifier: string };
  };
  readonly servers: ReadonlyArray<{ readonly url: string; readonly description: string }>;
  readonly paths: Readonly<Record<string, unknown>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly securitySchemes: Readonly<Record<string, unknown>>;
  };
}

/** Where component schemas live; every cross-schema $ref points here. */
const SCHEMA_BASE = '#/components/schemas/';
const ref = (id: string) => ({ $ref: `${SCHEMA_BASE}${id}` });

/**
 * Converts a set of named zod schemas to JSON Schema 2020-12 (OpenAPI 3.1's dialect), with
 * references between them pointing into components.schemas.
 */
function componentSchemas(
  schemas: Readonly<Record<string, z.ZodType>>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const converted = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `${SCHEMA_BASE}${id}`,
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(converted.schemas)) {
    // `$schema` is implied by the document's dialect and a fragment-only `$id` is not valid
    // in 2020-12; the component's location already identifies it.
    const rest: JsonSchema = { ...(schema as JsonSchema) };
    delete rest.$schema;
    delete rest.$id;
    out[id] = rest;
  }
  return out;
}

/** Query parameters of an operation, from a zod object schema. */
function queryParameters(schema: z.ZodObject): unknown[] {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const problem = (code: ProblemCode) => ({
  description: PROBLEM_TABLE[code].title,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
});

/** Answers every route can give: no token, wrong method, nothing acceptable in Accept. */
const commonErrors = {
  '401': problem('unauthorized'),
  '404': problem('not-found'),
  '405': problem('method-not-allowed'),
  '406': problem('not-acceptable'),
};

const bodyErrors = {
  '400': problem('malformed-json'),
  ...commonErrors,
  '413': {
    description: `${PROBLEM_TABLE['payload-too-large'].title}, or ${PROBLEM_TABLE['too-many-panels'].title.toLowerCase()}`,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ref('Problem') } },
  },
  '415': problem('unsupported-media-type'),
  '422': problem('invalid-panel'),
};

const hl7Body = {
  schema: {
    type: 'string',
    description:
      'An HL7 v2 ORU^R01 message (ER7 text, segments separated by carriage returns), read by ' +
      'the same document reader as a pasted or uploaded file.',
  },
};

const panelBody = {
  required: true,
  description:
    'A panel, a list of panels, or a FHIR R4 Observation or Bundle of Observations. ' +
    `At most ${MAX_BODY_BYTES} bytes (${formatBytes(MAX_BODY_BYTES)}) and ` +
    `${MAX_PANELS_PER_REQUEST} panels.`,
  content: {
    'application/json': {
      schema: { oneOf: [ref('Panel'), ref('PanelList'), ref('FhirInput')] },
    },
    'application/fhir+json': { schema: ref('FhirInput') },
    'application/json+fhir': { schema: ref('FhirInput') },
    'x-application/hl7-v2+er7': hl7Body,
    'application/hl7-v2': hl7Body,
  },
};

// Token protection is optional (LABS_API_TOKENS): `{}` lists "no credentials" as acceptable.
const optionalBearer = [{}, { bearerAuth: [] }];

/**
 * Builds the OpenAPI 3.1 document of the API.
 * @returns the document, ready to serve as JSON
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.1',
    info: {
      title: 'Back-pain lab interpreter API',
      version: RULES_VERSION,
      description:
        'Interprets 25-hydroxyvitamin D, vitamin B12 and magnesium results. Stateless: no ' +
        'request data is stored or logged. Errors are RFC 9457 problem details; at most ' +
        `${MAX_LISTED_ERRORS} field errors are listed, errorCount gives the total.`,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    // Relative: the document describes whichever server (or load balancer) serves it.
    servers: [{ url: '/', description: 'The server that serves this document' }],
    paths: {
      '/api/interpret': {
        post: {
          operationId: 'interpretPanels',
          summary: 'Interpret a panel',
          security: optionalBearer,
          parameters: queryParameters(interpretQuerySchema),
          requestBody: panelBody,
          responses: {
            '200': {
              description:
                'One interpretation for one panel or Observation, a list for a list or a ' +
                'Bundle; a FHIR Bundle with Accept: application/fhir+json',
              headers: { 'Cache-Control': { schema: { const: 'no-store' } } },
              content: {
                'application/json': {
                  schema: { oneOf: [ref('Interpretation'), ref('InterpretationList')] },
                },
                'application/fhir+json': { schema: ref('FhirBundle') },
              },
            },
            ...bodyErrors,
          },
        },
      },
      '/api/handout': {
        post: {
          operationId: 'renderHandout',
          summary: 'Render the patient handout (one panel) as a PDF',
          security: optionalBearer,
          parameters: queryParameters(handoutQuerySchema),
          requestBody: panelBody,
          responses: {
            '200': {
              description: 'The handout',
              headers: { 'Cache-Control': { schema: { const: 'no-store' } } },
              content: {
                'application/pdf': {
                  schema: { type: 'string', contentMediaType: 'application/pdf' },
                },
              },
            },
            ...bodyErrors,
          },
        },
      },
      '/api/references': {
        get: {
          operationId: 'getReferences',
          summary: 'Every rule set, unit factor, evidence statement and citation',
          security: optionalBearer,
          parameters: [{ name: 'If-None-Match', in: 'header', schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'The references',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: ref('References') } },
            },
            '304': { description: 'Not modified (the ETag matched)' },
            ...commonErrors,
          },
        },
      },
      '/api/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Liveness and the rules version (never needs a token)',
          security: [{}],
          responses: {
            '200': {
              description: 'The server is up',
              content: { 'application/json': { schema: ref('Health') } },
            },
            '404': problem('not-found'),
            '405': problem('method-not-allowed'),
            '406': problem('not-acceptable'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: optionalBearer,
          responses: {
            '200': { description: 'The OpenAPI document', content: { 'application/json': {} } },
            ...commonErrors,
          },
        },
      },
    },
    components: {
      schemas: {
        ...componentSchemas(
          { Panel: panelSchema, PanelList: z.array(panelSchema), FhirInput: fhirInputSchema },
          'input',
        ),
        ...componentSchemas(
          {
            Interpretation: interpretationSchema,
            InterpretationList: interpretationListSchema,
            FhirBundle: fhirBundleSchema,
            References: referencesSchema,
            Health: healthSchema,
            Problem: problemSchema,
          },
          'output',
        ),
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Needed on every route but health when the server sets LABS_API_TOKENS.',
        },
      },
    },
  };
}
