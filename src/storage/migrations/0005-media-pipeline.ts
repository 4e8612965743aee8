import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/**
 * Photos as the media pipeline keeps them: the original is stored and variants are planned
 * from it (no list of files in the row), with credits, a focal point and who uploaded it;
 * which articles use which photo; and a queue of background jobs.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .alterTable('media')
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('jpeg'))
    .execute();
  for (const [column, type, fallback] of [
    ['bytes', 'integer', 0],
    ['creator', 'text', ''],
    ['copyright', 'text', ''],
    ['focal_x', 'real', 0.5],
    ['focal_y', 'real', 0.5],
    ['variants_ready', 'integer', 0],
  ] as const) {
    await db.schema
      .alterTable('media')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }
  await db.schema
    .alterTable('media')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('media').dropColumn('variants').execute();
  await sql`update media set format = case mime_type
      when 'image/png' then 'png' when 'image/webp' then 'webp'
      when 'image/avif' then 'avif' when 'image/gif' then 'gif' else 'jpeg' end`.execute(db);
  // The same bytes are one photo: uploads racing each other must not make two.
  await db.schema.dropIndex('media_content_hash').execute();
  await db.schema
    .createIndex('media_content_hash')
    .unique()
    .on('media')
    .column('content_hash')
    .execute();
  await db.schema.createIndex('media_uploaded_by').on('media').column('uploaded_by').execute();
  await db.schema.createIndex('media_created_at').on('media').column('created_at').execute();

  await db.schema
    .createTable('article_media')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id'))
    .addColumn('usage', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_media_key', ['article_id', 'media_id', 'usage'])
    .execute();
  await db.schema
    .createIndex('article_media_media')
    .on('article_media')
    .column('media_id')
    .execute();
  await sql`insert into article_media (article_id, media_id, usage)
      select id, lead_media_id, 'lead' from articles where lead_media_id is not null`.execute(db);

  await db.schema
    .createTable('jobs')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('jobs_due')
    .on('jobs')
    .columns(['run_at'])
    .where(sql.ref('done_at'), 'is', null)
    .execute();
}
