import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

const DOCUMENT = resolve(import.meta.dirname, '..', 'docs', 'openapi.json');

type JsonSchema = { properties?: Record<string, unknown> } & Record<string, unknown>;

/** `{}`, or an object of no named fields (at most `additionalProperties`): it tells nothing. */
const saysNothing = (schema: JsonSchema) =>
  Object.keys(schema).every((key) =>
    ['type', 'additionalProperties', 'properties'].includes(key),
  ) && Object.keys(schema.properties ?? {}).length === 0;

describe('the admin API documentation', () => {
  let t: TestApp;
  let document: {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          'x-permission': string;
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          parameters: { name: string; in: string }[];
          responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
        }
      >
    >;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.server.inject('/api/admin/openapi.json');
    expect(response.statusCode).toBe(200);
    document = response.json();
  });

  afterAll(() => t?.close());

  it('documents every admin endpoint with its permission, from the schemas that validate it', () => {
    expect(document.openapi).toBe('3.1.0');
    const patch = document.paths['/api/admin/articles/{id}']?.patch;
    expect(patch?.['x-permission']).toBe('signed_in');
    expect(JSON.stringify(patch?.requestBody)).toContain('"revision"');
    expect(patch?.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    expect(document.paths['/api/admin/session']?.post?.['x-permission']).toBe('public');
    expect(document.paths['/api/admin/users']?.get?.['x-permission']).toBe('user.manage');
  });

  it('shows every request body and every success answer, none of them an empty object', () => {
    const gaps: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const at = `${method.toUpperCase()} ${path}`;
        for (const [type, { schema }] of Object.entries(operation.requestBody?.content ?? {}))
          if (saysNothing(schema)) gaps.push(`${at}: its ${type} request body says nothing`);
        const [status, answer] =
          Object.entries(operation.responses).find(([code]) => code.startsWith('2')) ?? [];
        if (!status || !answer) gaps.push(`${at}: no success answer`);
        else if (status !== '204') {
          const schemas = Object.values(answer.content ?? {}).map((content) => content.schema);
          if (!schemas[0]) gaps.push(`${at}: its ${status} answer has no schema`);
          else if (saysNothing(schemas[0])) gaps.push(`${at}: its ${status} answer says nothing`);
        }
      }
    }
    expect(gaps).toEqual([]);
    const article = document.paths['/api/admin/articles/{id}']?.get?.responses['200'];
    expect(JSON.stringify(article?.content?.['application/json']?.schema)).toContain('"headline"');
    const create = document.paths['/api/admin/articles']?.post?.requestBody;
    expect(JSON.stringify(create?.content['application/json']?.schema)).toContain('"body"');
  });

  it('is kept in docs/openapi.json as the server describes itself (UPDATE_OPENAPI=1 rewrites it)', async () => {
    const generated = `${JSON.stringify(document, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(DOCUMENT, generated);
    expect(
      await readFile(DOCUMENT, 'utf8'),
      'docs/openapi.json is stale: run UPDATE_OPENAPI=1 npx vitest run test/openapi.test.ts',
    ).toBe(generated);
  });
});
