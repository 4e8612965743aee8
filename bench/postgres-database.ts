/**
 * PostgreSQL databases for the bench, on the local server the test suites use
 * (BENCH_POSTGRES_URL names another: the URL of a database to connect to as an administrator):
 * throwaway ones for one cell of the matrix, dropped after its runs however they end, and the
 * kept ones of BENCH_DATA_DIR (kept-data.ts), copied with CREATE DATABASE … TEMPLATE.
 */
import pg from 'pg';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

async function asAdmin<Row extends pg.QueryResultRow>(
  statement: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return (await admin.query<Row>(statement, values)).rows;
  } finally {
    await admin.end();
  }
}

/** Database names are made by the bench from [a-z0-9_] only: identifiers cannot be bound. */
function checkedName(name: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a bench database name: ${name}`);
  return name;
}

/** The URL of a database on the bench's server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${checkedName(name)}`;
  return url.toString();
}

/** Creates a database, empty or as a copy of `template` (which must have no sessions open). */
export async function createDatabaseNamed(name: string, template?: string): Promise<void> {
  const copy = template === undefined ? '' : ` TEMPLATE ${checkedName(template)}`;
  await asAdmin(`CREATE DATABASE ${checkedName(name)}${copy}`);
}

export async function dropDatabaseNamed(name: string): Promise<void> {
  await asAdmin(`DROP DATABASE IF EXISTS ${checkedName(name)} WITH (FORCE)`);
}

/** A name no other run uses, from a label such as an archive size. */
export function runDatabaseName(label: string): string {
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `dateline_bench_${safeLabel}_${process.pid}_${Date.now().toString(36)}`;
}

/** Creates a throwaway database, empty or as a copy of `template`. */
export async function createPostgresDatabase(
  label: string,
  template?: string,
): Promise<ThrowawayDatabase> {
  const name = runDatabaseName(label);
  await createDatabaseNamed(name, template);
  return { url: databaseUrl(name), drop: () => dropDatabaseNamed(name) };
}
