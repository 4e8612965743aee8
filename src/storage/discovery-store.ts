import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Tag } from '../domain/article/article.js';
import type { FeedStory } from '../domain/feeds/feed-entry.js';
import type {
  DiscoveryStore,
  FeedQuery,
  ListingActivity,
  PublishedMonth,
  SitemapStory,
} from '../services/discovery-ports.js';
import {
  articleFrom,
  bylinesOf,
  listedArticles,
  pageOfIds,
  selectArticles,
  visibleLinksOf,
  visibleToReaders,
} from './article-rows.js';
import { fromArticles } from './story-card-rows.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

/**
 * Feeds and sitemaps on Kysely, every query through the one reader-visibility rule
 * (`visibleToReaders`). Every query starts from an index: (status, published_at, …) for
 * dates, (section_id, status, published_at) for sections, the link tables' (tag_id|author_id,
 * article_id) for topics and authors; see migration 0008 and discovery-store.int.test.ts.
 */
export class KyselyDiscoveryStore implements DiscoveryStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async listFeedStories(query: FeedQuery): Promise<FeedStory[]> {
    const page = pageOfIds(this.db, listedArticles(this.db, query.asOf, query), query);
    const rows = await selectArticles(this.db)
      .where('a.id', 'in', page)
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
    const ids = rows.map((row) => row.id);
    const [bylines, tags] = await Promise.all([bylinesOf(this.db, ids), this.tagsOf(ids)]);
    return rows.map((row) =>
      articleFrom(row, bylines.get(row.id) ?? [], tags.get(row.id) ?? [], []),
    );
  }

  private async tagsOf(articleIds: number[]): Promise<Map<number, Tag[]>> {
    const byArticle = new Map<number, Tag[]>();
    if (articleIds.length === 0) return byArticle;
    const rows = await this.db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.id', 't.slug', 't.name'])
      .where('at.article_id', 'in', articleIds)
      .orderBy('at.article_id')
      .orderBy('at.position')
      .execute();
    for (const { article_id, ...tag } of rows) {
      byArticle.set(article_id, [...(byArticle.get(article_id) ?? []), tag]);
    }
    return byArticle;
  }

  async listPublishedMonths(asOf: Date): Promise<PublishedMonth[]> {
    // Months before this one from the summary the triggers keep (migration 0019); this month,
    // where embargoes lift and stories may still come down, counted now from the date index.
    // Fixed-width ISO text: "2024-04" is the month, and sorts before every time within it.
    const thisMonth = toDbTime(asOf).slice(0, 7);
    const [earlier, current] = await Promise.all([
      this.db
        .selectFrom('published_months')
        .select(['month', 'stories', 'last_changed'])
        .where('month', '<', thisMonth)
        .where('stories', '>', 0)
        .orderBy('month')
        .execute(),
      this.db
        .selectFrom('articles as a')
        .select((eb) => [
          eb.fn.countAll().as('count'),
          eb.fn.max('a.published_at').as('last_published'),
          eb.fn.max('a.updated_at').as('last_updated'),
        ])
        .where(visibleToReaders(asOf))
        .where('a.published_at', '>=', thisMonth)
        .executeTakeFirstOrThrow(),
    ]);
    const months = earlier.map((row) => ({
      month: row.month,
      count: Number(row.stories),
      lastModified: fromDbTime(row.last_changed),
    }));
    if (Number(current.count) === 0) return months;
    const published = current.last_published ?? '';
    const updated = current.last_updated ?? '';
    const lastModified = fromDbTime(updated > published ? updated : published);
    return [...months, { month: thisMonth, count: Number(current.count), lastModified }];
  }

  async listStoriesBetween(query: {
    from: Date;
    until: Date;
    asOf: Date;
    limit: number;
    offset: number;
    newestFirst?: boolean;
  }): Promise<SitemapStory[]> {
    const order = query.newestFirst ? 'desc' : 'asc';
    const between = listedArticles(this.db, query.asOf)
      .where('a.published_at', '>=', toDbTime(query.from))
      .where('a.published_at', '<', toDbTime(query.until));
    const page = pageOfIds(this.db, between, { ...query, order });
    const rows = await fromArticles(this.db)
      .where('a.id', 'in', page)
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('media as m', 'm.id', 'a.lead_media_id')
      .select([
        'a.slug',
        's.slug as section_slug',
        'a.headline',
        'a.published_at',
        'a.updated_at',
        'm.content_hash',
        'm.width',
        'm.height',
        'm.focal_x',
        'm.focal_y',
      ])
      .orderBy('a.published_at', order)
      .orderBy('a.id', order)
      .execute();
    return rows.map((row) => ({
      slug: row.slug,
      sectionSlug: row.section_slug,
      headline: row.headline,
      publishedAt: fromDbTime(row.published_at ?? row.updated_at),
      updatedAt: fromDbTime(row.updated_at),
      leadPhoto:
        row.content_hash === null
          ? null
          : {
              contentHash: row.content_hash,
              width: Number(row.width),
              height: Number(row.height),
              focalPoint: { x: Number(row.focal_x), y: Number(row.focal_y) },
            },
    }));
  }

  async latestLinked(asOf: Date, link: 'tags' | 'authors'): Promise<Date | undefined> {
    // Newest first down the (status, published_at) index, stopping at the first linked story.
    const row = await listedArticles(this.db, asOf)
      .select('a.published_at')
      .where((eb) =>
        eb.exists(
          link === 'tags'
            ? eb
                .selectFrom('article_tags as l')
                .select('l.article_id')
                .whereRef('l.article_id', '=', 'a.id')
            : eb
                .selectFrom('article_authors as l')
                .select('l.article_id')
                .whereRef('l.article_id', '=', 'a.id'),
        ),
      )
      .orderBy('a.published_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.published_at ? fromDbTime(row.published_at) : undefined;
  }

  async nextVisibilityChange(after: Date): Promise<Date | undefined> {
    const at = toDbTime(after);
    const live = this.db
      .selectFrom('articles as a')
      .where('a.status', '=', 'published')
      .where('a.killed_at', 'is', null);
    // Two probes of the (status, published_at, …) index; the times are fixed-width ISO text.
    const [lifts, ends] = await Promise.all([
      live
        .select('a.published_at as at')
        .where('a.published_at', '>', at)
        .orderBy('a.published_at')
        .limit(1)
        .executeTakeFirst(),
      live
        .select('a.unpublish_at as at')
        .where('a.unpublish_at', '>', at)
        .orderBy('a.unpublish_at')
        .limit(1)
        .executeTakeFirst(),
    ]);
    const times = [lifts?.at, ends?.at].flatMap((time) => (time ? [fromDbTime(time)] : []));
    return times.length ? new Date(Math.min(...times.map((time) => time.getTime()))) : undefined;
  }

  async sectionActivity(asOf: Date): Promise<ListingActivity[]> {
    // One index probe per section: the newest visible story of each.
    const rows = await this.db
      .selectFrom('sections as s')
      .select((eb) => [
        's.slug',
        // Newest first with a LIMIT, not max(): with the visibility rule in the WHERE, SQLite
        // would read the section's whole range for a max().
        eb
          .selectFrom('articles as a')
          .select('a.published_at')
          .whereRef('a.section_id', '=', 's.id')
          .where(visibleToReaders(asOf))
          .orderBy('a.published_at', 'desc')
          .limit(1)
          .as('last_published'),
      ])
      .orderBy('s.position')
      .orderBy('s.id')
      .execute();
    return rows.flatMap((row) =>
      row.last_published ? [{ slug: row.slug, lastPublished: fromDbTime(row.last_published) }] : [],
    );
  }

  tagActivity(asOf: Date, limit: number): Promise<ListingActivity[]> {
    return this.listingActivity(asOf, limit, 'tags');
  }

  authorActivity(asOf: Date, limit: number): Promise<ListingActivity[]> {
    return this.listingActivity(asOf, limit, 'authors');
  }

  /**
   * Each topic's or author's newest visible story, by one probe of its link index each
   * (topics and authors are few beside their links); those with none are not public yet.
   */
  private async listingActivity(asOf: Date, limit: number, link: 'tags' | 'authors') {
    const newest = visibleLinksOf(this.db, asOf, link, 'x.id')
      .orderBy('l.published_at', 'desc')
      .limit(1);
    const owners = this.db.selectFrom(`${link} as x`) as SelectQueryBuilder<
      DatabaseSchema & { x: { id: number; slug: string } },
      'x',
      object
    >;
    const listings = owners.select(['x.slug', newest.as('last_published')]);
    const rows = await this.db
      .selectFrom(listings.as('p'))
      .select(['p.slug', 'p.last_published'])
      .where('p.last_published', 'is not', null)
      .orderBy('p.last_published', 'desc')
      .orderBy('p.slug')
      .limit(limit)
      .execute();
    return rows.map(activityFrom);
  }
}

const activityFrom = (row: { slug: string; last_published: string | null }): ListingActivity => ({
  slug: row.slug,
  lastPublished: fromDbTime(row.last_published ?? ''),
});
