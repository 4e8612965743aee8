/**
 * The Content API's OpenAPI document, made from the zod schemas that validate each read and
 * shape its answer, so it cannot drift from what the server does.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { contentRoutes, type ContentRouteDescription } from './content-route.js';
import { articleOutput } from './content-schema.js';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<
  string,
  unknown
>;

const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output') =>
  zodToJsonSchema(schema, {
    target: 'openApi3',
    $refStrategy: 'none',
    pipeStrategy: io,
  }) as JsonSchema;

/** Schemas every answer that holds them refers to, rather than repeating them. */
const SHARED = { Article: jsonSchemaOf(articleOutput, 'output') };
const SHARED_TEXT = Object.entries(SHARED).map(([name, schema]) => [JSON.stringify(schema), name]);

/** The schema with every copy of a shared one replaced by a reference to it. */
function withReferences(schema: unknown): unknown {
  const text = JSON.stringify(schema);
  const shared = SHARED_TEXT.find(([copy]) => copy === text)?.[1];
  if (shared) return { $ref: `#/components/schemas/${shared}` };
  if (Array.isArray(schema)) return schema.map(withReferences);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withReferences(v)]));
}

const header = (description: string) => ({ description, schema: { type: 'string' } });

const RATE_HEADERS = {
  'RateLimit-Limit': header('Requests a minute this key may make'),
  'RateLimit-Remaining': header('Requests left now'),
  'RateLimit-Reset': header('Seconds until the allowance is whole again'),
};

const refusal = (description: string, headers?: object) => ({
  description,
  ...(headers && { headers }),
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: { error: { type: 'string' }, field: { type: 'string' } },
        required: ['error'],
      },
    },
  },
});

/** The refusals every read may answer, described once. */
const RESPONSES = {
  Invalid: refusal('A parameter is wrong: `{ error, field }` names it'),
  Unauthenticated: refusal('No key, or one that is not valid or was revoked'),
  NotFound: refusal('Nothing readers may see has this id or slug'),
  TooManyRequests: refusal('Too many requests for this key; wait Retry-After seconds', {
    'Retry-After': header('Seconds to wait'),
    ...RATE_HEADERS,
  }),
};

const responseRef = (name: keyof typeof RESPONSES) => ({ $ref: `#/components/responses/${name}` });

function operationOf(route: ContentRouteDescription) {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const input = jsonSchemaOf(route.input, 'input');
  const parameters = Object.entries(input.properties ?? {}).map(([name, property]) => ({
    name,
    in: names.includes(name) ? 'path' : 'query',
    required: names.includes(name) || (input.required ?? []).includes(name),
    schema: property,
  }));
  return {
    operationId: `get${route.url
      .replace(/^\/api\/content/, '')
      .replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase())
      .replace(/\W/g, '')}`,
    summary: route.summary,
    parameters: [
      ...parameters,
      { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    responses: {
      200: {
        description: 'The answer, with an ETag to revalidate it by',
        headers: { ETag: header('A weak validator of the body'), ...RATE_HEADERS },
        content: {
          'application/json': { schema: withReferences(jsonSchemaOf(route.output, 'output')) },
        },
      },
      304: { description: 'Your copy (If-None-Match) is current; no body' },
      400: responseRef('Invalid'),
      401: responseRef('Unauthenticated'),
      404: responseRef('NotFound'),
      429: responseRef('TooManyRequests'),
    },
  };
}

/** The OpenAPI 3.1 document of every Content API read. */
export function contentOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = contentRoutes().sort((a, b) => a.url.localeCompare(b.url));
  for (const route of routes) {
    paths[route.url.replace(/:(\w+)/g, '{$1}')] = { get: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dateline Content API',
      version: '1',
      description:
        'Read-only access to what the paper has published, for apps and partners. Send your key as Authorization: Bearer <key> or X-Api-Key. See docs/content-api.md.',
    },
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: SHARED,
      responses: RESPONSES,
    },
    paths,
  };
}

/** Serves the document at /api/content/openapi.json, to anyone: it holds no secrets. */
export function registerContentOpenApi(api: FastifyInstance) {
  const document = JSON.stringify(contentOpenApiDocument(), null, 2);
  api.get('/openapi.json', (_request, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(document),
  );
}
