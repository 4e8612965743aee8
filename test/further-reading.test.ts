/**
 * The foot of a story's page on both engines: its related stories (chosen when it is saved:
 * shared topics first, then section and words), and the newest of its section; each list
 * follows what happens to the stories it shows, and the page's cache keys say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../src/domain/article/article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import type { Actor } from '../src/domain/roles/role.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { killArticle, transitionArticle } from '../src/services/articles/transition-article.js';
import { paragraphs } from './article-desk.js';
import { movableClock, startOnPort, type Answer } from './page-cache-server.js';
import { addStaffMember } from './staff-fixtures.js';
import { loadReferenceArticle, REFERENCE_ARTICLE_PATH, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

/** The links of one list at the foot of a page, in order. */
function listed(answer: Answer, headingId: 'related-heading' | 'section-stories-heading') {
  const html = answer.body.toString('utf8');
  const start = html.indexOf(`aria-labelledby="${headingId}"`);
  if (start === -1) return [];
  const list = html.slice(html.indexOf('<ul>', start), html.indexOf('</ul>', start));
  return [...list.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
}

const keysOf = (answer: Answer) => String(answer.headers['surrogate-key']).split(' ');

describe.each(ENGINES)('the foot of a story’s page on $engine', (engine) => {
  let t: TestApp;
  let get: Awaited<ReturnType<typeof startOnPort>>['get'];
  let editor: Actor;
  const time = movableClock('2024-04-24T08:00:00Z');
  const sections = { world: 0, business: 0, sport: 0 };
  const stories: Record<string, number> = {};
  const paths: Record<string, string> = {};

  /** Publishes a story a second after the one before, so that newer means later. */
  const publish = async (name: string, headline: string, section: number, tags: string[]) => {
    time.set(new Date(time.clock.now().getTime() + 1000).toISOString());
    const draft = { headline, sectionId: section, tags, body: paragraphs(`${headline}.`) };
    const { id } = await createArticle(t.app.newsroom, editor, articleDraftSchema.parse(draft));
    await transitionArticle(t.app.newsroom, editor, id, { to: 'published' });
    const article = await t.app.storage.stores.articles.findById(id);
    stories[name] = id;
    paths[name] = articlePath(article!);
  };

  beforeAll(async () => {
    ({ t, get } = await startOnPort({}, engine, time.clock));
    editor = await addStaffMember(t.app.storage, 'editor', 'foot@paper.example');
    const { stores } = t.app.storage;
    for (const [position, name] of ['World', 'Business', 'Sport'].entries()) {
      const slug = name.toLowerCase();
      const section = await stores.sections.create({ slug, name, description: '', position });
      sections[slug as keyof typeof sections] = section.id;
    }
    t.app.publication.invalidate();
    await publish('nizwa', 'Museum opens in Nizwa', sections.world, []);
    await publish('deal', 'Oman and Iran sign gas pipeline deal', sections.world, ['Energy']);
    await publish('prices', 'Fuel prices climb across Europe', sections.business, ['Energy']);
    await publish('football', 'Football league kicks off', sections.sport, []);
    await publish('tehran', 'Pipeline deal talks resume in Tehran', sections.business, []);
    // Enough other stories that a word in three of them is not a common one (bm25's IDF).
    for (const [i, headline] of ['Sur', 'Sohar', 'Ibri', 'Rustaq', 'Bahla', 'Khasab'].entries())
      await publish(`other${i}`, `Marathon held in ${headline}`, sections.sport, []);
    await publish('story', 'Iran pipeline deal approved by parliament', sections.world, ['Energy']);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists stories sharing a topic first, then close words; the section alone is not enough', async () => {
    const page = await get(paths.story!);
    expect(page.status).toBe(200);
    expect(listed(page, 'related-heading')).toEqual([paths.deal, paths.prices, paths.tehran]);
  });

  it('lists the newest of the section under it, without the story, the related ones or other sections', async () => {
    const page = await get(paths.story!);
    expect(listed(page, 'section-stories-heading')).toEqual([paths.nizwa]);
    expect(page.body.toString('utf8')).toContain('More in <a href="/world">World</a>');
    const older = await get(paths.nizwa!);
    expect(listed(older, 'section-stories-heading')).toEqual([paths.story, paths.deal]);
  });

  it('carries the keys of every story it lists and of its section’s list', async () => {
    const keys = keysOf(await get(paths.story!));
    for (const name of ['deal', 'prices', 'tehran', 'nizwa'])
      expect(keys).toContain(`article-${stories[name]}`);
    expect(keys).toContain(`section-list-${sections.world}`);
    expect(keys).not.toContain(`article-${stories.football}`);
    expect(keys).not.toContain(`section-list-${sections.business}`);
  });

  it('shows a related story’s new headline at once, leaving unrelated pages kept', async () => {
    await get(paths.story!);
    await get(paths.football!);
    expect((await get(paths.story!)).hit).toBe(true);
    const live = await t.app.storage.stores.articles.findById(stories.prices!);
    await saveArticle(t.app.newsroom, editor, stories.prices!, {
      basedOn: live!.revision,
      changes: { headline: 'Fuel prices fall across Europe' },
    });
    await transitionArticle(t.app.newsroom, editor, stories.prices!, { to: 'published' });
    expect((await get(paths.football!)).hit).toBe(true);
    const page = await get(paths.story!);
    expect(page.hit).toBe(false);
    expect(page.body.toString('utf8')).toContain('Fuel prices fall across Europe');
  });

  it('a new story of the section joins the list below; one of another section changes nothing', async () => {
    await get(paths.story!);
    await publish('football2', 'Cup final tickets sold out', sections.sport, []);
    expect((await get(paths.story!)).hit).toBe(true);
    await publish('harbour', 'Harbour extension opens in Duqm', sections.world, []);
    const page = await get(paths.story!);
    expect(page.hit).toBe(false);
    expect(listed(page, 'section-stories-heading')).toEqual([paths.harbour, paths.nizwa]);
  });

  it('drops a killed related story at once, and its page with it', async () => {
    await get(paths.story!);
    await killArticle(t.app.newsroom, editor, stories.deal!);
    const page = await get(paths.story!);
    expect(page.hit).toBe(false);
    expect(listed(page, 'related-heading')).toEqual([paths.prices, paths.tehran]);
    expect(listed(page, 'section-stories-heading')).not.toContain(paths.deal);
  });

  it('drops an unpublished related story, and brings it back when it is published again', async () => {
    await transitionArticle(t.app.newsroom, editor, stories.tehran!, { to: 'unpublished' });
    expect(listed(await get(paths.story!), 'related-heading')).toEqual([paths.prices]);
    await transitionArticle(t.app.newsroom, editor, stories.tehran!, { to: 'published' });
    expect(listed(await get(paths.story!), 'related-heading')).toEqual([
      paths.prices,
      paths.tehran,
    ]);
  });

  it('chooses an imported story’s related stories as it is filed, by words in any section', async () => {
    await publish('border', 'Syria and Turkiye reopen border crossing', sections.business, []);
    const report = await loadReferenceArticle(t.app);
    expect(report.failed).toEqual([]);
    const page = await get(REFERENCE_ARTICLE_PATH);
    expect(page.status).toBe(200);
    // Two words of its headline in common; "Iran" alone (the pipeline story) is not enough.
    expect(listed(page, 'related-heading')).toEqual([paths.border]);
  });
});
