/**
 * The home page's reads (ADR 0039): which stories it may show, in one query over the articles'
 * indexes, then the cards of those it does show. Each is compiled once per shape, and each
 * answers with its rows as one JSON array (json-rows.ts).
 */
import { sql, type Compilable, type Kysely } from 'kysely';
import type { FrontStory } from '../domain/article/article.js';
import type { HomeStoriesQuery, HomeStoryIds } from '../services/ports.js';
import { listedArticles, newestFirst, type ListFilter } from './article-rows.js';
import { FRONT_STORY_COLUMNS, frontStoryFrom } from './story-card-rows.js';
import type { Engine } from './engine.js';
import { reusableQueryWithStandIns } from './reusable-query.js';
import { asJsonRows, rowsFromJson } from './json-rows.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

/** Which list a row answers, as the query tags it: a section's is its index from here. */
const LATEST = 0;
const CHOSEN = 1;
const FIRST_SECTION = 2;

/** How many ids and sections a query is compiled for, and its limits. */
type Shape = Pick<HomeStoriesQuery, 'latest' | 'perSection'> & { chosen: number; sections: number };

// Stand-ins no read's values equal: ids are positive, and no story is dated 1900.
const AS_OF = new Date(Date.UTC(1900, 0, 1));
const idStandIns = (count: number, first: number) =>
  Array.from({ length: count }, (_, i) => first - i);

// Whether a story has a lead photo, as a number on both engines (a union's types must agree).
const HAS_PHOTO = sql<number>`case when a.lead_media_id is null then 0 else 1 end`;
const NO_PHOTO = sql<number>`0`;

/**
 * A list's newest stories by a walk down an index that stops after `limit` (ADR 0038). The
 * limit is written into the SQL: SQLite plans a bound LIMIT less well, and the shape fixes it.
 */
function newest(
  db: Kysely<DatabaseSchema>,
  list: number,
  { filter, limit, withPhoto }: { filter: ListFilter; limit: number; withPhoto: boolean },
) {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`Not a limit: ${limit}`);
  const walk = listedArticles(db, AS_OF, filter)
    .select(['a.id', 'a.published_at', (withPhoto ? HAS_PHOTO : NO_PHOTO).as('photo')])
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(sql.lit(limit));
  return db
    .selectFrom(walk.as('p'))
    .select(['p.id', 'p.published_at', 'p.photo', sql.lit(list).as('list')]);
}

function selectHomeStoryIds(db: Kysely<DatabaseSchema>, shape: Shape) {
  let query = newest(db, LATEST, { filter: {}, limit: shape.latest, withPhoto: true });
  if (shape.chosen > 0) {
    const chosen = listedArticles(db, AS_OF)
      .where('a.id', 'in', idStandIns(shape.chosen, -1))
      .select(['a.id', 'a.published_at', NO_PHOTO.as('photo')]);
    query = query.unionAll(
      db
        .selectFrom(chosen.as('p'))
        .select(['p.id', 'p.published_at', 'p.photo', sql.lit(CHOSEN).as('list')]),
    );
  }
  const sectionIds = idStandIns(shape.sections, -100_001);
  sectionIds.forEach((sectionId, i) => {
    // Without the photo: reading it would leave the covering index for every row.
    const limit = shape.perSection;
    query = query.unionAll(
      newest(db, FIRST_SECTION + i, { filter: { sectionId }, limit, withPhoto: false }),
    );
  });
  return query;
}

/** Enough shapes for every curation length, section count and front a paper goes through. */
const MAX_SHAPES = 128;

/** Compiles each shape of a query once, keeping a bounded number of them. */
function byShape<Key, Run>(keyOf: (key: Key) => string, compile: (key: Key) => Run) {
  const compiled = new Map<string, Run>();
  return (key: Key): Run => {
    const name = keyOf(key);
    let run = compiled.get(name);
    if (!run) {
      if (compiled.size >= MAX_SHAPES) compiled.clear();
      run = compile(key);
      compiled.set(name, run);
    }
    return run;
  };
}

/**
 * A query whose rows come back as one JSON array, compiled once with `standIns` as its values
 * (see reusableQueryWithStandIns); the rows are in no particular order.
 */
function reusableJsonRows<Row>(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  query: Compilable<Row> & Parameters<typeof asJsonRows>[2],
  standIns: readonly unknown[],
) {
  const { query: wrapped, columns } = asJsonRows(db, engine, query);
  const run = reusableQueryWithStandIns(db as unknown as Kysely<never>, wrapped, standIns);
  return async (values: readonly unknown[]): Promise<Row[]> => {
    const [answer] = await run(values);
    return answer ? rowsFromJson<Row>(answer.rows, columns) : [];
  };
}

/** The home page's two reads; building and compiling them would cost more than running them. */
export function homeStoryReads(db: Kysely<DatabaseSchema>, engine: Engine) {
  const storyIds = byShape(
    (shape: Shape) => `${shape.latest}:${shape.perSection}:${shape.chosen}:${shape.sections}`,
    (shape) =>
      reusableJsonRows<TaggedRow>(db, engine, selectHomeStoryIds(db, shape), [
        toDbTime(AS_OF),
        ...idStandIns(shape.chosen, -1),
        ...idStandIns(shape.sections, -100_001),
      ]),
  );
  const cards = byShape(String, (count: number) => {
    const ids = idStandIns(count, -1);
    const query = listedArticles(db, AS_OF)
      .where('a.id', 'in', ids)
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('media as m', 'm.id', 'a.lead_media_id')
      .select(FRONT_STORY_COLUMNS);
    return reusableJsonRows(db, engine, query, [toDbTime(AS_OF), ...ids]);
  });
  return {
    listHomeStoryIds: async (query: HomeStoriesQuery): Promise<HomeStoryIds> => {
      const run = storyIds({
        latest: query.latest,
        perSection: query.perSection,
        chosen: query.chosenIds.length,
        sections: query.sectionIds.length,
      });
      const at = toDbTime(query.asOf);
      const rows = await run([at, ...query.chosenIds, ...query.sectionIds]);
      return sortedIntoLists(rows, query.sectionIds);
    },
    listFrontStories: async (ids: number[], asOf: Date): Promise<FrontStory[]> => {
      if (ids.length === 0) return [];
      const rows = await cards(ids.length)([toDbTime(asOf), ...ids]);
      return rows.map(frontStoryFrom);
    },
  };
}

interface TaggedRow {
  id: number;
  published_at: string | null;
  photo: number | boolean;
  list: number;
}

function sortedIntoLists(rows: TaggedRow[], sectionIds: number[]): HomeStoryIds {
  const lists: HomeStoryIds = { latest: [], chosen: [], bySection: new Map() };
  // Newest first, as each list's walk read them (a union keeps no order of its own).
  for (const row of rows.sort(newestFirst)) {
    if (row.list === LATEST) lists.latest.push({ id: row.id, hasPhoto: Boolean(row.photo) });
    else if (row.list === CHOSEN) lists.chosen.push(row.id);
    else {
      const sectionId = sectionIds[row.list - FIRST_SECTION]!;
      const ofSection = lists.bySection.get(sectionId);
      if (ofSection) ofSection.push(row.id);
      else lists.bySection.set(sectionId, [row.id]);
    }
  }
  return lists;
}
