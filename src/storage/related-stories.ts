/**
 * Each story's related stories, chosen when it is written and kept in `story_related` (ADR
 * 0049): the page reads them with the story, and a related story taken down since drops out
 * there, by the one visibility rule, without a rewrite.
 */
import type { Kysely } from 'kysely';
import {
  atLeastTwoOf,
  chooseRelated,
  textMatchOf,
  wordsToMatch,
  type RelatedCandidate,
} from '../domain/article/related-stories.js';
import { fromDbTime, type DatabaseSchema } from './schema.js';
import type { SearchDialect } from './story-search-dialect.js';

// Candidates drawn from each source, newest first: enough to find the closest few among
// recent stories, few enough that choosing costs the same at any archive size.
const FROM_EACH = 30;
// Topics looked through: a story's first few are its main ones.
const TOPICS = 8;
// Headlines looked through for words in common: the newest stories by id, so that the full-text
// index is read in a range of this size at any archive size (months of a daily paper).
const HEADLINES = 5000;

/** The story's section, headline and topics, if readers could ever see it. */
async function storyOf(db: Kysely<DatabaseSchema>, id: number) {
  const story = await db
    .selectFrom('articles')
    .select(['section_id', 'headline'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .where('killed_at', 'is', null)
    .executeTakeFirst();
  if (!story) return undefined;
  const tags = await db
    .selectFrom('article_tags')
    .select('tag_id')
    .where('article_id', '=', id)
    .orderBy('position')
    .limit(TOPICS)
    .execute();
  return { ...story, tagIds: tags.map((tag) => tag.tag_id), words: wordsToMatch(story.headline) };
}

type Story = NonNullable<Awaited<ReturnType<typeof storyOf>>>;

/** Published, unkilled: embargoes and take-down times are the page's to apply, as they fall. */
const newestOfTopic = (db: Kysely<DatabaseSchema>, tagId: number) =>
  db
    .selectFrom('article_tags')
    .select('article_id as id')
    .where('tag_id', '=', tagId)
    .where('status', '=', 'published')
    .where('killed_at', 'is', null)
    .orderBy('published_at', 'desc')
    .limit(FROM_EACH)
    .execute();

const newestOfSection = (db: Kysely<DatabaseSchema>, sectionId: number) =>
  db
    .selectFrom('articles')
    .select('id')
    .where('section_id', '=', sectionId)
    .where('status', '=', 'published')
    .where('killed_at', 'is', null)
    .orderBy('published_at', 'desc')
    .limit(FROM_EACH)
    .execute();

/** Recent stories sharing a topic, the section, or two words of the headline. */
async function candidateIds(
  db: Kysely<DatabaseSchema>,
  search: SearchDialect,
  id: number,
  story: Story,
): Promise<number[]> {
  const ids = new Set<number>();
  for (const tagId of story.tagIds)
    for (const row of await newestOfTopic(db, tagId)) ids.add(row.id);
  for (const row of await newestOfSection(db, story.section_id)) ids.add(row.id);
  if (story.words.length > 0) {
    const newest = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const afterId = Number(newest?.id ?? 0) - HEADLINES;
    const clauses = atLeastTwoOf(story.words);
    for (const match of await search.newestInHeadlines(db, clauses, afterId, FROM_EACH))
      ids.add(match);
  }
  ids.delete(id);
  return [...ids];
}

/** What the choice weighs of each candidate: topics in common, section, words, date. */
async function candidatesFor(
  db: Kysely<DatabaseSchema>,
  story: Story,
  ids: number[],
): Promise<RelatedCandidate[]> {
  // By id alone, the rest checked here: without ANALYZE's statistics (an archive just
  // imported) SQLite would read every published story through the status index instead.
  const found = await db
    .selectFrom('articles')
    .select(['id', 'section_id', 'headline', 'standfirst', 'published_at', 'status', 'killed_at'])
    .where('id', 'in', ids)
    .execute();
  const rows = found.filter((row) => row.status === 'published' && row.killed_at === null);
  const shared = new Map<number, number>();
  if (story.tagIds.length > 0) {
    const links = await db
      .selectFrom('article_tags')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('article_id', 'in', ids)
      .where('tag_id', 'in', story.tagIds)
      .groupBy('article_id')
      .execute();
    for (const link of links) shared.set(link.article_id, Number(link.count));
  }
  return rows.flatMap((row) =>
    row.published_at === null
      ? []
      : [
          {
            id: row.id,
            sharedTags: shared.get(row.id) ?? 0,
            sameSection: row.section_id === story.section_id,
            textMatch: textMatchOf(story.words, row),
            publishedAt: fromDbTime(row.published_at),
          },
        ],
  );
}

/** Chooses and keeps one story's related stories; a story readers cannot see keeps none. */
async function relateStory(db: Kysely<DatabaseSchema>, search: SearchDialect, id: number) {
  await db.deleteFrom('story_related').where('article_id', '=', id).execute();
  const story = await storyOf(db, id);
  if (!story) return;
  const ids = await candidateIds(db, search, id, story);
  if (ids.length === 0) return;
  const chosen = chooseRelated(await candidatesFor(db, story, ids));
  if (chosen.length === 0) return;
  await db
    .insertInto('story_related')
    .values(chosen.map((related_id, rank) => ({ article_id: id, related_id, rank })))
    .execute();
}

/**
 * Chooses these stories' related stories afresh: call it in the transaction of any write that
 * changes a story's headline, topics, section, body or whether readers may ever see it.
 */
export async function relateStories(
  db: Kysely<DatabaseSchema>,
  search: SearchDialect,
  ids: number[],
): Promise<void> {
  for (const id of ids) await relateStory(db, search, id);
}
