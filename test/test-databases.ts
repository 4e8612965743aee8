/**
 * The databases integration suites run against: a fresh SQLite file, and a throwaway
 * PostgreSQL database on 127.0.0.1:5432 (created here and dropped afterwards).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

/** A new, empty SQLite file in a temporary folder. */
export function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'));
  return {
    engine: 'sqlite',
    url: `sqlite:${join(dir, 'dateline.db')}`,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A new, empty PostgreSQL database with a unique name. */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `dateline_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Both engines, for `describe.each(ENGINES)`. */
export const ENGINES = [
  { engine: 'sqlite' as const, create: () => Promise.resolve(createSqliteDatabase()) },
  { engine: 'postgres' as const, create: createPostgresDatabase },
];
