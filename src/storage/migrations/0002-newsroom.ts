import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints, sqlIn } from '../engine.js';

const ROLES = ['contributor', 'writer', 'editor', 'editor_in_chief'];

/** Accounts, sessions, revisions, corrections and schedules: the newsroom's tables. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const id = idColumnType(engine);
  const key = idConstraints(engine);

  await db.schema
    .createTable('users')
    .addColumn('id', id, key)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sqlIn('role', ROLES)))
    .addColumn('password_hash', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('authors.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  // Only a hash of each secret is stored: a copy of the database opens no session.
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', id, key)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  // Invitations and password resets: single-use, expiring.
  await db.schema
    .createTable('one_time_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sqlIn('purpose', ['invitation', 'password_reset'])),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // Failed sign-ins per account and per client address, for throttling.
  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_key')
    .on('login_failures')
    .columns(['key', 'failed_at'])
    .execute();

  await db.schema
    .alterTable('articles')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('articles').addColumn('created_by', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('publish_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('unpublish_at', 'text').execute();
  await db.schema.alterTable('articles').addColumn('killed_at', 'text').execute();
  await db.schema
    .createIndex('articles_publish_at')
    .on('articles')
    .columns(['status', 'publish_at'])
    .execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', id, key)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn('kind', ['save', 'autosave', 'conflict', 'restore', 'scheduled'])),
    )
    .addColumn('based_on', 'integer')
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The editable fields as JSON: headline, standfirst, body, lead photo, bylines, tags…
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('corrections')
    .addColumn('id', id, key)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn('kind', ['correction', 'clarification'])),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('corrections_article')
    .on('corrections')
    .column('article_id')
    .execute();

  await db.schema
    .createTable('article_notes')
    .addColumn('id', id, key)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Problems the newsroom must see: a schedule that could not go live, and the like.
  await db.schema
    .createTable('alerts')
    .addColumn('id', id, key)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
}
