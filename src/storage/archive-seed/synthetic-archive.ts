/**
 * The rows of a synthetic archive, made in batches so a million stories never sit in memory at
 * once. Every state a story can be in appears (drafts, scheduled, embargoed, unpublished,
 * killed, expired), bylines and tags are skewed the way a newsroom's are (a few used a lot),
 * and publication times run back from `now`, several a day, over up to fifteen years.
 */
import { toDbTime } from '../schema.js';
import {
  bodyJson,
  headline,
  paragraphPool,
  seededRandom,
  words,
  zipfIndex,
} from './synthetic-text.js';

export type Cell = string | number | null;

/** Rows for one table, columns in the order of each row's cells. */
export interface TableRows {
  table: 'articles' | 'article_authors' | 'article_tags' | 'corrections';
  columns: readonly string[];
  rows: Cell[][];
}

export const ARTICLE_COLUMNS = [
  'id',
  'slug',
  'section_id',
  'headline',
  'standfirst',
  'dateline',
  'body',
  'sign_off',
  'status',
  'published_at',
  'updated_at',
  'created_at',
  'seo_title',
  'seo_description',
  'publish_at',
  'unpublish_at',
  'killed_at',
  'revision',
  'live_changed_at',
] as const;

// A link carries its story's visibility columns (migration 0019): written here with the link,
// the triggers that would copy them one row at a time stay idle during a bulk load.
const STORY_COLUMNS = ['status', 'published_at', 'killed_at', 'unpublish_at'] as const;
const LINK_COLUMNS = {
  article_authors: ['article_id', 'author_id', 'position', ...STORY_COLUMNS],
  article_tags: ['article_id', 'tag_id', 'position', ...STORY_COLUMNS],
} as const;
const CORRECTION_COLUMNS = ['article_id', 'kind', 'text', 'created_at'] as const;

/** What the articles are attached to, and where their ids and times start. */
export interface ArchivePlan {
  firstId: number;
  count: number;
  now: Date;
  sectionIds: number[];
  tagIds: number[];
  authorIds: number[];
  /** Varies the text between runs that append to the same database. */
  seed: number;
}

const DAY_MS = 86_400_000;
const YEARS = 15;
const DATELINES = ['MUSCAT', 'SALALAH', 'SOHAR', 'NIZWA', 'SUR', 'DUQM', 'DUBAI', 'LONDON'];

/** Several stories a day however small the archive; more a day past fifteen years' worth. */
export const storiesPerDay = (count: number) => Math.max(4, Math.ceil(count / (YEARS * 365)));

type Random = () => number;

/** The status and times of story `i` of the plan (0 is the oldest). */
function lifecycle(random: Random, plan: ArchivePlan, i: number) {
  const spacing = DAY_MS / storiesPerDay(plan.count);
  const age = (plan.count - 1 - i) * spacing + random() * spacing + 5 * 60_000;
  const at = plan.now.getTime() - age;
  const time = (ms: number) => toDbTime(new Date(ms));
  const published = time(at);
  const story = {
    status: 'published',
    published_at: published as string | null,
    publish_at: null as string | null,
    unpublish_at: null as string | null,
    killed_at: null as string | null,
    live_changed_at: null as string | null,
    updated_at: published,
    created_at: time(at - 2 * 3_600_000),
  };
  const roll = random();
  if (roll < 0.01) return { ...story, status: 'draft', published_at: null };
  if (roll < 0.015) return { ...story, status: 'in_review', published_at: null };
  if (roll < 0.02) {
    const when = time(plan.now.getTime() + random() * 7 * DAY_MS);
    return { ...story, status: 'scheduled', published_at: null, publish_at: when };
  }
  if (roll < 0.03) return { ...story, status: 'unpublished', updated_at: time(at + DAY_MS) };
  if (roll < 0.04) return { ...story, killed_at: time(at + 3_600_000) };
  if (roll < 0.045) return { ...story, unpublish_at: time(at + 30 * DAY_MS) };
  if (roll < 0.048) {
    const embargo = time(plan.now.getTime() + random() * 2 * DAY_MS);
    return { ...story, published_at: embargo, publish_at: embargo, updated_at: embargo };
  }
  if (roll < 0.15) {
    const changed = time(at + random() * 3 * DAY_MS);
    return { ...story, live_changed_at: changed, updated_at: changed };
  }
  return story;
}

/** Distinct picks, Zipf-skewed, at most `count`. */
function distinctPicks(random: Random, ids: number[], count: number): number[] {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < count && tries < count * 4; tries += 1) {
    chosen.add(ids[zipfIndex(random, ids.length)] as number);
  }
  return [...chosen];
}

const slugOf = (text: string, id: number) =>
  `${text.toLowerCase().split(' ').slice(0, 6).join('-')}-${id}`;

/** The plan's rows, `batchSize` articles (with their links and corrections) at a time. */
export function* archiveBatches(plan: ArchivePlan, batchSize: number): Generator<TableRows[]> {
  const random = seededRandom(plan.seed);
  const pool = paragraphPool(random, 400);
  for (let start = 0; start < plan.count; start += batchSize) {
    const articles: Cell[][] = [];
    const bylines: Cell[][] = [];
    const tags: Cell[][] = [];
    const corrections: Cell[][] = [];
    for (let i = start; i < Math.min(plan.count, start + batchSize); i += 1) {
      const id = plan.firstId + i;
      const story = lifecycle(random, plan, i);
      const title = headline(random);
      const standfirst = `${words(random, 14 + Math.floor(random() * 14))}.`;
      articles.push([
        id,
        slugOf(title, id),
        plan.sectionIds[zipfIndex(random, plan.sectionIds.length)] as number,
        title,
        standfirst.charAt(0).toUpperCase() + standfirst.slice(1),
        DATELINES[Math.floor(random() * DATELINES.length)] as string,
        bodyJson(random, pool),
        random() < 0.3 ? '— Staff reporter' : '',
        story.status,
        story.published_at,
        story.updated_at,
        story.created_at,
        '',
        '',
        story.publish_at,
        story.unpublish_at,
        story.killed_at,
        1,
        story.live_changed_at,
      ]);
      const visibility = [story.status, story.published_at, story.killed_at, story.unpublish_at];
      const authors = distinctPicks(random, plan.authorIds, random() < 0.85 ? 1 : 2);
      authors.forEach((author, position) => bylines.push([id, author, position, ...visibility]));
      const tagCount = Math.floor(random() * random() * 6);
      const picked = distinctPicks(random, plan.tagIds, tagCount);
      picked.forEach((tag, position) => tags.push([id, tag, position, ...visibility]));
      if (story.status === 'published' && random() < 0.02) {
        const kind = random() < 0.7 ? 'correction' : 'clarification';
        const text = `An earlier version of this story gave the wrong ${words(random, 3)}.`;
        corrections.push([id, kind, text, story.updated_at]);
      }
    }
    yield [
      { table: 'articles', columns: ARTICLE_COLUMNS, rows: articles },
      { table: 'article_authors', columns: LINK_COLUMNS.article_authors, rows: bylines },
      { table: 'article_tags', columns: LINK_COLUMNS.article_tags, rows: tags },
      { table: 'corrections', columns: CORRECTION_COLUMNS, rows: corrections },
    ];
  }
}

const SECTION_NAMES = [
  'News',
  'Business',
  'Sport',
  'World',
  'Opinion',
  'Culture',
  'Technology',
  'Health',
  'Education',
  'Travel',
  'Science',
  'Environment',
  'Property',
  'Motoring',
  'Food',
  'Jobs',
];

/** Section `i` (0-based): the usual desks first, then numbered ones. */
export function sectionRow(i: number) {
  const name = SECTION_NAMES[i] ?? `Section ${i + 1}`;
  return { slug: name.toLowerCase().replace(/\s+/g, '-'), name, description: '', position: i };
}

/** How many topics and bylines an archive of `count` stories has. */
export const tagCount = (count: number) => Math.max(50, Math.ceil(count / 50));
export const authorCount = (count: number) => Math.max(20, Math.ceil(count / 2000));

const FIRST = ['Aisha', 'Hamad', 'Maryam', 'Said', 'Fatma', 'Khalid', 'Laila', 'Tariq', 'Noor'];
const LAST = ['Al Balushi', 'Al Harthy', 'Al Rawahi', 'Al Said', 'Al Hinai', 'Al Kindi'];

export function authorRow(i: number) {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  return {
    slug: `bench-writer-${i + 1}`,
    name: i < FIRST.length * LAST.length ? name : `${name} ${i + 1}`,
    kind: i % 17 === 16 ? 'agency' : 'staff',
    bio: '',
  };
}

export function tagRow(i: number, random: Random) {
  return { slug: `bench-topic-${i + 1}`, name: `${words(random, 2)} ${i + 1}` };
}
