/** The home page's stories in one query, compiled once per shape (ADR 0039). */
import { sql, type Kysely } from 'kysely';
import type { FrontStory } from '../domain/article/article.js';
import type { HomeStories, HomeStoriesQuery } from '../services/ports.js';
import { FRONT_STORY_COLUMNS, frontStoryFrom, listedArticles, pageOfIds } from './article-rows.js';
import { reusableQueryWithStandIns } from './reusable-query.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

/** Which of the home's lists a row answers, as the query tags it. */
const LATEST = 0;
const CHOSEN = 1;
const SECTION = 2;

/** How many ids and sections a query is compiled for, and its limits. */
type Shape = Omit<HomeStoriesQuery, 'asOf' | 'chosenIds' | 'sectionIds'> & {
  chosen: number;
  sections: number;
};

// Stand-ins no read's values equal: ids are positive, and no story is dated 1900.
const AS_OF = new Date(Date.UTC(1900, 0, 1));
const chosenStandIn = (index: number) => -1 - index;
const sectionStandIn = (index: number) => -100_001 - index;

/**
 * The newest stories, the chosen ones and each section's newest as tagged ids, every list
 * read from the articles' own indexes (ADR 0038), then joined once to what a card shows.
 */
function selectHomeStories(db: Kysely<DatabaseSchema>, shape: Shape) {
  const lists = [
    pageOfIds(db, listedArticles(db, AS_OF), { limit: shape.latest }).select(
      sql.lit(LATEST).as('list'),
    ),
  ];
  if (shape.chosen > 0) {
    const ids = Array.from({ length: shape.chosen }, (_, i) => chosenStandIn(i));
    const chosen = listedArticles(db, AS_OF).where('a.id', 'in', ids);
    lists.push(
      db
        .selectFrom(chosen.select('a.id').as('p'))
        .select('p.id')
        .select(sql.lit(CHOSEN).as('list')),
    );
  }
  for (let i = 0; i < shape.sections; i++) {
    const section = listedArticles(db, AS_OF, { sectionId: sectionStandIn(i) });
    lists.push(
      pageOfIds(db, section, { limit: shape.perSection }).select(sql.lit(SECTION).as('list')),
    );
  }
  const [first, ...rest] = lists;
  const tagged = rest.reduce((union, next) => union.unionAll(next), first!);
  return db
    .selectFrom(tagged.as('h'))
    .innerJoin('articles as a', 'a.id', 'h.id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.lead_media_id')
    .select(['h.list', ...FRONT_STORY_COLUMNS])
    .orderBy('h.list')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc');
}

function standInsOf(shape: Shape): unknown[] {
  return [
    toDbTime(AS_OF),
    ...Array.from({ length: shape.chosen }, (_, i) => chosenStandIn(i)),
    ...Array.from({ length: shape.sections }, (_, i) => sectionStandIn(i)),
  ];
}

/** Enough shapes for every curation length and section count a paper goes through. */
const MAX_SHAPES = 64;

/**
 * Reads the home page's stories in one round trip. Building and compiling the query would
 * cost more than running it, so each shape's SQL is made once and kept.
 */
export function homeStoriesReader(db: Kysely<DatabaseSchema>) {
  const compiled = new Map<string, ReturnType<typeof compile>>();
  const compile = (shape: Shape) =>
    reusableQueryWithStandIns(
      db as unknown as Kysely<never>,
      selectHomeStories(db, shape),
      standInsOf(shape),
    );
  return async (query: HomeStoriesQuery): Promise<HomeStories> => {
    const shape: Shape = {
      latest: query.latest,
      perSection: query.perSection,
      chosen: query.chosenIds.length,
      sections: query.sectionIds.length,
    };
    const key = `${shape.latest}:${shape.perSection}:${shape.chosen}:${shape.sections}`;
    let run = compiled.get(key);
    if (!run) {
      if (compiled.size >= MAX_SHAPES) compiled.clear();
      run = compile(shape);
      compiled.set(key, run);
    }
    const rows = await run([toDbTime(query.asOf), ...query.chosenIds, ...query.sectionIds]);
    return sortedIntoLists(rows);
  };
}

function sortedIntoLists(
  rows: ({ list: number } & Parameters<typeof frontStoryFrom>[0])[],
): HomeStories {
  const stories: HomeStories = { latest: [], chosen: [], bySection: new Map() };
  // A story on several lists is made once and shared.
  const made = new Map<number, FrontStory>();
  for (const row of rows) {
    let story = made.get(row.id);
    if (!story) {
      story = frontStoryFrom(row);
      made.set(row.id, story);
    }
    if (row.list === LATEST) stories.latest.push(story);
    else if (row.list === CHOSEN) stories.chosen.push(story);
    else {
      const ofSection = stories.bySection.get(story.section.id);
      if (ofSection) ofSection.push(story);
      else stories.bySection.set(story.section.id, [story]);
    }
  }
  return stories;
}
