/** Turning joined article rows into domain objects. */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Article, ArticleStatus, Tag } from '../domain/article/article.js';
import type { Correction } from '../domain/article/article-draft.js';
import type { AuthorProfile } from '../domain/author/author.js';
import { AUTHOR_COLUMNS, authorFrom } from './author-rows.js';
import type { BodyDocument } from '../domain/body/body-document.js';
import type { MediaItem } from '../domain/media/media-item.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';
import {
  fromArticles,
  leadImageFrom,
  SECTION_AND_PHOTO_COLUMNS,
  sectionFrom,
} from './story-card-rows.js';

/** Columns every article query selects: the article, its section and its lead photo. */
export const ARTICLE_COLUMNS = [
  'a.id',
  'a.slug',
  'a.headline',
  'a.standfirst',
  'a.dateline',
  'a.body',
  'a.sign_off',
  'a.status',
  'a.published_at',
  'a.updated_at',
  'a.created_at',
  'a.seo_title',
  'a.seo_description',
  'a.social_title',
  'a.social_description',
  'a.social_media_id',
  'a.live_changed_at',
  'a.lead_caption',
  'a.lead_credit',
  'a.lead_alt',
  'a.revision',
  'a.created_by',
  'a.publish_at',
  'a.unpublish_at',
  'a.killed_at',
  ...SECTION_AND_PHOTO_COLUMNS,
] as const;

/**
 * Which stories a list asks for: of a section, by an author, with a tag (any, all or none),
 * published in a span of time (a date archive's day or month).
 */
export interface ListFilter {
  sectionId?: number;
  authorId?: number;
  tagId?: number;
  published?: { from: Date; until: Date };
}

/**
 * Readers may see a story at `asOf` when it is published, not killed, its embargo has passed and
 * its time to come down has not: `isVisibleToReaders` (domain/article/reader-visibility.ts) in
 * SQL, for any query over `articles as a`, or over a link table whose copy of those columns
 * (migration 0019) is named by `table`. Every reader surface goes through it.
 */
export const visibleToReaders =
  (asOf: Date, table = 'a') =>
  <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => {
    const at = toDbTime(asOf);
    const column = (name: string) => sql.ref<string | null>(`${table}.${name}`);
    return eb.and([
      eb(column('status'), '=', 'published'),
      eb(column('killed_at'), 'is', null),
      eb(column('published_at'), '<=', at),
      eb.or([eb(column('unpublish_at'), 'is', null), eb(column('unpublish_at'), '>', at)]),
    ]);
  };

/** What a list reads of each story, which a link row carries too (migration 0019). */
const STORY_OF_LINK = [
  'l.article_id as id',
  'l.status',
  'l.published_at',
  'l.killed_at',
  'l.unpublish_at',
] as const;

/**
 * A topic's or an author's stories, drawn from the link table's (tag_id|author_id, status,
 * published_at, article_id, …) index. It stands in for `articles as a` with only the columns a
 * list reads (id and the visibility rule's); both engines fold it into the query around it, so
 * a page is a walk down that index that stops at its LIMIT (ADR 0042).
 */
function storiesOfLink(db: Kysely<DatabaseSchema>, filter: ListFilter) {
  const links =
    filter.tagId !== undefined
      ? db
          .selectFrom('article_tags as l')
          .select(STORY_OF_LINK)
          .where('l.tag_id', '=', filter.tagId)
      : db
          .selectFrom('article_authors as l')
          .select(STORY_OF_LINK)
          .where('l.author_id', '=', filter.authorId as number);
  return db.selectFrom(links.as('a')) as unknown as ReturnType<typeof fromArticles>;
}

/**
 * The stories readers may see at `asOf` that match the filter: where every page, feed, sitemap
 * and API list starts from. With a topic or an author, only the list's own columns (id,
 * published_at and the visibility rule's) may be read from `a`.
 */
export function listedArticles(db: Kysely<DatabaseSchema>, asOf: Date, filter: ListFilter = {}) {
  const linked = filter.tagId !== undefined || filter.authorId !== undefined;
  let select = (linked ? storiesOfLink(db, filter) : fromArticles(db)).where(
    visibleToReaders(asOf),
  );
  if (filter.sectionId !== undefined) {
    select = linked
      ? select.where('a.id', 'in', inSection(db, filter.sectionId))
      : select.where('a.section_id', '=', filter.sectionId);
  }
  if (filter.published) {
    // A range of the (status, published_at, …) index the visibility rule already walks.
    select = select
      .where('a.published_at', '>=', toDbTime(filter.published.from))
      .where('a.published_at', '<', toDbTime(filter.published.until));
  }
  if (filter.tagId !== undefined && filter.authorId !== undefined) {
    const byAuthor = db
      .selectFrom('article_authors')
      .select('article_id')
      .where('author_id', '=', filter.authorId);
    select = select.where('a.id', 'in', byAuthor);
  }
  return select;
}

const inSection = (db: Kysely<DatabaseSchema>, sectionId: number) =>
  db.selectFrom('articles').select('id').where('section_id', '=', sectionId);

/**
 * The ids of one page of a list, newest (or oldest) first, read from the articles' own indexes:
 * the page's rows are joined to their section and photo afterwards. Joined before the LIMIT,
 * SQLite may start from the sections and sort every story of each (ADR 0038), and a deep
 * page's OFFSET would read whole stories only to skip them.
 */
export function pageOfIds(
  db: Kysely<DatabaseSchema>,
  list: ReturnType<typeof listedArticles>,
  page: ListPage,
) {
  return db.selectFrom(orderedPage(list, page).as('p')).select('p.id');
}

/** Where a page of a list starts and how long it is; newest first unless `order` says. */
export interface ListPage {
  limit: number;
  offset?: number;
  order?: 'asc' | 'desc';
}

/** The ids of one page of a list in the list's order, from the same walk `pageOfIds` makes. */
export function orderedPage(list: ReturnType<typeof listedArticles>, page: ListPage) {
  const order = page.order ?? 'desc';
  return list
    .select('a.id')
    .orderBy('a.published_at', order)
    .orderBy('a.id', order)
    .limit(page.limit)
    .offset(page.offset ?? 0);
}

/**
 * The publication times of the stories readers may see at `asOf` of the topic or author the
 * outer query names `owner` ("t.id"), from the link table's index: a probe, once LIMITed.
 */
export const visibleLinksOf = (
  db: Kysely<DatabaseSchema>,
  asOf: Date,
  link: 'tags' | 'authors',
  owner: string,
) =>
  (link === 'tags'
    ? db
        .selectFrom('article_tags as l')
        .select('l.published_at')
        .where('l.tag_id', '=', sql.ref<number>(owner))
    : db
        .selectFrom('article_authors as l')
        .select('l.published_at')
        .where('l.author_id', '=', sql.ref<number>(owner))
  ).where(visibleToReaders(asOf, 'l'));

/**
 * Whether a topic or an author (`owner`, as "t.id") has a story readers may see at `asOf`: a
 * tag only drafts, embargoed or killed stories carry is not public yet, and its name could give
 * the story away. One probe of the link table's index, stopped at the first story.
 */
export const hasListedStory =
  (db: Kysely<DatabaseSchema>, asOf: Date, link: 'tags' | 'authors', owner: string) =>
  <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) =>
    eb.exists(visibleLinksOf(db, asOf, link, owner).limit(1));

/** Joins the section and the lead photo to an article query and selects what pages need. */
export const withArticleColumns = (query: ReturnType<typeof fromArticles>) =>
  query
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .select(ARTICLE_COLUMNS);

/** The article query: joins in the section and the lead photo. */
export const selectArticles = (db: Kysely<DatabaseSchema>) => withArticleColumns(fromArticles(db));

type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticles>['executeTakeFirstOrThrow']>>;

/** Newest first, the newer id first at the same time: the lists' order, for rows read unordered. */
export const newestFirst = (
  a: { id: number; published_at: string | null },
  b: { id: number; published_at: string | null },
) =>
  a.published_at === b.published_at
    ? b.id - a.id
    : (b.published_at ?? '') < (a.published_at ?? '')
      ? -1
      : 1;

const timeOrNull = (value: string | null) => (value === null ? null : fromDbTime(value));

/** A whole article from its row plus its bylines, tags, corrections and the photos it shows. */
export function articleFrom(
  row: ArticleRow,
  bylines: AuthorProfile[],
  tags: Tag[],
  corrections: Correction[],
  photos: { inline: MediaItem[]; social: MediaItem | null } = { inline: [], social: null },
  // A caller that has already parsed the body passes it: a long story's JSON is not cheap.
  body: BodyDocument = JSON.parse(row.body) as BodyDocument,
): Article {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    dateline: row.dateline,
    body,
    leadImage: leadImageFrom(row),
    signOff: row.sign_off,
    section: sectionFrom(row),
    tags,
    bylines,
    status: row.status as ArticleStatus,
    publishedAt: row.published_at === null ? null : fromDbTime(row.published_at),
    updatedAt: fromDbTime(row.updated_at),
    createdAt: fromDbTime(row.created_at),
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    socialTitle: row.social_title,
    socialDescription: row.social_description,
    socialImage: photos.social,
    liveChangedAt: timeOrNull(row.live_changed_at),
    revision: row.revision,
    createdBy: row.created_by,
    publishAt: timeOrNull(row.publish_at),
    unpublishAt: timeOrNull(row.unpublish_at),
    killedAt: timeOrNull(row.killed_at),
    corrections,
    inlinePhotos: photos.inline,
  };
}

/** The byline query, before choosing which articles. */
export const selectBylines = (db: Kysely<DatabaseSchema>) =>
  db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', ...AUTHOR_COLUMNS]);

type BylineRow = Awaited<ReturnType<ReturnType<typeof selectBylines>['execute']>>[number];

/** Byline rows grouped by article, keeping their order. */
export function groupBylines(rows: BylineRow[]) {
  const byArticle = new Map<number, AuthorProfile[]>();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push(authorFrom(row));
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}

/** Bylines of many articles in one query, in byline order. */
export async function bylinesOf(db: Kysely<DatabaseSchema>, articleIds: number[]) {
  if (articleIds.length === 0) return new Map<number, AuthorProfile[]>();
  const rows = await selectBylines(db)
    .where('aa.article_id', 'in', articleIds)
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute();
  return groupBylines(rows);
}

/** A correction as the article query carries it (see whole-article-query.ts). */
interface CorrectionRow {
  id: number;
  kind: string;
  text: string;
  created_at: string;
}

export const correctionFrom = (row: CorrectionRow): Correction => ({
  id: row.id,
  kind: row.kind as Correction['kind'],
  text: row.text,
  createdAt: fromDbTime(row.created_at),
});
