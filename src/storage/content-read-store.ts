/**
 * The Content API's reads: lists of visible articles paged by keyset on
 * (published_at desc, id desc), which the index articles_published_visible serves (migration 0022), and tags.
 */
import type { Kysely } from 'kysely';
import type { Article, Tag } from '../domain/article/article.js';
import type { Correction } from '../domain/article/article-draft.js';
import type { ContentArticleQuery, ContentReadStore } from '../services/ports.js';
import {
  articleFrom,
  bylinesOf,
  correctionFrom,
  listedArticles,
  hasListedStory,
  pageOfIds,
  selectArticles,
} from './article-rows.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

/** Groups rows by their article, keeping their order. */
function byArticle<Row extends { article_id: number }, T>(rows: Row[], map: (row: Row) => T) {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.article_id) ?? [];
    list.push(map(row));
    grouped.set(row.article_id, list);
  }
  return grouped;
}

export class KyselyContentReadStore implements ContentReadStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listArticles(query: ContentArticleQuery): Promise<Article[]> {
    // The page's ids first, from the articles' indexes, then their rows (see `pageOfIds`).
    const rows = await selectArticles(this.db)
      .where('a.id', 'in', pageOfIds(this.db, this.visible(query), query))
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
    const ids = rows.map((row) => row.id);
    const [bylines, tags, corrections] = await Promise.all([
      bylinesOf(this.db, ids),
      this.tagsOf(ids),
      this.correctionsOf(ids),
    ]);
    return rows.map((row) =>
      articleFrom(
        row,
        bylines.get(row.id) ?? [],
        tags.get(row.id) ?? [],
        corrections.get(row.id) ?? [],
      ),
    );
  }

  /** Published, never killed, visible at `asOf`, matching the filters, after the cursor. */
  private visible(query: ContentArticleQuery) {
    let select = listedArticles(this.db, query.asOf, query);
    if (query.since) select = select.where('a.published_at', '>=', toDbTime(query.since));
    if (query.until) select = select.where('a.published_at', '<', toDbTime(query.until));
    const after = query.after;
    if (after) {
      select = select.where((eb) =>
        eb(
          eb.refTuple('a.published_at', 'a.id'),
          '<',
          eb.tuple(toDbTime(after.publishedAt), after.id),
        ),
      );
    }
    return select;
  }

  private async tagsOf(articleIds: number[]) {
    if (articleIds.length === 0) return new Map<number, Tag[]>();
    const rows = await this.db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.id', 't.slug', 't.name'])
      .where('at.article_id', 'in', articleIds)
      .orderBy('at.article_id')
      .orderBy('at.position')
      .execute();
    return byArticle(rows, ({ id, slug, name }): Tag => ({ id, slug, name }));
  }

  private async correctionsOf(articleIds: number[]) {
    if (articleIds.length === 0) return new Map<number, Correction[]>();
    const rows = await this.db
      .selectFrom('corrections')
      .select(['article_id', 'id', 'kind', 'text', 'created_at'])
      .where('article_id', 'in', articleIds)
      .orderBy('article_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return byArticle(rows, correctionFrom);
  }

  listTags(query: { afterSlug?: string; limit: number; asOf: Date }): Promise<Tag[]> {
    let select = this.db
      .selectFrom('tags as t')
      .select(['t.id', 't.slug', 't.name'])
      .where(hasListedStory(this.db, query.asOf, 'tags', 't.id'));
    if (query.afterSlug !== undefined) select = select.where('t.slug', '>', query.afterSlug);
    return select.orderBy('t.slug').limit(query.limit).execute();
  }

  findTagById(id: number, asOf: Date): Promise<Tag | undefined> {
    return this.db
      .selectFrom('tags as t')
      .select(['t.id', 't.slug', 't.name'])
      .where('t.id', '=', id)
      .where(hasListedStory(this.db, asOf, 'tags', 't.id'))
      .executeTakeFirst();
  }

  async listedAuthorIds(asOf: Date): Promise<number[]> {
    // Authors are few beside their bylines: each is one probe of its bylines' index.
    const rows = await this.db
      .selectFrom('authors as p')
      .select('p.id')
      .where(hasListedStory(this.db, asOf, 'authors', 'p.id'))
      .execute();
    return rows.map((row) => row.id);
  }
}
