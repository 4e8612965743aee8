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

/**
 * A reusable query whose values sit in places found by stand-ins: it is built and compiled
 * once with `standIns` as values, then each run puts `values[i]` wherever `standIns[i]` went.
 * For queries whose SQL repeats a value or whose parameters a builder orders; the stand-ins
 * must be values no constant of the query equals. On PostgreSQL each compiled shape is prepared
 * too, so callers keep the number of shapes bounded (home-stories.ts keeps at most 128 each).
 */
export function reusableQueryWithStandIns<Row>(
  db: Kysely<never>,
  query: Compilable<Row>,
  standIns: readonly unknown[],
) {
  const { sql, parameters } = query.compile();
  const places = parameters.map((parameter) => standIns.indexOf(parameter));
  prepareStatement(sql);
  return async (values: readonly unknown[]): Promise<Row[]> => {
    const filled = places.map((place, i) => (place === -1 ? parameters[i] : values[place]));
    const compiled = CompiledQuery.raw(sql, filled) as CompiledQuery<Row>;
    return (await db.executeQuery(compiled)).rows;
  };
}
