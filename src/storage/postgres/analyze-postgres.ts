import { sql, type Kysely } from 'kysely';

/** Gathers PostgreSQL's planner statistics now, as autovacuum does in its own time. */
export async function analyzePostgres(db: Kysely<unknown>): Promise<void> {
  await sql`ANALYZE`.execute(db);
}
