/**
 * Views of stories as counts per story and hour (ADR 0050): each instance adds what it
 * counted, so several add up instead of overwriting, and the most-read lists sum the last
 * hours of stories readers may see.
 */
import { sql, type Kysely } from 'kysely';
import type {
  MostReadQuery,
  MostReadStory,
  StoryViewStore,
  ViewBucket,
} from '../services/readership/readership-ports.js';
import { listedArticles } from './article-rows.js';
import { fromDbTime, type DatabaseSchema } from './schema.js';

/** Rows a statement carries: three parameters each, well under either engine's limit. */
const CHUNK = 1000;

const chunksOf = <T>(items: readonly T[]): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  return chunks;
};

export class KyselyStoryViewStore implements StoryViewStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async addViews(buckets: readonly ViewBucket[], asOf: Date): Promise<number> {
    const visible = await this.visibleIds([...new Set(buckets.map((b) => b.storyId))], asOf);
    const kept = buckets.filter((bucket) => visible.has(bucket.storyId));
    for (const chunk of chunksOf(kept)) {
      await this.db
        .insertInto('story_views')
        .values(chunk.map((b) => ({ article_id: b.storyId, hour: b.hour, views: b.views })))
        .onConflict((conflict) =>
          conflict
            .columns(['article_id', 'hour'])
            .doUpdateSet({ views: sql`story_views.views + excluded.views` }),
        )
        .execute();
    }
    return kept.reduce((sum, bucket) => sum + bucket.views, 0);
  }

  /** Which of these ids are stories readers may see: junk and drafts leave no row. */
  private async visibleIds(ids: number[], asOf: Date): Promise<Set<number>> {
    const visible = new Set<number>();
    for (const chunk of chunksOf(ids)) {
      const rows = await listedArticles(this.db, asOf)
        .where('a.id', 'in', chunk)
        .select('a.id')
        .execute();
      for (const row of rows) visible.add(row.id);
    }
    return visible;
  }

  async mostRead(query: MostReadQuery): Promise<MostReadStory[]> {
    // Summed from the (hour, article_id, views) index first, then joined to the stories.
    const totals = this.db
      .selectFrom('story_views')
      .select(['article_id', sql<number>`sum(views)`.as('views')])
      .where('hour', '>=', query.fromHour)
      .groupBy('article_id');
    const select = listedArticles(this.db, query.asOf, { sectionId: query.sectionId })
      .innerJoin(totals.as('t'), 't.article_id', 'a.id')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select([
        'a.id',
        'a.headline',
        'a.slug',
        'a.unpublish_at',
        's.id as section_id',
        's.slug as section_slug',
        's.name as section_name',
        't.views',
      ])
      .orderBy('t.views', 'desc')
      .orderBy('a.id', 'desc')
      .limit(query.limit);
    const rows = await select.execute();
    return rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      slug: row.slug,
      section: { id: row.section_id, slug: row.section_slug, name: row.section_name },
      unpublishAt: row.unpublish_at ? fromDbTime(row.unpublish_at) : null,
      views: Number(row.views),
    }));
  }

  async forgetViewsBefore(hour: number): Promise<number> {
    const result = await this.db
      .deleteFrom('story_views')
      .where('hour', '<', hour)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
