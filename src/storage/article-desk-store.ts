import { refreshArticleMedia } from './article-media-rows.js';
import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import { parseSearchQuery, type SearchClause } from '../domain/search/search-query.js';
import type { SearchDialect } from './story-search-dialect.js';
import type { ArticleStatus } from '../domain/article/article.js';
import type {
  ArticleChanges,
  ArticleDeskStore,
  DeskEntry,
  DeskQuery,
  WaitingChanges,
  WorkflowChanges,
} from '../services/ports.js';
import { columnsOf, recordFormerSlug, showsOtherPhotos } from './article-store.js';
import { containsWord } from './like-pattern.js';
import { fromDbTime, toDbTime, type ArticlesTable, type DatabaseSchema } from './schema.js';

/**
 * How many stories one scheduler run moves at most: a run stays short (it holds the scheduler's
 * lock) and the next, an interval later, takes the rest.
 */
export const SCHEDULE_BATCH = 200;

const time = (date: Date | null) => (date === null ? null : toDbTime(date));
const publishedSlug = async (db: Kysely<DatabaseSchema>, id: number) =>
  (
    await db
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', id)
      .where('published_at', 'is not', null)
      .executeTakeFirst()
  )?.slug;
const dateOf = (text: string | null) => (text === null ? null : fromDbTime(text));

function workflowColumns(changes: WorkflowChanges): Updateable<ArticlesTable> {
  const columns: Updateable<ArticlesTable> = {};
  if (changes.publishedAt !== undefined) columns.published_at = time(changes.publishedAt);
  if (changes.publishAt !== undefined) columns.publish_at = time(changes.publishAt);
  if (changes.unpublishAt !== undefined) columns.unpublish_at = time(changes.unpublishAt);
  if (changes.killedAt !== undefined) columns.killed_at = time(changes.killedAt);
  return columns;
}

/** The newsroom's operations on articles: lists, guarded saves, workflow moves. */
export class KyselyArticleDeskStore implements ArticleDeskStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    /**
     * Brings what follows from stories' words and status up to date (search entries, related
     * stories): after every write readers could see.
     */
    private readonly refreshStories: (ids: number[]) => Promise<void>,
    private readonly search: SearchDialect,
  ) {}

  async list(query: DeskQuery): Promise<DeskEntry[]> {
    let select = this.db
      .selectFrom('articles')
      .select([
        'id',
        'slug',
        'headline',
        'status',
        'section_id',
        'created_by',
        'revision',
        'updated_at',
        'published_at',
        'publish_at',
        'killed_at',
        'live_revision',
        'changes_in_review_at',
      ])
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.sectionId) select = select.where('section_id', '=', query.sectionId);
    if (query.createdBy) select = select.where('created_by', '=', query.createdBy);
    if (query.authorId) {
      const byAuthor = this.db
        .selectFrom('article_authors')
        .select('article_id')
        .where('author_id', '=', query.authorId);
      select = select.where('id', 'in', byAuthor);
    }
    if (query.search?.trim()) select = select.where(this.searchedFor(query.search));
    const rows = await select.execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      status: row.status as ArticleStatus,
      sectionId: row.section_id,
      createdBy: row.created_by,
      revision: row.revision,
      updatedAt: fromDbTime(row.updated_at),
      publishedAt: row.published_at === null ? null : fromDbTime(row.published_at),
      publishAt: row.publish_at === null ? null : fromDbTime(row.publish_at),
      killed: row.killed_at !== null,
      waiting: row.live_revision === null ? null : { inReview: row.changes_in_review_at !== null },
    }));
  }

  /**
   * What the newsroom's search box finds: every word literally in the headline (drafts too),
   * or a published story the reader's full-text search finds (body, topics, bylines, folded).
   */
  private searchedFor(search: string) {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    const clauses = parseSearchQuery(search);
    return (eb: ExpressionBuilder<DatabaseSchema, 'articles'>) =>
      eb.or([
        eb.and(words.map((word) => containsWord('headline', word))),
        ...(clauses.length > 0 ? [eb('id', 'in', this.matchingIds(clauses))] : []),
      ]);
  }

  /** The ids of the published stories the reader's search matches, however many. */
  private matchingIds(clauses: SearchClause[]) {
    return this.db.selectFrom(this.search.source(clauses).as('m')).select('m.id');
  }

  async saveIfAt(
    id: number,
    basedOn: number,
    revision: number,
    changes: ArticleChanges,
    now: Date,
  ): Promise<boolean> {
    // Only an address readers may have been given is kept (a story that has been published).
    const former = changes.slug === undefined ? undefined : await publishedSlug(this.db, id);
    const result = await this.db
      .updateTable('articles')
      .set({
        ...columnsOf(changes),
        revision,
        live_revision: null,
        changes_in_review_at: null,
        updated_at: toDbTime(now),
      })
      .where('id', '=', id)
      .where('revision', '=', basedOn)
      .executeTakeFirst();
    const saved = Number(result.numUpdatedRows) === 1;
    // A new slug keeps the old address working, as a permanent redirect.
    if (saved && former !== undefined && changes.slug !== undefined)
      await recordFormerSlug(this.db, id, former, changes.slug);
    if (saved && showsOtherPhotos(changes)) await refreshArticleMedia(this.db, id);
    if (saved) await this.refreshStories([id]);
    return saved;
  }

  async saveWaitingIfAt(id: number, basedOn: number, revision: number): Promise<boolean> {
    // The first waiting save remembers what readers see; later ones keep it. No updated_at:
    // readers' "updated" time moves only when the change goes live.
    const result = await this.db
      .updateTable('articles')
      .set((eb) => ({
        revision,
        live_revision: eb.fn.coalesce('live_revision', eb.val(basedOn)),
      }))
      .where('id', '=', id)
      .where('revision', '=', basedOn)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async waitingChanges(id: number): Promise<WaitingChanges | null> {
    const row = await this.db
      .selectFrom('articles')
      .select(['revision', 'live_revision', 'changes_in_review_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.live_revision === null) return null;
    return {
      liveRevision: row.live_revision,
      revision: row.revision,
      inReviewSince: dateOf(row.changes_in_review_at),
    };
  }

  async askToPublishChanges(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ changes_in_review_at: toDbTime(now) })
      .where('id', '=', id)
      .where('live_revision', 'is not', null)
      .execute();
  }

  async setBylines(id: number, authorIds: number[]): Promise<void> {
    await this.db.deleteFrom('article_authors').where('article_id', '=', id).execute();
    const rows = authorIds.map((author_id, position) => ({ article_id: id, author_id, position }));
    if (rows.length > 0) await this.db.insertInto('article_authors').values(rows).execute();
    await this.refreshStories([id]);
  }

  async setTags(id: number, tagIds: number[]): Promise<void> {
    await this.db.deleteFrom('article_tags').where('article_id', '=', id).execute();
    const rows = tagIds.map((tag_id, position) => ({ article_id: id, tag_id, position }));
    if (rows.length > 0) await this.db.insertInto('article_tags').values(rows).execute();
    await this.refreshStories([id]);
  }

  async setCreatedBy(id: number, userId: number): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ created_by: userId })
      .where('id', '=', id)
      .execute();
  }

  async move(
    id: number,
    from: ArticleStatus,
    to: ArticleStatus,
    changes: WorkflowChanges,
    now: Date,
  ) {
    const result = await this.db
      .updateTable('articles')
      .set({ ...workflowColumns(changes), status: to, updated_at: toDbTime(now) })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    const moved = Number(result.numUpdatedRows) === 1;
    if (moved) await this.refreshStories([id]);
    return moved;
  }

  async setWorkflow(id: number, changes: WorkflowChanges): Promise<void> {
    const columns = workflowColumns(changes);
    if (Object.keys(columns).length === 0) return;
    await this.db.updateTable('articles').set(columns).where('id', '=', id).execute();
    if (changes.killedAt !== undefined) await this.refreshStories([id]);
  }

  async dueToPublish(now: Date): Promise<number[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('publish_at', '<=', toDbTime(now))
      .orderBy('publish_at')
      .limit(SCHEDULE_BATCH)
      .execute();
    return rows.map((r) => r.id);
  }

  async dueToExpire(now: Date): Promise<number[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('unpublish_at', '<=', toDbTime(now))
      .where('status', '=', 'published')
      .orderBy('unpublish_at')
      .limit(SCHEDULE_BATCH)
      .execute();
    return rows.map((r) => r.id);
  }
}
