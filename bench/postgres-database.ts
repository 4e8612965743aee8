/**
 * A throwaway PostgreSQL database for one cell of the matrix, on the local server the test
 * suites use (BENCH_POSTGRES_URL names another: the URL of a database to connect to as an
 * administrator). Dropped after the cell's runs, however they end.
 */
import pg from 'pg';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database with a name no other run uses. */
export async function createPostgresDatabase(label: string): Promise<ThrowawayDatabase> {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  const name = `dateline_bench_${safeLabel}_${process.pid}_${Date.now().toString(36)}`;
  // The name is made here from [a-z0-9_] only: identifiers cannot be bound as parameters.
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
