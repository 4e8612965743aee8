import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { prepareStatement } from './postgres/prepared-statements.js';

/**
 * A query built and compiled to SQL once, then run with fresh parameter values. Building and
 * compiling a Kysely query costs more than SQLite takes to answer it, so the queries behind every
 * article page are made this way; on PostgreSQL they are also prepared once per connection. The
 * parameters must be given in the order the SQL uses them.
 */
export function reusableQuery<Row>(db: Kysely<never>, query: Compilable<Row>) {
  const { sql } = query.compile();
  prepareStatement(sql);
  return async (...parameters: unknown[]): Promise<Row[]> => {
    const compiled = CompiledQuery.raw(sql, parameters) as CompiledQuery<Row>;
    return (await db.executeQuery(compiled)).rows;
  };
}
