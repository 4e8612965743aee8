/**
 * The outbox carries every article event to every listener, each retried on its own: one
 * failing listener neither blocks nor repeats the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { killArticle, transitionArticle } from '../src/services/articles/transition-article.js';
import type { EventListener } from '../src/services/events/event-listeners.js';
import type { ArticleEvent } from '../src/services/ports.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('article events on $engine', ({ create }) => {
  let t: TestApp;
  const heard: string[] = [];
  let failuresLeft = 1;
  const recorder: EventListener = {
    name: 'recorder',
    handle: (event: ArticleEvent) => {
      heard.push(`${event.type} ${event.articleId ?? '-'}`);
      return Promise.resolve();
    },
    retryDelay: () => 0,
  };
  const flaky: EventListener = {
    name: 'flaky',
    handle: (event: ArticleEvent) => {
      if (failuresLeft-- > 0) return Promise.reject(new Error('purge endpoint down'));
      heard.push(`flaky ${event.type}`);
      return Promise.resolve();
    },
    retryDelay: () => 0,
  };

  beforeAll(async () => {
    t = await startTestApp({}, await create(), { eventListeners: [recorder, flaky] });
  });
  afterAll(() => t?.close());

  it('hands each event to each listener once, after the change is committed', async () => {
    const editor = await addStaffMember(t.app.storage, 'editor', 'events@paper.example');
    const section = await t.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const deps = t.app.newsroom;
    const { id } = await createArticle(
      deps,
      editor,
      articleDraftSchema.parse({
        headline: 'Muscat festival opens',
        sectionId: section.id,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Opens tonight.' }] }],
        },
      }),
    );
    await transitionArticle(deps, editor, id, { to: 'published' });
    await killArticle(deps, editor, id);
    expect(heard).toEqual([]);
    await t.app.jobs.runDue();
    // The flaky listener failed once, was retried, and the recorder heard each event once.
    await t.app.jobs.runDue();
    expect(heard.filter((line) => !line.startsWith('flaky')).sort()).toEqual(
      [`article.killed ${id}`, `article.published ${id}`].sort(),
    );
    expect(heard.filter((line) => line.startsWith('flaky')).sort()).toEqual([
      'flaky article.killed',
      'flaky article.published',
    ]);
  });
});
