/**
 * The outside attack's NUL bytes: PostgreSQL text cannot hold U+0000, so every string that
 * reached a query answered 500 there (and SQLite stored it, for a later move to break on).
 * The edge now refuses such text with a 400 naming the field, for every route, on both
 * engines. The last test walks the whole route table, so a new route is attacked as well.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodPath } from '../src/domain/validation.js';
import { registeredEndpoints } from '../src/http/api/define-endpoint.js';
import { contentRoutes } from '../src/http/api/content/content-route.js';
import { guardedRoutes } from '../src/http/middleware/storable-text/index.js';
import { importArticles } from '../src/services/import-articles.js';
import { contentKeyOf, seedContent } from './content-api-world.js';
import { jpegPhoto } from './media-fixtures.js';
import { multipartBody } from './multipart-body.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const NUL = '\u0000';
type Path = (string | number)[];

/** Where a schema holds strings: `['body', 'content', 0, 'text']`, as deep as `depth` allows. */
function stringPaths(schema: z.ZodTypeAny, depth = 0): Path[] {
  if (depth > 10) return [];
  if (
    schema instanceof z.ZodString ||
    schema instanceof z.ZodEnum ||
    schema instanceof z.ZodLiteral
  )
    return [[]];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).flatMap(([key, field]) =>
      stringPaths(field, depth + 1).map((path) => [key, ...path]),
    );
  if (schema instanceof z.ZodArray)
    return stringPaths(schema.element as z.ZodTypeAny, depth + 1).map((path) => [0, ...path]);
  if (schema instanceof z.ZodRecord)
    return stringPaths(schema.valueSchema as z.ZodTypeAny, depth + 1).map((p) => ['x', ...p]);
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion)
    return (schema.options as z.ZodTypeAny[]).flatMap((option) => stringPaths(option, depth + 1));
  const inner = innerOf(schema);
  return inner ? stringPaths(inner, depth + 1) : [];
}

/** The schema a wrapper (optional, default, refinement, lazy, pipe…) stands for. */
function innerOf(schema: z.ZodTypeAny): z.ZodTypeAny | undefined {
  const def = schema._def as {
    innerType?: z.ZodTypeAny;
    schema?: z.ZodTypeAny;
    getter?: () => z.ZodTypeAny;
    in?: z.ZodTypeAny;
  };
  return def.innerType ?? def.schema ?? def.getter?.() ?? def.in;
}

/** A value holding `leaf` at `path`, and nothing else. */
const valueAt = (path: Path, leaf: unknown): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  return typeof head === 'number' ? [valueAt(rest, leaf)] : { [head]: valueAt(rest, leaf) };
};

const unique = (paths: Path[]) => [...new Map(paths.map((p) => [zodPath(p), p])).values()];

interface Attack {
  /** What is attacked, in a failing test's words. */
  what: string;
  method: string;
  url: string;
  body?: unknown;
  multipart?: { body: Buffer; headers: Record<string, string> };
  /** The field the 400 should name. */
  field: string;
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
/** What reader pages read from the query string. */
const READER_QUERY = ['q', 'page'];

/** The URL with one path parameter (or the wildcard) attacked and the others plausible. */
function pathAttacks(method: string, url: string): Attack[] {
  // A parameter with a pattern (`:year(^\d{4}$)`, the date archives) never matches a NUL: the
  // address falls to another route or none, whose 400 names its own field (empty: any).
  const patterned = new Set([...url.matchAll(/:(\w+)\(/g)].map((m) => m[1]));
  const plain = url.replace(/(:\w+)\([^)]*\)/g, '$1');
  const names = [...plain.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const filled = (target: string) =>
    plain
      .replace(/:(\w+)/g, (_all, name: string) => (name === target ? 'a%00b' : '1'))
      .replace('*', target === '*' ? 'a%00b' : 'x');
  return names.map((name) => ({
    what: `${method} ${url} path ${name}`,
    method,
    url: filled(name),
    field: patterned.has(name) ? '' : name,
  }));
}

interface Schemas {
  input?: z.ZodTypeAny;
  multipart?: z.ZodTypeAny;
}

/** One attack per path parameter, query parameter and string body field the route reads. */
function attacksOn(method: string, url: string, schemas: Schemas, photo: Uint8Array): Attack[] {
  const base = url.replace(/:(\w+)/g, '1').replace('*', 'x');
  const params = new Set([...url.matchAll(/:(\w+)/g)].map((m) => m[1]));
  const attacks = pathAttacks(method, url);
  const shape =
    schemas.input && stringPaths(schemas.input).filter((p) => !params.has(String(p[0])));
  const topLevel =
    schemas.input instanceof z.ZodObject ? Object.keys(schemas.input.shape as object) : [];
  const queryNames = schemas.input ? topLevel.filter((k) => !params.has(k)) : READER_QUERY;
  for (const name of [...queryNames, 'probe']) {
    attacks.push({
      what: `${method} ${url} ?${name}`,
      method,
      url: `${base}?${name}=a%00`,
      field: name,
    });
  }
  if (BODY_METHODS.has(method)) {
    for (const path of unique([...(shape ?? []), ['probe']])) {
      const field = zodPath(path);
      attacks.push({
        what: `${method} ${url} body ${field}`,
        method,
        url: base,
        body: valueAt(path, `a${NUL}`),
        field,
      });
    }
  }
  for (const path of schemas.multipart ? unique(stringPaths(schemas.multipart)) : []) {
    const name = String(path[0]);
    if (name === 'file') continue;
    const multipart = multipartBody({ name: 'a.jpg', bytes: photo }, { [name]: `a${NUL}` });
    attacks.push({
      what: `${method} ${url} multipart ${name}`,
      method,
      url: base,
      multipart,
      field: name,
    });
  }
  return attacks;
}

/** The field a JSON refusal names; a page names none. */
const fieldOf = (r: LightMyRequestResponse) =>
  r.headers['content-type']?.toString().startsWith('application/json')
    ? r.json<{ field?: string }>().field
    : undefined;

const describeAnswer = (r: LightMyRequestResponse) => `${r.statusCode} ${r.body.slice(0, 300)}`;

describe.each(ENGINES)('text PostgreSQL cannot store, on $engine', ({ create }) => {
  let t: TestApp;
  let chief: Browser;
  let key: string;
  let seeded: Awaited<ReturnType<typeof seedContent>>;
  const client = newsroomClient(() => t);

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await client.signIn('chief@paper.example');
    seeded = await seedContent(t);
    key = (await contentKeyOf(client, chief)).secret;
  });
  afterAll(() => t?.close());

  const asChief = (attack: Omit<Attack, 'what' | 'field'>) => {
    const headers = {
      cookie: chief.cookie,
      'x-csrf-token': chief.csrfToken,
      authorization: attack.url.startsWith('/api/content') ? `Bearer ${key}` : '',
      ...attack.multipart?.headers,
    };
    if (!headers.authorization) delete (headers as { authorization?: string }).authorization;
    return t.server.inject({
      method: attack.method as 'GET',
      url: attack.url,
      headers,
      ...(attack.body !== undefined && { payload: attack.body as object }),
      ...(attack.multipart && { payload: attack.multipart.body }),
    });
  };

  it('shows readers the 400 page for a NUL in a search, topic, author or article address', async () => {
    for (const url of ['/search?q=%00', '/topic/a%00b', '/author/a%00', '/world/a%00', '/a%00/b']) {
      const response = await t.server.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers the Content API in JSON naming the field, never with an HTML page', async () => {
    for (const [url, field] of [
      ['/api/content/articles?tag=a%00', 'tag'],
      ['/api/content/articles/slug/a%00', 'slug'],
      ['/api/content/tags/slug/a%00', 'slug'],
    ] as const) {
      const response = await asChief({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ field });
    }
  });

  it('refuses a NUL in the e-mail of a sign-in and of a password reset, without a stack trace', async () => {
    for (const url of ['/api/admin/session', '/api/admin/password-resets']) {
      const response = await client.call({
        method: 'POST',
        url,
        body: { email: `chief${NUL}@paper.example`, password: 'x' },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toMatchObject({ field: 'email' });
    }
  });

  it('names a NUL deep in an article body by its path', async () => {
    const id = seeded.ids.draft;
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const body = {
      type: 'doc',
      content: [paragraph('a'), paragraph('b'), paragraph('c'), paragraph(`d${NUL}`)],
    };
    const response = await client.call({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      as: chief,
      body: { revision: 1, body },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ field: 'body.content[3].content[0].text' });
  });

  it('refuses a NUL in a text field of a photo upload', async () => {
    const upload = multipartBody(
      { name: 'harbour.jpg', bytes: (await jpegPhoto({ width: 64, height: 48 })).bytes },
      { alt: `Ships${NUL}` },
    );
    const response = await asChief({ method: 'POST', url: '/api/admin/media', multipart: upload });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ field: 'alt' });
  });

  it('answers 400 naming the field, never 5xx, to a NUL anywhere any route reads', async () => {
    const endpoints = new Map(registeredEndpoints().map((e) => [`${e.method} ${e.url}`, e]));
    const reads = new Map(contentRoutes().map((r) => [`GET ${r.url}`, r]));
    const routes = guardedRoutes(t.server).filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    let attacked = 0;
    const photo = (await jpegPhoto({ width: 64, height: 48 })).bytes;
    for (const { method, url } of routes) {
      const route = `${method} ${url}`;
      const schemas = endpoints.get(route) ?? { input: reads.get(route)?.input };
      for (const attack of attacksOn(method, url, schemas, photo)) {
        attacked += 1;
        const response = await asChief(attack);
        const named = response.statusCode === 400 && fieldOf(response);
        if (response.statusCode >= 500 || response.statusCode < 400)
          failures.push(`${attack.what}: ${describeAnswer(response)}`);
        else if (response.statusCode === 400 && attack.field && named !== attack.field)
          failures.push(`${attack.what}: named ${String(named)}, not ${attack.field}`);
      }
    }
    expect(failures).toEqual([]);
    expect(attacked).toBeGreaterThan(300);
  });

  it('imports the good items of a file and refuses, per item, one with a NUL in its text', async () => {
    const item = (headline: string) => ({ headline, section: 'World', body: ['One paragraph.'] });
    const report = await importArticles(t.app.importDeps('.'), [
      item('Port traffic rises'),
      { ...item('Ferry timetable'), tags: ['Ports', `Ferries${NUL}`] },
      { ...item('Hostile'), body: [`text${NUL}`] },
    ]);
    expect(report.imported).toHaveLength(1);
    expect(report.failed).toEqual([
      expect.objectContaining({ item: 1, field: 'tags[1]' }),
      expect.objectContaining({ item: 2, field: 'body[0]' }),
    ]);
  });
});

describe.each(ENGINES)('an unknown failure on $engine', ({ create }) => {
  it('answers JSON under /api/ and the error page to readers, never a stack trace', async () => {
    const database = await create();
    const t = await startTestApp({}, database);
    // The database going away under a running server: the kind of failure nobody planned for.
    await t.app.close();
    try {
      for (const url of ['/api/content/articles', '/api/admin/users']) {
        const response = await t.server.inject({ url, headers: { authorization: 'Bearer x' } });
        expect(response.statusCode, url).toBe(500);
        expect(response.headers['content-type'], url).toMatch(/^application\/json/);
        expect(Object.keys(response.json<object>()), url).toEqual(['error']);
      }
      const page = await t.server.inject({
        url: '/search?q=harbour',
        headers: { accept: 'text/html' },
      });
      expect(page.statusCode).toBe(500);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    } finally {
      await t.server.close();
      await database.drop();
    }
  });
});
