/**
 * One story as its page shows it, in one statement: the article joined to its section and lead
 * photo, with its bylines, tags and corrections as JSON arrays beside the row. Four statements
 * cost four round trips on PostgreSQL, and on SQLite each statement's own overhead outweighs
 * what these small lookups read.
 */
import type { Kysely } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { Engine } from './engine.js';
import { AUTHOR_COLUMNS } from './author-rows.js';
import { selectArticles } from './article-rows.js';
import type { DatabaseSchema } from './schema.js';

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
