/**
 * A paper on a real port for the view counter's tests: a clock the test moves, stories
 * published through the newsroom's own use cases, and the beacon sent as browsers send it.
 */
import { Agent, request as httpRequest } from 'node:http';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import type { Actor } from '../src/domain/roles/role.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import type { Clock } from '../src/services/ports.js';
import { paragraphs } from './article-desk.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

export const READER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export const movableClock = (start: string) => {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  return { clock, set: (iso: string) => (now = new Date(iso)) };
};

/** Up to 250 connections at once: a thousand views are a thousand requests in flight. */
const agent = new Agent({ keepAlive: true, maxSockets: 250 });

export interface ReaderPaper {
  t: TestApp;
  chief: Actor;
  /** A request as a browser on this paper's pages makes it; headers may replace any default. */
  send(
    method: 'GET' | 'POST',
    path: string,
    options?: { headers?: Record<string, string>; body?: string },
  ): Promise<Answer>;
  /** The beacon of a reader at `address` (X-Forwarded-For through the trusted proxy). */
  view(story: number | string, address?: string, headers?: Record<string, string>): Promise<Answer>;
  publish(headline: string, sectionId: number): Promise<number>;
  /** Every stored count, as (story, hour, views). */
  counts(): Promise<{ article_id: number; hour: number; views: number }[]>;
}

/** Starts the paper: behind a proxy at 127.0.0.1, so each test reader has an address of its own. */
export async function startReaderPaper(
  database: TestDatabase,
  clock: Clock,
  env: Record<string, string> = {},
): Promise<ReaderPaper> {
  const t = await startTestApp(
    { PUBLIC_URL: 'https://paper.example', TRUSTED_PROXIES: '127.0.0.1', ...env },
    database,
    { clock },
  );
  await t.server.listen({ port: 0, host: '127.0.0.1' });
  const address = t.server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const chief = await addStaffMember(t.app.storage, 'editor_in_chief', 'desk@paper.example');
  const send: ReaderPaper['send'] = (method, path, options = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const headers = { host: 'paper.example', 'user-agent': READER_AGENT, ...options.headers };
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, path, method, headers, agent },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () =>
            resolve({
              status: r.statusCode ?? 0,
              headers: r.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  return {
    t,
    chief,
    send,
    view: (story, from = '203.0.113.7', headers = {}) =>
      send('POST', '/api/views', {
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'sec-fetch-site': 'same-origin',
          'x-forwarded-for': from,
          ...headers,
        },
        body: String(story),
      }),
    async publish(headline, sectionId) {
      const draft = { headline, sectionId, body: paragraphs(`${headline}.`) };
      const { id } = await createArticle(t.app.newsroom, chief, articleDraftSchema.parse(draft));
      await transitionArticle(t.app.newsroom, chief, id, { to: 'published' });
      return id;
    },
    counts: () =>
      t.app.storage.kysely
        .selectFrom('story_views')
        .select(['article_id', 'hour', 'views'])
        .orderBy('article_id')
        .orderBy('hour')
        .execute()
        .then((rows) => rows.map((row) => ({ ...row, views: Number(row.views) }))),
  };
}

/** The headlines of a page's most-read box, in order; empty when it shows none. */
export function mostReadHeadlines(html: string): string[] {
  const box = /<section class="most-read"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  if (!box?.[1]) return [];
  return [...box[1].matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1] ?? '');
}
