import type { Article } from '../../domain/article/article.js';
import type { ArticleDeskStore, ArticleStore } from '../ports.js';
import { notFaked } from './not-faked.js';
import {
  linked,
  nextId,
  referenced,
  withColumns,
  withWorkflow,
  type NewsroomState,
} from './newsroom-state.js';

/**
 * The article store in memory: finding, creating and changing articles as the newsroom's
 * use cases do. Reader lists are left to the integration tests.
 */
export function fakeArticleStore(state: () => NewsroomState): ArticleStore {
  // Copies, as rows read from a database are: a use case changing one changes nothing stored.
  const find = (id: number) => structuredClone(state().articles.get(id));
  return {
    create: (article, now) => {
      const s = state();
      const id = nextId(s);
      const created: Article = {
        id,
        slug: article.slug,
        headline: article.headline,
        standfirst: article.standfirst,
        dateline: article.dateline,
        body: article.body,
        leadImage: null,
        signOff: article.signOff,
        section: referenced(s.sections, article.sectionId, 'section'),
        tags: linked(s.tags, article.tagIds, 'tag'),
        bylines: linked(s.authors, article.authorIds, 'author'),
        status: article.status,
        publishedAt: article.publishedAt,
        updatedAt: article.updatedAt ?? now,
        createdAt: now,
        seoTitle: article.seoTitle,
        seoDescription: article.seoDescription,
        socialTitle: article.socialTitle ?? '',
        socialDescription: article.socialDescription ?? '',
        socialImage: null,
        liveChangedAt: article.liveChangedAt ?? null,
        revision: 0,
        createdBy: null,
        publishAt: null,
        unpublishAt: null,
        killedAt: null,
        corrections: [],
        inlinePhotos: [],
      };
      const photos = { lead: article.lead, socialImageId: article.socialImageId ?? null };
      s.articles.set(id, withColumns(s, created, photos, created.updatedAt));
      return Promise.resolve(id);
    },
    findById: (id) => Promise.resolve(find(id)),
    findBySlug: (slug) =>
      Promise.resolve(structuredClone([...state().articles.values()].find((a) => a.slug === slug))),
    findPageBySlug: notFaked('articles.findPageBySlug'),
    findBySlugHistory: (slug) => {
      const id = state().formerSlugs.get(slug);
      return Promise.resolve(id === undefined ? undefined : find(id));
    },
    slugTaken: (slug) =>
      Promise.resolve(
        state().formerSlugs.has(slug) ||
          [...state().articles.values()].some((a) => a.slug === slug),
      ),
    update: (id, changes, now) => {
      const s = state();
      const article = s.articles.get(id);
      if (!article) return Promise.resolve();
      if (changes.slug !== undefined && changes.slug !== article.slug) {
        s.formerSlugs.delete(changes.slug);
        s.formerSlugs.set(article.slug, id);
      }
      s.articles.set(id, withColumns(s, article, changes, now));
      return Promise.resolve();
    },
    listPublishedPage: notFaked('articles.listPublishedPage'),
    any: () => Promise.resolve(state().articles.size > 0),
    listIds: (afterId, limit) =>
      Promise.resolve(
        [...state().articles.keys()]
          .filter((id) => id > afterId)
          .sort((a, b) => a - b)
          .slice(0, limit),
      ),
    listPublishedByIds: notFaked('articles.listPublishedByIds'),
    storiesAround: notFaked('articles.storiesAround'),
    listHomeStoryIds: notFaked('articles.listHomeStoryIds'),
    listFrontStories: notFaked('articles.listFrontStories'),
  };
}

/** The desk's guarded saves and workflow moves in memory, with the database's guards. */
export function fakeDeskStore(state: () => NewsroomState): ArticleDeskStore {
  /** Changes the article when `guard` holds; false, changing nothing, when it does not. */
  const changeIf = (
    id: number,
    guard: (a: Article) => boolean,
    change: (a: Article) => Article,
  ) => {
    const article = state().articles.get(id);
    if (!article || !guard(article)) return Promise.resolve(false);
    state().articles.set(id, change(article));
    return Promise.resolve(true);
  };
  const setLinks = (id: number, change: (a: Article) => Article) =>
    changeIf(id, () => true, change).then(() => undefined);
  return {
    list: notFaked('desk.list'),
    saveIfAt: (id, basedOn, revision, changes, now) =>
      changeIf(
        id,
        (a) => a.revision === basedOn,
        (a) => {
          if (changes.slug !== undefined && changes.slug !== a.slug) {
            state().formerSlugs.set(a.slug, id);
          }
          state().waiting.delete(id);
          return { ...withColumns(state(), a, changes, now), revision };
        },
      ),
    saveWaitingIfAt: (id, basedOn, revision) =>
      changeIf(
        id,
        (a) => a.revision === basedOn,
        (a) => {
          // The first waiting save remembers what readers see; later ones keep it.
          const waiting = state().waiting.get(id) ?? { liveRevision: basedOn, inReviewSince: null };
          state().waiting.set(id, waiting);
          return { ...a, revision };
        },
      ),
    waitingChanges: (id) => {
      const waiting = state().waiting.get(id);
      const article = state().articles.get(id);
      if (!waiting || !article) return Promise.resolve(null);
      return Promise.resolve({ ...waiting, revision: article.revision });
    },
    askToPublishChanges: (id, now) => {
      const waiting = state().waiting.get(id);
      if (waiting) waiting.inReviewSince = now;
      return Promise.resolve();
    },
    setBylines: (id, authorIds) =>
      setLinks(id, (a) => ({ ...a, bylines: linked(state().authors, authorIds, 'author') })),
    setTags: (id, tagIds) =>
      setLinks(id, (a) => ({ ...a, tags: linked(state().tags, tagIds, 'tag') })),
    setCreatedBy: (id, userId) => setLinks(id, (a) => ({ ...a, createdBy: userId })),
    move: (id, from, to, changes, now) =>
      changeIf(
        id,
        (a) => a.status === from,
        (a) => ({ ...withWorkflow(a, changes), status: to, updatedAt: now }),
      ),
    setWorkflow: (id, changes) => setLinks(id, (a) => withWorkflow(a, changes)),
    dueToPublish: notFaked('desk.dueToPublish'),
    dueToExpire: notFaked('desk.dueToExpire'),
  };
}
