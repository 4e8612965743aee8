/**
 * The copies of a story's visibility that the database keeps by trigger (migration 0019): each
 * tag and byline link's status and times, and the sitemap index's months. A test that has
 * written stories through some path asks that every copy still agrees with the stories.
 */
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DatabaseSchema } from '../src/storage/schema.js';

/** Links whose copy differs from their story, as "article_tags 12: published …" lines. */
async function linksOutOfStep(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const differs = (table: string) => sql<{ line: string }>`
    select ${sql.lit(table)} || ' ' || cast(a.id as text) || ': ' || coalesce(l.status, '-') || ' ' ||
      coalesce(l.published_at, '-') as line
    from ${sql.table(table)} l join articles a on a.id = l.article_id
    where not (l.status = a.status
      and coalesce(l.published_at, '') = coalesce(a.published_at, '')
      and coalesce(l.killed_at, '') = coalesce(a.killed_at, '')
      and coalesce(l.unpublish_at, '') = coalesce(a.unpublish_at, ''))`;
  const lines: string[] = [];
  for (const table of ['article_tags', 'article_authors']) {
    const { rows } = await differs(table).execute(db);
    lines.push(...rows.map((row) => row.line));
  }
  return lines;
}

/** The months' summary as the stories give it now: month → stories. */
async function monthsFromStories(db: Kysely<DatabaseSchema>) {
  const { rows } = await sql<{ month: string; stories: number }>`
    select substr(published_at, 1, 7) as month, count(*) as stories from articles
    where status = 'published' and killed_at is null and published_at is not null
    group by 1 order by 1`.execute(db);
  return rows.map((row) => ({ month: row.month, stories: Number(row.stories) }));
}

/** Fails when a link's copy or a month's count no longer matches the stories. */
export async function expectStoryCopiesInStep(db: Kysely<DatabaseSchema>): Promise<void> {
  expect(await linksOutOfStep(db)).toEqual([]);
  const kept = await db
    .selectFrom('published_months')
    .select(['month', 'stories'])
    .where('stories', '>', 0)
    .orderBy('month')
    .execute();
  expect(kept.map((row) => ({ month: row.month, stories: Number(row.stories) }))).toEqual(
    await monthsFromStories(db),
  );
}
