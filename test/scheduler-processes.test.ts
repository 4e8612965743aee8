import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { openStorage } from '../src/storage/open-storage.js';
import { addStaffMember } from './staff-fixtures.js';
import { createPostgresDatabase, type TestDatabase } from './test-databases.js';

const BIN = resolve(import.meta.dirname, '..', 'bin', 'dateline.js');

interface Server {
  process: ChildProcess;
  output: string[];
}

function startServer(databaseUrl: string): Server {
  const child = spawn('node', [BIN, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SCHEDULER_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'warn',
      DATELINE_NOW: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { process: child, output };
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};

describe('the scheduler with two server processes on one PostgreSQL database', () => {
  let database: TestDatabase | undefined;
  const servers: Server[] = [];

  afterAll(async () => {
    for (const server of servers) server.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await database?.drop();
  });

  it('publishes a scheduled article exactly once, within seconds of its time', async () => {
    if (!existsSync(resolve(import.meta.dirname, '..', 'dist', 'src', 'main.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    }
    database = await createPostgresDatabase();
    const storage = openStorage(database.url);
    await storage.migrate();
    const editor = await addStaffMember(storage, 'editor', 'ed@x.test');
    const deps = { storage, clock: { now: () => new Date() } };
    const section = await storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'At noon.' }] }],
    };
    const { id } = await createArticle(
      deps,
      editor,
      articleDraftSchema.parse({
        headline: 'Goes live by itself',
        sectionId: section.id,
        body,
      }),
    );

    servers.push(startServer(database.url), startServer(database.url));
    expect(
      await until(
        () => servers.every((s) => s.output.join('').includes('Dateline is serving')),
        20_000,
      ),
    ).toBe(true);
    const publishAt = new Date(Date.now() + 3000);
    await transitionArticle(deps, editor, id, { to: 'scheduled', publishAt });

    const live = await until(
      async () => (await storage.stores.articles.findById(id))?.status === 'published',
      30_000,
    );
    expect(live, servers.map((s) => s.output.join('')).join('\n---\n')).toBe(true);
    const article = await storage.stores.articles.findById(id);
    expect(article?.publishedAt?.toISOString()).toBe(publishAt.toISOString());
    // Give the other process a few more runs to publish it a second time, if it could.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await storage.stores.events.count(id, 'article.published')).toBe(1);
    const wentLive = servers.map(
      (s) => s.output.join('').split(`article ${id} went live`).length - 1,
    );
    expect(wentLive.reduce((a, b) => a + b, 0)).toBe(1);
    await storage.close();
  });
});
