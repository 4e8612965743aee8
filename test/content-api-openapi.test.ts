import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

const DOCUMENT = resolve(import.meta.dirname, '..', 'docs', 'content-api.openapi.json');

type Operation = {
  parameters: { name: string; in: string }[];
  responses: Record<string, { content?: { 'application/json': { schema: unknown } } }>;
};

describe('the Content API documentation', () => {
  let t: TestApp;
  let text: string;
  let document: {
    openapi: string;
    paths: Record<string, { get: Operation }>;
    components: { schemas: Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await startTestApp();
    // The documentation needs no key.
    const response = await t.server.inject('/api/content/openapi.json');
    expect(response.statusCode).toBe(200);
    text = response.body;
    document = response.json();
  });

  afterAll(() => t?.close());

  it('documents every read with its parameters and the shape of its answer', () => {
    expect(document.openapi).toBe('3.1.0');
    const list = document.paths['/api/content/articles']?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'section',
        'tag',
        'author',
        'since',
        'until',
        'limit',
        'cursor',
        'fields',
      ]),
    );
    expect(JSON.stringify(list?.responses[200])).toContain('"#/components/schemas/Article"');
    expect(JSON.stringify(document.components.schemas.Article)).toContain('"leadPhoto"');
    expect(Object.keys(list?.responses ?? {})).toEqual(
      expect.arrayContaining(['304', '401', '429']),
    );
    const one = document.paths['/api/content/articles/{id}']?.get;
    expect(one?.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    for (const path of ['/sections', '/tags', '/authors', '/settings', '/articles/slug/{slug}'])
      expect(document.paths[`/api/content${path}`], path).toBeDefined();
  });

  it('is kept in docs/content-api.openapi.json (UPDATE_OPENAPI=1 rewrites it)', async () => {
    const generated = `${text}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(DOCUMENT, generated);
    expect(
      await readFile(DOCUMENT, 'utf8'),
      'docs/content-api.openapi.json is stale: run UPDATE_OPENAPI=1 npx vitest run test/content-api-openapi.test.ts',
    ).toBe(generated);
  });
});
