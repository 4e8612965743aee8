import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test-app.js';

const DOCUMENT = resolve(import.meta.dirname, '..', 'docs', 'openapi.json');

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
          requestBody?: unknown;
          parameters: { name: string; in: string }[];
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

  it('is kept in docs/openapi.json as the server describes itself (UPDATE_OPENAPI=1 rewrites it)', async () => {
    const generated = `${JSON.stringify(document, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(DOCUMENT, generated);
    expect(
      await readFile(DOCUMENT, 'utf8'),
      'docs/openapi.json is stale: run UPDATE_OPENAPI=1 npx vitest run test/openapi.test.ts',
    ).toBe(generated);
  });
});
