/**
 * A query's rows fetched as one JSON array of arrays. SQLite's driver builds each row's
 * JavaScript object a column at a time, which for the home page's 170 rows cost four times
 * what SQLite took to find them; one JSON.parse of arrays (no column names repeated in every
 * row) and a loop that names the values cost a quarter of it. PostgreSQL sends the same
 * array, saving its driver a parser call per value. See docs/performance.md.
 */
import {
  AliasNode,
  ColumnNode,
  IdentifierNode,
  ReferenceNode,
  sql,
  type Kysely,
  type SelectQueryBuilder,
  type SelectQueryNode,
} from 'kysely';
import type { Engine } from './engine.js';
import type { DatabaseSchema } from './schema.js';

/** PostgreSQL's json_build_array takes at most 100 arguments. */
const MOST_COLUMNS = 100;

/** The names a query's rows have: each selection's alias, or its column's own name. */
export function selectedColumns(node: SelectQueryNode): string[] {
  return (node.selections ?? []).map(({ selection }) => {
    if (AliasNode.is(selection) && IdentifierNode.is(selection.alias)) return selection.alias.name;
    if (ReferenceNode.is(selection) && ColumnNode.is(selection.column))
      return selection.column.column.name;
    if (ColumnNode.is(selection)) return selection.column.name;
    throw new Error('json rows need every selection named: no selectAll, no unnamed expression');
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any select query's rows
type AnySelect = SelectQueryBuilder<any, any, any>;

/** The columns of the subquery `agg` as one JSON array, in the engine's own idiom. */
function jsonArrayOfColumns(engine: Engine, columns: readonly string[]) {
  if (columns.length > MOST_COLUMNS) throw new Error(`json rows of ${columns.length} columns`);
  const values = sql.join(columns.map((column) => sql.ref(`agg.${column}`)));
  return engine === 'postgres' ? sql`json_build_array(${values})` : sql`json_array(${values})`;
}

/** `query` wrapped to answer one row whose `rows` is its rows as a JSON array of arrays. */
export function asJsonRows(db: Kysely<DatabaseSchema>, engine: Engine, query: AnySelect) {
  const columns = selectedColumns(query.toOperationNode());
  const array = jsonArrayOfColumns(engine, columns);
  const aggregate =
    engine === 'postgres' ? sql`json_agg(${array})` : sql`json_group_array(${array})`;
  const rows = sql<unknown>`(select coalesce(${aggregate}, '[]') from (${query}) as agg)`;
  return { query: db.selectNoFrom(rows.as('rows')), columns };
}

/** The rows of `asJsonRows`' answer, each an object named by `columns`. */
export function rowsFromJson<Row>(value: unknown, columns: readonly string[]): Row[] {
  const arrays = (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][];
  return arrays.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row as Row;
  });
}

/**
 * `query` with each row's columns as one JSON array (`row`), except the columns named `beside`,
 * which come as columns of their own: a long text (an article's body) would be escaped into the
 * JSON by the database and read back out of it by JSON.parse, for nothing. For queries of one
 * row or a few, which need no aggregate.
 */
export function asJsonRowBeside(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  query: AnySelect,
  beside: readonly string[],
) {
  const columns = selectedColumns(query.toOperationNode()).filter((c) => !beside.includes(c));
  const array = jsonArrayOfColumns(engine, columns);
  const wrapped = db
    .selectFrom(query.as('agg'))
    .select([array.as('row'), ...beside.map((column) => sql.ref(`agg.${column}`).as(column))]);
  return { query: wrapped, columns };
}

/** A row of `asJsonRowBeside`'s answer, named by `columns`, with the columns `beside` it. */
export function rowFromJsonBeside<Row>(
  answer: Record<string, unknown>,
  columns: readonly string[],
  beside: readonly string[],
): Row {
  const json = answer.row;
  const values = (typeof json === 'string' ? JSON.parse(json) : json) as unknown[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  for (const column of beside) row[column] = answer[column];
  return row as Row;
}

/** Runs `query` with its rows fetched as JSON (see above), in no particular order. */
export async function jsonRowsOf<Row>(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any select query's rows
  query: SelectQueryBuilder<any, any, Row>,
): Promise<Row[]> {
  const { query: wrapped, columns } = asJsonRows(db, engine, query);
  const [answer] = await wrapped.execute();
  return rowsFromJson<Row>(answer?.rows, columns);
}
