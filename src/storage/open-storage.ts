import type { Kysely } from 'kysely';
import type { Storage, Stores } from '../services/ports.js';
import { KyselyArticleStore } from './article-store.js';
import { KyselyAuthorStore } from './author-store.js';
import type { Engine } from './engine.js';
import { KyselyMediaStore } from './media-store.js';
import { migrateToLatest } from './migrate.js';
import { openPostgres } from './postgres/open-postgres.js';
import type { DatabaseSchema } from './schema.js';
import { KyselySectionStore } from './section-store.js';
import { KyselySettingsStore } from './settings-store.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { KyselyTagStore } from './tag-store.js';

const storesOn = (db: Kysely<DatabaseSchema>): Stores => ({
  articles: new KyselyArticleStore(db),
  sections: new KyselySectionStore(db),
  tags: new KyselyTagStore(db),
  authors: new KyselyAuthorStore(db),
  media: new KyselyMediaStore(db),
  settings: new KyselySettingsStore(db),
});

export interface OpenedStorage extends Storage {
  engine: Engine;
  /** The query builder itself, for storage tests (EXPLAIN, pragmas); services never see it. */
  kysely: Kysely<DatabaseSchema>;
  migrate(): Promise<string[]>;
}

/** Opens the database named by a `sqlite:PATH` or `postgres://…` URL. */
export function openStorage(databaseUrl: string): OpenedStorage {
  const engine: Engine = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const db =
    engine === 'sqlite'
      ? openSqlite(databaseUrl.slice('sqlite:'.length))
      : openPostgres(databaseUrl);
  return {
    engine,
    kysely: db,
    stores: storesOn(db),
    transaction: (work) => db.transaction().execute((trx) => work(storesOn(trx))),
    migrate: () => migrateToLatest(db as Kysely<unknown>, engine),
    close: () => db.destroy(),
  };
}
