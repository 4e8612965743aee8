import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * A query built and compiled to SQL once, then run with fresh parameter values. Building and
 * compiling a Kysely query costs more than SQLite takes to answer it, so the queries behind every
 * article page are made this way. The parameters must be given in the order the SQL uses them.
 */
export function reusableQuery<Row>(db: Kysely<never>, query: Compilable<Row>) {
  const { sql } = query.compile();
  return async (...parameters: unknown[]): Promise<Row[]> => {
    const compiled = CompiledQuery.raw(sql, parameters) as CompiledQuery<Row>;
    return (await db.executeQuery(compiled)).rows;
  };
}
