/**
 * The admin API's OpenAPI document, made from the same zod schemas that validate each request,
 * so the documentation cannot drift from what the server accepts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  defineEndpoint,
  registeredEndpoints,
  type EndpointDescription,
} from './define-endpoint.js';

type JsonSchema = { properties?: Record<string, unknown>; required?: string[] } & Record<
  string,
  unknown
>;

const jsonSchemaOf = (schema: z.ZodType) =>
  zodToJsonSchema(schema, {
    target: 'openApi3',
    $refStrategy: 'none',
    pipeStrategy: 'input',
  }) as JsonSchema;

const pathParameters = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');

function withoutPathParameters(schema: JsonSchema, names: string[]): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([key]) => !names.includes(key)),
  );
  const required = (schema.required ?? []).filter((key) => !names.includes(key));
  return { ...schema, properties, ...(required.length ? { required } : { required: undefined }) };
}

function operationOf(endpoint: EndpointDescription) {
  const names = pathParameters(endpoint.url);
  const schema = withoutPathParameters(jsonSchemaOf(endpoint.input), names);
  const inPath = names.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  // Only fields beyond the path make a body: `POST …/:id/kill` takes none.
  const hasBody =
    endpoint.method !== 'GET' &&
    endpoint.method !== 'DELETE' &&
    (endpoint.multipart !== undefined || Object.keys(schema.properties ?? {}).length > 0);
  const inQuery = hasBody
    ? []
    : Object.entries(schema.properties ?? {}).map(([name, property]) => ({
        name,
        in: 'query',
        required: (schema.required ?? []).includes(name),
        schema: property,
      }));
  return {
    operationId: `${endpoint.method.toLowerCase()}${endpoint.url.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    'x-permission': endpoint.permission,
    security: endpoint.permission === 'public' ? [] : [{ session: [], csrf: [] }, { apiToken: [] }],
    parameters: [...inPath, ...inQuery],
    ...(hasBody && {
      requestBody: {
        required: true,
        content: endpoint.multipart
          ? { 'multipart/form-data': { schema: jsonSchemaOf(endpoint.multipart) } }
          : { 'application/json': { schema } },
      },
    }),
    responses: {
      [endpoint.status]: answerOf(endpoint),
      '4XX': {
        description: 'Refused: `{ error, field? }` says why',
        content: { 'application/json': { schema: ERROR_SCHEMA } },
      },
    },
  };
}

/** The success answer: its body's schema, except for a 204, which has no body. */
function answerOf(endpoint: EndpointDescription) {
  if (endpoint.status === 204) return { description: 'Done; no content' };
  const mediaType = endpoint.mediaType ?? 'application/json';
  return {
    description: 'Done',
    content: { [mediaType]: { schema: jsonSchemaOf(endpoint.output) } },
  };
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: { error: { type: 'string' }, field: { type: 'string' } },
  required: ['error'],
};

/** The OpenAPI 3.1 document of every endpoint registered so far. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const endpoints = registeredEndpoints().sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  );
  for (const endpoint of endpoints) {
    const path = endpoint.url.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operationOf(endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dateline admin API',
      version: '1',
      description:
        'The newsroom API. Browsers sign in with POST /api/admin/session and send the returned csrfToken in the x-csrf-token header with every change; scripts send an API token as Authorization: Bearer.',
    },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'dateline_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        apiToken: { type: 'http', scheme: 'bearer' },
      },
    },
    paths,
  };
}

/** The document's outline; its paths are described by the OpenAPI specification itself. */
const openApiDocumentSchema = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  components: z.object({ securitySchemes: z.record(z.record(z.string())) }),
  paths: z.record(z.record(z.unknown())),
});

/** Serves the document at /api/admin/openapi.json. */
export function registerOpenApiRoute(server: FastifyInstance) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/openapi.json',
    input: z.object({}).strict(),
    output: openApiDocumentSchema,
    permission: 'public',
    handle: () => Promise.resolve(openApiDocument()),
  });
}
