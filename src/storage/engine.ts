import { sql, type ColumnDefinitionBuilder, type RawBuilder } from 'kysely';

/** The two database engines Dateline runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An auto-numbered integer key in the engine's own idiom. */
export const idColumnType = (engine: Engine) => (engine === 'postgres' ? 'serial' : 'integer');

/** SQLite reuses the highest rowid after a delete unless told not to; ids appear in URLs. */
export const idConstraints =
  (engine: Engine) =>
  (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey();

/** A CHECK that a text column holds one of a fixed set of values. */
export const sqlIn = (column: string, values: string[]): RawBuilder<unknown> =>
  sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
