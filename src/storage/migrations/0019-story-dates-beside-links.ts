import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/** The story's columns the one reader-visibility rule reads, copied beside each link. */
export const STORY_VISIBILITY_COLUMNS = ['status', 'published_at', 'killed_at', 'unpublish_at'];

const LINKS = [
  {
    table: 'article_tags',
    key: 'tag_id',
    dropped: ['article_tags_tag', 'article_tags_tag_article'],
  },
  {
    table: 'article_authors',
    key: 'author_id',
    dropped: ['article_authors_author', 'article_authors_author_article'],
  },
] as const;

/** Every link row takes its story's columns, in one statement a table (fast at a million). */
async function backfillLinks(db: Kysely<unknown>, table: string): Promise<void> {
  const columns = STORY_VISIBILITY_COLUMNS.map((c) => sql`${sql.ref(c)} = a.${sql.ref(c)}`);
  await sql`update ${sql.table(table)} set ${sql.join(columns)} from articles a
    where a.id = ${sql.ref(`${table}.article_id`)}`.execute(db);
}

/**
 * SQLite: an inserted link without the story's columns takes them (the bulk loaders write them
 * themselves); a story whose visibility changes passes it to its links.
 */
async function sqliteLinkTriggers(db: Kysely<unknown>): Promise<void> {
  for (const { table, key } of LINKS) {
    await sql`create trigger ${sql.id(`${table}_take_story`)} after insert on ${sql.table(table)}
      when new.status is null begin
        update ${sql.table(table)} set (status, published_at, killed_at, unpublish_at) =
          (select status, published_at, killed_at, unpublish_at from articles where id = new.article_id)
        where article_id = new.article_id and ${sql.ref(key)} = new.${sql.ref(key)};
      end`.execute(db);
  }
  await sql`create trigger articles_links_follow_story
    after update of status, published_at, killed_at, unpublish_at on articles
    when old.status is not new.status or old.published_at is not new.published_at
      or old.killed_at is not new.killed_at or old.unpublish_at is not new.unpublish_at
    begin
      update article_tags set status = new.status, published_at = new.published_at,
        killed_at = new.killed_at, unpublish_at = new.unpublish_at where article_id = new.id;
      update article_authors set status = new.status, published_at = new.published_at,
        killed_at = new.killed_at, unpublish_at = new.unpublish_at where article_id = new.id;
    end`.execute(db);
}

/** The same two rules in PostgreSQL's idiom: trigger functions in PL/pgSQL. */
async function postgresLinkTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function article_link_takes_story() returns trigger language plpgsql as $$
    begin
      select a.status, a.published_at, a.killed_at, a.unpublish_at
        into new.status, new.published_at, new.killed_at, new.unpublish_at
        from articles a where a.id = new.article_id;
      return new;
    end $$`.execute(db);
  for (const { table } of LINKS) {
    await sql`create trigger ${sql.id(`${table}_take_story`)} before insert on ${sql.table(table)}
      for each row when (new.status is null)
      execute function article_link_takes_story()`.execute(db);
  }
  await sql`create function article_links_follow_story() returns trigger language plpgsql as $$
    begin
      update article_tags set status = new.status, published_at = new.published_at,
        killed_at = new.killed_at, unpublish_at = new.unpublish_at where article_id = new.id;
      update article_authors set status = new.status, published_at = new.published_at,
        killed_at = new.killed_at, unpublish_at = new.unpublish_at where article_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger articles_links_follow_story
    after update of status, published_at, killed_at, unpublish_at on articles for each row
    when (old.status is distinct from new.status or old.published_at is distinct from new.published_at
      or old.killed_at is distinct from new.killed_at or old.unpublish_at is distinct from new.unpublish_at)
    execute function article_links_follow_story()`.execute(db);
}

/** A story the sitemap index counts: published and never killed (the clock decides the rest). */
const counted = (row: string) =>
  sql.raw(
    `${row}.status = 'published' and ${row}.killed_at is null and ${row}.published_at is not null`,
  );

/** One more story in its month; the month changed no earlier than the story did. */
const enterMonth = (engine: Engine) => {
  const latest = engine === 'sqlite' ? sql.raw('max') : sql.raw('greatest');
  return sql`insert into published_months (month, stories, last_changed)
    values (substr(new.published_at, 1, 7), 1, ${latest}(new.published_at, new.updated_at))
    on conflict (month) do update set stories = published_months.stories + 1,
      last_changed = ${latest}(published_months.last_changed, excluded.last_changed)`;
};

/** One story fewer in the month it leaves; the month changed when the story did. */
const leaveMonth = (engine: Engine, changedAt: 'new' | 'old') => {
  const latest = engine === 'sqlite' ? sql.raw('max') : sql.raw('greatest');
  return sql`update published_months set stories = stories - 1,
    last_changed = ${latest}(last_changed, ${sql.raw(changedAt)}.updated_at)
    where month = substr(old.published_at, 1, 7)`;
};

/** Which columns move a story into, out of or within a month of the sitemap index. */
const MONTH_COLUMNS = sql.raw('status, published_at, killed_at, updated_at');

async function sqliteMonthTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger published_months_insert after insert on articles
    when ${counted('new')} begin ${enterMonth('sqlite')}; end`.execute(db);
  await sql`create trigger published_months_enter after update of ${MONTH_COLUMNS} on articles
    when ${counted('new')} begin ${enterMonth('sqlite')}; end`.execute(db);
  await sql`create trigger published_months_leave after update of ${MONTH_COLUMNS} on articles
    when ${counted('old')} begin ${leaveMonth('sqlite', 'new')}; end`.execute(db);
  await sql`create trigger published_months_delete after delete on articles
    when ${counted('old')} begin ${leaveMonth('sqlite', 'old')}; end`.execute(db);
}

async function postgresMonthTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function published_months_follow() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and ${counted('old')} then ${leaveMonth('postgres', 'new')}; end if;
      if tg_op = 'DELETE' and ${counted('old')} then ${leaveMonth('postgres', 'old')}; end if;
      if tg_op <> 'DELETE' and ${counted('new')} then ${enterMonth('postgres')}; end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger published_months_follow
    after insert or delete or update of ${MONTH_COLUMNS} on articles
    for each row execute function published_months_follow()`.execute(db);
}

/**
 * The sitemap index's months: how many published, unkilled stories each holds and when it last
 * changed, kept by triggers on every write to a story, and filled once from the stories.
 */
async function keepPublishedMonths(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('published_months')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('stories', 'integer', (c) => c.notNull())
    .addColumn('last_changed', 'text', (c) => c.notNull())
    .execute();
  const latest = engine === 'sqlite' ? sql.raw('max') : sql.raw('greatest');
  await sql`insert into published_months (month, stories, last_changed)
    select substr(published_at, 1, 7), count(*), max(${latest}(published_at, updated_at))
    from articles s where ${counted('s')} group by 1`.execute(db);
  if (engine === 'sqlite') await sqliteMonthTriggers(db);
  else await postgresMonthTriggers(db);
}

/**
 * A topic's and an author's stories, newest first, from the link table's own index (ADR 0042):
 * each link carries its story's status, publication time, kill and take-down time, kept by
 * triggers in the same statement as every write to the story or its links, so no write path
 * can forget them. The index (tag_id, status, published_at, article_id, killed_at,
 * unpublish_at) is to a topic what articles_section_visible is to a section (migration 0018),
 * and replaces the link tables' (tag_id) and (tag_id, article_id).
 * The sitemap index's months come from `published_months`, kept by triggers too.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  for (const { table, dropped } of LINKS) {
    // Dropped first: the backfill then has fewer indexes to keep.
    for (const index of dropped) await db.schema.dropIndex(index).execute();
    // One column a statement: SQLite's ALTER TABLE adds no more.
    for (const column of STORY_VISIBILITY_COLUMNS)
      await db.schema.alterTable(table).addColumn(column, 'text').execute();
    await backfillLinks(db, table);
  }
  for (const { table, key } of LINKS) {
    await db.schema
      .createIndex(`${table}_visible`)
      .on(table)
      .columns([key, 'status', 'published_at', 'article_id', 'killed_at', 'unpublish_at'])
      .execute();
  }
  if (engine === 'sqlite') await sqliteLinkTriggers(db);
  else await postgresLinkTriggers(db);
  await keepPublishedMonths(db, engine);
}
