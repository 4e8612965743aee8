import type { Insertable, Kysely } from 'kysely';
import type { Article, ArticleStatus, Tag } from '../domain/article/article.js';
import type {
  ArticleChanges,
  ArticleStore,
  NewArticle,
  PublishedBetween,
  PublishedQuery,
} from '../services/ports.js';
import {
  articleFrom,
  bylinesOf,
  listedArticles,
  newestFirst,
  orderedPage,
  correctionFrom,
} from './article-rows.js';
import { fromArticles, summaryFrom, withSummaryColumns } from './story-card-rows.js';
import { authorFrom } from './author-rows.js';
import type { BodyDocument } from '../domain/body/body-document.js';
import { mediaIdsInBody } from '../domain/body/media-in-body.js';
import { recordArticleMedia, refreshArticleMedia } from './article-media-rows.js';
import { containsWord } from './like-pattern.js';
import { mediaFrom } from './media-rows.js';
import { homeStoryReads } from './home-stories.js';
import { jsonRowsOf } from './json-rows.js';
import { reusableQuery } from './reusable-query.js';
import { fromDbTime, toDbTime, type ArticlesTable, type DatabaseSchema } from './schema.js';
import type { Engine } from './engine.js';
import {
  rowsOfJson,
  selectWholeArticleBySlug,
  selectWholeArticles,
  storyPageRead,
  type RelatedStoryRow,
  type StoryLinkRow,
} from './whole-article-query.js';
import {
  furtherReadingOf,
  type RelatedStory,
  type StoryLink,
} from '../domain/article/related-stories.js';

type ArticleColumns = Omit<Insertable<ArticlesTable>, 'id'>;
type WholeArticleRow = Awaited<
  ReturnType<ReturnType<typeof selectWholeArticles>['executeTakeFirstOrThrow']>
>;

/** The article columns a set of changes writes. */
export function columnsOf(changes: ArticleChanges): Partial<ArticleColumns> {
  const columns: Partial<ArticleColumns> = {};
  if (changes.slug !== undefined) columns.slug = changes.slug;
  if (changes.sectionId !== undefined) columns.section_id = changes.sectionId;
  if (changes.headline !== undefined) columns.headline = changes.headline;
  if (changes.standfirst !== undefined) columns.standfirst = changes.standfirst;
  if (changes.dateline !== undefined) columns.dateline = changes.dateline;
  if (changes.body !== undefined) columns.body = JSON.stringify(changes.body);
  if (changes.lead !== undefined) {
    columns.lead_media_id = changes.lead?.mediaId ?? null;
    columns.lead_caption = changes.lead?.caption ?? null;
    columns.lead_credit = changes.lead?.credit ?? null;
    columns.lead_alt = changes.lead?.alt ?? null;
  }
  if (changes.signOff !== undefined) columns.sign_off = changes.signOff;
  if (changes.status !== undefined) columns.status = changes.status;
  if (changes.publishedAt !== undefined)
    columns.published_at = changes.publishedAt && toDbTime(changes.publishedAt);
  if (changes.seoTitle !== undefined) columns.seo_title = changes.seoTitle;
  if (changes.seoDescription !== undefined) columns.seo_description = changes.seoDescription;
  if (changes.socialTitle !== undefined) columns.social_title = changes.socialTitle;
  if (changes.socialDescription !== undefined)
    columns.social_description = changes.socialDescription;
  if (changes.socialImageId !== undefined) columns.social_media_id = changes.socialImageId;
  if (changes.liveChangedAt !== undefined)
    columns.live_changed_at = changes.liveChangedAt && toDbTime(changes.liveChangedAt);
  return columns;
}

/** Whether a write changes which library photos the article shows. */
export const showsOtherPhotos = (changes: ArticleChanges) =>
  changes.lead !== undefined || changes.body !== undefined || changes.socialImageId !== undefined;

/** Articles on Kysely: the same SQL on SQLite and PostgreSQL. */
export class KyselyArticleStore implements ArticleStore {
  // The query behind every article page, compiled once (see reusable-query.ts).
  private readonly articleBySlug;
  private readonly articleById;
  private readonly storyPageBySlug;
  readonly listHomeStoryIds;
  readonly listFrontStories;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly engine: Engine,
    /**
     * Brings what follows from stories' words and status up to date (search entries, related
     * stories): after every write readers could see.
     */
    private readonly refreshStories: (ids: number[]) => Promise<void>,
  ) {
    const reusable = db as unknown as Kysely<never>;
    this.articleBySlug = reusableQuery(reusable, selectWholeArticleBySlug(db, engine));
    this.articleById = reusableQuery(
      reusable,
      selectWholeArticles(db, engine).where('a.id', '=', 0),
    );
    this.storyPageBySlug = storyPageRead(db, engine);
    const home = homeStoryReads(db, engine);
    this.listHomeStoryIds = home.listHomeStoryIds;
    this.listFrontStories = home.listFrontStories;
  }

  async create(article: NewArticle, now: Date): Promise<number> {
    const time = toDbTime(now);
    const { id } = await this.db
      .insertInto('articles')
      .values({
        ...(columnsOf(article) as ArticleColumns),
        updated_at: article.updatedAt ? toDbTime(article.updatedAt) : time,
        created_at: time,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.linkMany('article_authors', 'author_id', id, article.authorIds);
    await this.linkMany('article_tags', 'tag_id', id, article.tagIds);
    await recordArticleMedia(this.db, id, {
      leadMediaId: article.lead?.mediaId ?? null,
      socialMediaId: article.socialImageId ?? null,
      body: article.body,
    });
    await this.refreshStories([id]);
    return id;
  }

  private async linkMany(
    table: 'article_authors' | 'article_tags',
    column: 'author_id' | 'tag_id',
    articleId: number,
    ids: number[],
  ) {
    if (ids.length === 0) return;
    const rows = ids.map((id, position) => ({ article_id: articleId, [column]: id, position }));
    await this.db.insertInto(table).values(rows).execute();
  }

  async findById(id: number) {
    return this.complete((await this.articleById(id))[0]);
  }

  async findBySlug(slug: string) {
    return this.complete((await this.articleBySlug(slug))[0]);
  }

  async findPageBySlug(slug: string, asOf: Date) {
    const row = await this.storyPageBySlug(slug, asOf);
    const article = await this.complete(row);
    if (!row || !article) return undefined;
    const related = rowsOfJson<RelatedStoryRow>(row.related_json).map(relatedStoryFrom);
    const newest = rowsOfJson<StoryLinkRow>(row.section_json).map(storyLinkFrom);
    return { article, furtherReading: furtherReadingOf(article.id, related, newest, asOf) };
  }

  async findBySlugHistory(slug: string) {
    const row = await this.db
      .selectFrom('article_slug_history')
      .select('article_id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? this.findById(row.article_id) : undefined;
  }

  private async complete(row: WholeArticleRow | undefined): Promise<Article | undefined> {
    if (!row) return undefined;
    const body = JSON.parse(row.body) as BodyDocument;
    const inlineIds = mediaIdsInBody(body);
    const photoIds = row.social_media_id === null ? inlineIds : [...inlineIds, row.social_media_id];
    const photos =
      photoIds.length === 0
        ? []
        : (await this.db.selectFrom('media').selectAll().where('id', 'in', photoIds).execute()).map(
            mediaFrom,
          );
    const inline = photos.filter((photo) => inlineIds.includes(photo.id));
    const social = photos.find((photo) => photo.id === row.social_media_id) ?? null;
    return articleFrom(
      row,
      rowsOfJson<Parameters<typeof authorFrom>[0]>(row.bylines_json).map(authorFrom),
      rowsOfJson<Tag>(row.tags_json),
      rowsOfJson<Parameters<typeof correctionFrom>[0]>(row.corrections_json).map(correctionFrom),
      { inline, social },
      body,
    );
  }

  async slugTaken(slug: string): Promise<boolean> {
    const current = await this.db
      .selectFrom('articles')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (current) return true;
    const old = await this.db
      .selectFrom('article_slug_history')
      .select('article_id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    return old !== undefined;
  }

  async update(id: number, changes: ArticleChanges, now: Date): Promise<void> {
    if (changes.slug !== undefined) await rememberFormerSlug(this.db, id, changes.slug);
    await this.db
      .updateTable('articles')
      .set({ ...columnsOf(changes), updated_at: toDbTime(now) })
      .where('id', '=', id)
      .execute();
    if (showsOtherPhotos(changes)) await refreshArticleMedia(this.db, id);
    await this.refreshStories([id]);
  }

  /** Published, visible at `asOf`, and in the section, by the author or with the tag asked for. */
  private listed(query: Omit<PublishedQuery, 'limit' | 'offset'>) {
    let select = listedArticles(this.db, query.asOf, query);
    if (query.exceptIds?.length) select = select.where('a.id', 'not in', query.exceptIds);
    for (const word of query.words ?? []) {
      select = select.where((eb) =>
        eb.or([containsWord('a.headline', word), containsWord('a.standfirst', word)]),
      );
    }
    return select;
  }

  async listPublishedPage(query: PublishedQuery, lookAhead: number) {
    const found = await orderedPage(this.listed(query), {
      ...query,
      limit: query.limit + lookAhead,
    }).execute();
    const ids = found.slice(0, query.limit).map((row) => row.id);
    if (ids.length === 0) return { stories: [], found: found.length };
    const rows = await jsonRowsOf(
      this.db,
      this.engine,
      withSummaryColumns(fromArticles(this.db)).where('a.id', 'in', ids),
    );
    rows.sort(newestFirst);
    const bylines = await bylinesOf(this.db, ids);
    const stories = rows.map((row) => summaryFrom(row, bylines.get(row.id) ?? []));
    return { stories, found: found.length };
  }

  async listPublishedByIds(ids: number[], asOf: Date) {
    if (ids.length === 0) return [];
    const listed = withSummaryColumns(this.listed({ asOf }).where('a.id', 'in', ids));
    const rows = await jsonRowsOf(this.db, this.engine, listed);
    const bylines = await bylinesOf(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => summaryFrom(row, bylines.get(row.id) ?? []));
  }

  async storiesAround(span: PublishedBetween, asOf: Date) {
    const nearest = async (side: 'before' | 'after') => {
      const row = await this.listed({ asOf })
        .where(
          'a.published_at',
          side === 'before' ? '<' : '>=',
          toDbTime(side === 'before' ? span.from : span.until),
        )
        .select(['a.id', 'a.published_at'])
        .orderBy('a.published_at', side === 'before' ? 'desc' : 'asc')
        .orderBy('a.id', side === 'before' ? 'desc' : 'asc')
        .limit(1)
        .executeTakeFirst();
      return row?.published_at
        ? { id: row.id, publishedAt: fromDbTime(row.published_at) }
        : undefined;
    };
    const [before, after] = await Promise.all([nearest('before'), nearest('after')]);
    return { before, after };
  }

  async listIds(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async any(): Promise<boolean> {
    return (
      (await this.db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) !== undefined
    );
  }
}

const storyLinkFrom = (row: StoryLinkRow): StoryLink => ({
  id: row.id,
  slug: row.slug,
  headline: row.headline,
  section: { slug: row.section_slug },
  publishedAt: fromDbTime(row.published_at),
});

const relatedStoryFrom = (row: RelatedStoryRow): RelatedStory => ({
  ...storyLinkFrom(row),
  status: row.status as ArticleStatus,
  killed: row.killed_at !== null,
  unpublishAt: row.unpublish_at === null ? null : fromDbTime(row.unpublish_at),
});

/**
 * Keeps an article's current slug as a former one when it takes `newSlug`, so its old address
 * answers with a permanent redirect; call it before the row changes.
 */
export async function rememberFormerSlug(db: Kysely<DatabaseSchema>, id: number, newSlug: string) {
  const current = await currentSlug(db, id);
  if (current !== undefined) await recordFormerSlug(db, id, current, newSlug);
}

const currentSlug = async (db: Kysely<DatabaseSchema>, id: number) =>
  (await db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirst())?.slug;

/** Records that article `id` left `former` for `newSlug` (nothing when they are the same). */
export async function recordFormerSlug(
  db: Kysely<DatabaseSchema>,
  id: number,
  former: string,
  newSlug: string,
) {
  if (former === newSlug) return;
  // The new slug may be one this article had before: it leaves the history.
  await db.deleteFrom('article_slug_history').where('slug', '=', newSlug).execute();
  await db.insertInto('article_slug_history').values({ slug: former, article_id: id }).execute();
}
