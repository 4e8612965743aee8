import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticles } from '../src/services/import-articles.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import { referencePath, readReferenceJson } from './reference-data.js';
import type { TestApp } from './test-app.js';
import { createSqliteDatabase } from './test-databases.js';

const story = (headline: string, hour: number) => ({
  headline,
  section: 'World',
  body: ['Text.'],
  publishedAt: `2024-04-24T0${hour}:00:00+04:00`,
});

describe('the publication’s settings and home page over the API', () => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  let chief: Browser;
  let editor: Browser;
  let writer: Browser;
  let ids: number[];

  beforeAll(async () => {
    t = await startNewsroom(createSqliteDatabase());
    const report = await importArticles(t.app.importDeps(referencePath('seed')), [
      story('Oldest story', 1),
      story('Middle story', 2),
      story('Newest story', 3),
    ]);
    ids = report.imported.map((i) => i.id);
    chief = await client.signIn('chief@paper.example');
    editor = await client.signIn('editor@paper.example');
    writer = await client.signIn('writer@paper.example');
  });

  afterAll(() => t?.close());

  it('lets only the editor-in-chief change the publication’s settings', async () => {
    const settings = readReferenceJson('seed', 'publication.json') as object;
    const refused = await client.call({
      method: 'PUT',
      url: '/api/admin/settings',
      body: settings,
      as: editor,
    });
    expect(refused.statusCode).toBe(403);
    const done = await client.call({
      method: 'PUT',
      url: '/api/admin/settings',
      body: settings,
      as: chief,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await t.server.inject('/')).body).toContain(
      'Editor in Chief: Abdullah bin Salim Al Shueili',
    );
    const bad = await client.call({
      method: 'PUT',
      url: '/api/admin/settings',
      body: { ...settings, timezone: 'Nowhere/Land' },
      as: chief,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'timezone' });
  });

  it('puts the editors’ choice of lead and top stories on the home page, in their order', async () => {
    const [oldest, middle, newest] = ids;
    const before = (await t.server.inject('/')).body;
    expect(before.indexOf('Newest story')).toBeLessThan(before.indexOf('Oldest story'));
    const refused = await client.call({
      method: 'PUT',
      url: '/api/admin/homepage',
      body: { lead: oldest, top: [] },
      as: writer,
    });
    expect(refused.statusCode).toBe(403);
    const done = await client.call({
      method: 'PUT',
      url: '/api/admin/homepage',
      body: { lead: oldest, top: [middle] },
      as: editor,
    });
    expect(done.statusCode, done.body).toBe(200);
    const page = (await t.server.inject('/')).body;
    expect(page).toMatch(/<h2 id="lead-headline"><a href="[^"]+">Oldest story<\/a>/);
    expect(page.indexOf('Middle story')).toBeLessThan(page.indexOf('Newest story'));
    expect((await client.call({ url: '/api/admin/homepage', as: editor })).json()).toEqual({
      lead: oldest,
      top: [middle],
    });
    const twice = await client.call({
      method: 'PUT',
      url: '/api/admin/homepage',
      body: { lead: newest, top: [newest] },
      as: editor,
    });
    expect(twice.statusCode).toBe(400);
    const missing = await client.call({
      method: 'PUT',
      url: '/api/admin/homepage',
      body: { lead: 9999, top: [] },
      as: editor,
    });
    expect(missing.json()).toMatchObject({ field: 'lead' });
  });
});
