import type { Kysely } from 'kysely';
import type { BodyDocument } from '../domain/body/body-document.js';
import { relevanceOf } from '../domain/search/relevance.js';
import { searchDocumentOf, type SearchDocument } from '../domain/search/search-document.js';
import type {
  StorySearch,
  StorySearchHit,
  StorySearchQuery,
} from '../services/search/search-ports.js';
import { newestFirst, visibleToReaders } from './article-rows.js';
import type { Engine } from './engine.js';
import { postgresSearch } from './postgres/postgres-story-search.js';
import { toDbTime, type DatabaseSchema } from './schema.js';
import { sqliteSearch } from './sqlite/sqlite-story-search.js';
import {
  RANKED_MATCHES,
  type FewMatches,
  type IndexEntry,
  type SearchDialect,
} from './story-search-dialect.js';

export const searchDialectOf = (engine: Engine): SearchDialect =>
  engine === 'sqlite' ? sqliteSearch : postgresSearch;

// Words the typo lookup knows: long enough to be mistyped, short enough to be a word.
const VOCABULARY_WORD = /^(?=.*\p{L})[\p{L}\p{N}]{4,40}$/u;

// Stories read back at a time: a prolific author's new name may touch thousands.
const REINDEX_BATCH = 1000;

/**
 * The words of these documents worth offering for a typo, each once, in order: transactions
 * adding words at once then take their locks in the same order, so none waits on another that
 * waits on it.
 */
export const vocabularyOf = (documents: SearchDocument[]): string[] => {
  const words = new Set<string>();
  for (const d of documents) {
    for (const text of [d.headline, d.standfirst, d.people, d.body])
      for (const word of text.split(' ')) words.add(word);
  }
  return [...words].filter((word) => VOCABULARY_WORD.test(word)).sort();
};

function namesByStory(links: { article_id: number; name: string }[]) {
  const names = new Map<number, string[]>();
  for (const link of links)
    names.set(link.article_id, [...(names.get(link.article_id) ?? []), link.name]);
  return names;
}

/** The stories among `ids` readers could ever see (published, not killed), ready to index. */
async function entriesFor(db: Kysely<DatabaseSchema>, ids: number[]): Promise<IndexEntry[]> {
  const rows = await db
    .selectFrom('articles as a')
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .select(['a.id', 'a.headline', 'a.standfirst', 'a.body', 'a.lead_caption', 'm.caption'])
    .where('a.id', 'in', ids)
    .where('a.status', '=', 'published')
    .where('a.killed_at', 'is', null)
    .execute();
  if (rows.length === 0) return [];
  const found = rows.map((row) => row.id);
  const [tags, bylines] = await Promise.all([
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.name'])
      .where('at.article_id', 'in', found)
      .execute(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'au.name'])
      .where('aa.article_id', 'in', found)
      .execute(),
  ]);
  const tagNames = namesByStory(tags);
  const bylineNames = namesByStory(bylines);
  return rows.map((row) => ({
    id: row.id,
    document: searchDocumentOf({
      headline: row.headline,
      standfirst: row.standfirst,
      body: JSON.parse(row.body) as BodyDocument,
      leadCaption: row.lead_caption ?? row.caption,
      tags: tagNames.get(row.id) ?? [],
      bylines: bylineNames.get(row.id) ?? [],
    }),
  }));
}

/**
 * Brings the index entries of these stories up to date with the stories as they are now:
 * call it in the transaction of any write that changes a story's words or whether readers may
 * ever see it. A story not published, or killed, leaves the index.
 */
export async function reindexStories(
  db: Kysely<DatabaseSchema>,
  dialect: SearchDialect,
  ids: number[],
): Promise<void> {
  for (let start = 0; start < ids.length; start += REINDEX_BATCH) {
    const batch = ids.slice(start, start + REINDEX_BATCH);
    await dialect.remove(db, batch);
    await indexNewStories(db, dialect, batch);
  }
}

/**
 * Indexes stories not in the index yet (a bulk load's): reindexStories without the removal,
 * which costs FTS5 as much as the insert.
 */
export async function indexNewStories(
  db: Kysely<DatabaseSchema>,
  dialect: SearchDialect,
  ids: number[],
): Promise<void> {
  const entries = await entriesFor(db, ids);
  await dialect.add(db, entries);
  await dialect.addWords(db, vocabularyOf(entries.map((entry) => entry.document)));
}

interface Candidate {
  id: number;
  published_at: string | null;
  headline: string;
  standfirst: string;
}

/** The candidates in the order asked for: relevance (recency breaking ties), or newest first. */
function ordered(found: Candidate[], query: StorySearchQuery): Candidate[] {
  if (query.order === 'newest') return found.sort(newestFirst);
  const scores = new Map(found.map((c) => [c.id, relevanceOf(query.clauses, c)]));
  return found.sort(
    (a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || newestFirst(a, b),
  );
}

/** Search over the index, on either engine (see story-search-dialect.ts for what differs). */
export class KyselyStorySearch implements StorySearch {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: SearchDialect,
  ) {}

  async search(query: StorySearchQuery) {
    const few = await this.dialect.fewMatchesIn(this.db);
    const found = ordered(await this.candidates(query, few).execute(), query);
    const page = found.slice(query.offset, query.offset + query.limit).map((c) => c.id);
    const rows =
      page.length === 0
        ? []
        : await this.db
            .selectFrom('articles')
            .select(['id', 'standfirst', 'body'])
            .where('id', 'in', page)
            .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    const hits = page.flatMap((id) => {
      const row = byId.get(id);
      return row ? [hitFrom(row)] : [];
    });
    return { hits, total: found.length, more: found.length === RANKED_MATCHES };
  }

  wordsLike(word: string) {
    return this.dialect.wordsLike(this.db, word, 40);
  }

  /**
   * The newest visible stories in the index that meet the query, filters applied, with what
   * their relevance is judged on. On SQLite the CROSS JOIN keeps the matches outermost, read newest first from FTS5,
   * so the LIMIT stops the walk; PostgreSQL's planner picks its own order (see the dialect).
   */
  private candidates(query: StorySearchQuery, few: FewMatches) {
    let found = this.db
      .selectFrom(this.dialect.source(query.clauses, few).as('m'))
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'm.id')
      .where(visibleToReaders(query.asOf))
      .select(['a.id', 'a.published_at', 'a.headline', 'a.standfirst']);
    if (query.sectionId !== undefined) found = found.where('a.section_id', '=', query.sectionId);
    if (query.authorId !== undefined) {
      const byAuthor = this.db
        .selectFrom('article_authors')
        .select('article_id')
        .where('author_id', '=', query.authorId);
      found = found.where('a.id', 'in', byAuthor);
    }
    if (query.from) found = found.where('a.published_at', '>=', toDbTime(query.from));
    if (query.until) found = found.where('a.published_at', '<', toDbTime(query.until));
    return found.orderBy('m.id', 'desc').limit(RANKED_MATCHES);
  }
}

const hitFrom = (row: { id: number; standfirst: string; body: string }): StorySearchHit => ({
  id: row.id,
  standfirst: row.standfirst,
  body: JSON.parse(row.body) as BodyDocument,
});

/**
 * Every story's entry made afresh, a batch at a time: for a migration that adds the index or
 * changes what an entry holds. Emptied first, as removing entry by entry costs FTS5 as much as
 * writing them.
 */
export async function reindexAll(db: Kysely<DatabaseSchema>, dialect: SearchDialect) {
  await dialect.removeAll(db);
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('articles')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(REINDEX_BATCH)
      .execute();
    if (rows.length === 0) return;
    await indexNewStories(
      db,
      dialect,
      rows.map((row) => row.id),
    );
    after = rows[rows.length - 1]?.id ?? after;
  }
}
