/**
 * One story as its page shows it, in one statement: the article joined to its section and lead
 * photo, with its bylines, tags and corrections as JSON arrays beside the row. Four statements
 * cost four round trips on PostgreSQL, and on SQLite each statement's own overhead outweighs
 * what these small lookups read.
 */
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { Engine } from './engine.js';
import { AUTHOR_COLUMNS } from './author-rows.js';
import { selectArticles, visibleToReaders } from './article-rows.js';
import { RELATED_SHOWN, SECTION_SHOWN } from '../domain/article/related-stories.js';
import { asJsonRowBeside, rowFromJsonBeside } from './json-rows.js';
import { reusableQueryWithStandIns } from './reusable-query.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

/** The rows a JSON array column holds: SQLite sends the text, PostgreSQL's driver parses it. */
export const rowsOfJson = <Row>(value: unknown): Row[] =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Row[];

/** A subquery's rows as one JSON array, in the subquery's order, in the engine's own idiom. */
const jsonArrayOf = <Row>(engine: Engine, query: Parameters<typeof sqliteJsonArray<Row>>[0]) =>
  engine === 'postgres' ? postgresJsonArray(query) : sqliteJsonArray(query);

/** The whole article's query, before choosing which article. */
export function selectWholeArticles(db: Kysely<DatabaseSchema>, engine: Engine) {
  return selectArticles(db).select((eb) => [
    jsonArrayOf(
      engine,
      eb
        .selectFrom('article_authors as aa')
        .innerJoin('authors as au', 'au.id', 'aa.author_id')
        .select(AUTHOR_COLUMNS)
        .whereRef('aa.article_id', '=', 'a.id')
        .orderBy('aa.position'),
    ).as('bylines_json'),
    jsonArrayOf(
      engine,
      eb
        .selectFrom('article_tags as at')
        .innerJoin('tags as t', 't.id', 'at.tag_id')
        .select(['t.id', 't.slug', 't.name'])
        .whereRef('at.article_id', '=', 'a.id')
        .orderBy('at.position'),
    ).as('tags_json'),
    jsonArrayOf(
      engine,
      eb
        .selectFrom('corrections as c')
        .select(['c.id', 'c.kind', 'c.text', 'c.created_at'])
        .whereRef('c.article_id', '=', 'a.id')
        .orderBy('c.created_at')
        .orderBy('c.id'),
    ).as('corrections_json'),
  ]);
}

/**
 * The whole article at a slug. The slug is looked up on its own, in a subquery: SQLite reads
 * the joined row several times slower when it reaches it through the slug's index directly.
 */
export const selectWholeArticleBySlug = (db: Kysely<DatabaseSchema>, engine: Engine) =>
  selectWholeArticles(db, engine).where('a.id', '=', (eb) =>
    eb.selectFrom('articles').select('id').where('slug', '=', ''),
  );

/** What a link at the foot of the page reads of a story: the lists' rows in the JSON. */
export interface StoryLinkRow {
  id: number;
  slug: string;
  headline: string;
  published_at: string;
  section_slug: string;
}

/** A related story's row, with what the visibility rule reads of it. */
export interface RelatedStoryRow extends StoryLinkRow {
  status: string;
  killed_at: string | null;
  unpublish_at: string | null;
}

const STORY_LINK_COLUMNS = ['b.id', 'b.slug', 'b.headline', 'b.published_at'] as const;
const VISIBILITY_COLUMNS = ['b.status', 'b.killed_at', 'b.unpublish_at'] as const;

/** Values no constant of the page's query equals, standing in for the time and the slug. */
export const PAGE_STAND_INS = { asOf: new Date(0), slug: '\u0000slug' } as const;

/**
 * The story's page at a slug: the whole article, with the foot's two lists as JSON arrays
 * beside it (ADR 0049). Its related stories come by key from `story_related`, best first, all
 * of them with what the visibility rule reads: the page shows those readers may see, and
 * carries the cache keys of the others too, so one that comes back reaches it. The section's
 * newest come from its own index (as the section front reads them), those readers may see at
 * the time asked for, enough that the related ones can be left out and the list still be full.
 */
export const selectStoryPageBySlug = (db: Kysely<DatabaseSchema>, engine: Engine) =>
  selectWholeArticles(db, engine)
    .select((eb) => [
      jsonArrayOf(
        engine,
        eb
          .selectFrom('story_related as r')
          .innerJoin('articles as b', 'b.id', 'r.related_id')
          .innerJoin('sections as bs', 'bs.id', 'b.section_id')
          .select([...STORY_LINK_COLUMNS, 'bs.slug as section_slug', ...VISIBILITY_COLUMNS])
          .whereRef('r.article_id', '=', 'a.id')
          .orderBy('r.rank'),
      ).as('related_json'),
      jsonArrayOf(
        engine,
        eb
          .selectFrom('articles as b')
          .select([...STORY_LINK_COLUMNS, 's.slug as section_slug'])
          .whereRef('b.section_id', '=', 'a.section_id')
          .where(visibleToReaders(PAGE_STAND_INS.asOf, 'b'))
          .whereRef('b.id', '<>', 'a.id')
          .orderBy('b.published_at', 'desc')
          .orderBy('b.id', 'desc')
          // A literal: bound as a parameter, SQLite walks the section's whole range here.
          .limit(sql.lit(SECTION_SHOWN + RELATED_SHOWN)),
      ).as('section_json'),
    ])
    .where('a.id', '=', (eb) =>
      eb.selectFrom('articles').select('id').where('slug', '=', PAGE_STAND_INS.slug),
    );

type StoryPageRow = Awaited<
  ReturnType<ReturnType<typeof selectStoryPageBySlug>['executeTakeFirstOrThrow']>
>;

/** The story page's columns sent beside its JSON row: the body, long and all quotes. */
const BESIDE_THE_ROW = ['body'] as const;

/**
 * The story page's read, compiled once, its one row sent as a JSON array (json-rows.ts) with
 * the body beside it: as 61 columns, PostgreSQL's driver read their description and built a
 * parser for each on every page, more than the rest of the read cost it; inside the JSON, the
 * body was escaped by the database and unescaped by JSON.parse. See docs/performance.md.
 */
export function storyPageRead(db: Kysely<DatabaseSchema>, engine: Engine) {
  const page = selectStoryPageBySlug(db, engine);
  const { query, columns } = asJsonRowBeside(db, engine, page, BESIDE_THE_ROW);
  const read = reusableQueryWithStandIns(db as unknown as Kysely<never>, query, [
    toDbTime(PAGE_STAND_INS.asOf),
    PAGE_STAND_INS.slug,
  ]);
  return async (slug: string, asOf: Date): Promise<StoryPageRow | undefined> => {
    const [answer] = await read([toDbTime(asOf), slug]);
    return answer && rowFromJsonBeside<StoryPageRow>(answer, columns, BESIDE_THE_ROW);
  };
}
