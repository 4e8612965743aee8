/**
 * EXPLAIN for the statements a page ran, on either engine, and the rule a plan must pass:
 * no big table is read from end to end.
 */
import { CompiledQuery, type Kysely } from 'kysely';

/** Tables that grow with the archive; the rest (sections, settings, tags' names…) stay small. */
export const BIG_TABLES = [
  'articles',
  'article_authors',
  'article_tags',
  'article_slug_history',
  'article_media',
  'article_revisions',
  'corrections',
  'events',
  'jobs',
  'scheduled_updates',
  'story_related',
  'wire_items',
  'wire_item_articles',
];

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** What is wrong with a plan, or nothing. */
export type PlanProblem = string;

interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PgPlanNode[];
}

function* pgNodes(node: PgPlanNode): Generator<PgPlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* pgNodes(child);
}

interface SqlitePlanRow {
  parent: number;
  detail: string;
}

/**
 * A count of a list's stories that stops at a bound (the pages ahead of the one asked for) or
 * starts at a recent date (this month's, for the sitemap): it may read those index entries but
 * no story. An unbounded count grows with the archive.
 */
const isCount = (sql: string) =>
  /^select count\(\*\)/i.test(sql.trim()) &&
  (/\blimit\b/i.test(sql) || /"published_at" >= (\?|\$\d+)/.test(sql));

/**
 * SQLite gives no row counts, so its rule is on the plan's shape. `SCAN <table>` without an
 * index reads the whole table. A SEARCH of a big table by a range (`published_at<?`) or a skip
 * over the index's first column (`ANY(section_id)`) reads a range that grows with the archive,
 * unless the statement has a LIMIT that stops the walk (not one after GROUP BY, DISTINCT or a
 * sort of what the walk found); a count may do so from a covering index.
 * (Deep pages' OFFSET walks pass here: their LIMIT stops them, after the offset.)
 */
/** SQLite's plans name tables by their alias: `"articles" as "a"` maps a to articles. */
function tablesByAlias(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [, table = '', alias = ''] of sql.matchAll(/"(\w+)" as "(\w+)"/gi))
    aliases.set(alias, table);
  return aliases;
}

function sqliteProblems(rows: SqlitePlanRow[], sql: string): PlanProblem[] {
  const aliases = tablesByAlias(sql);
  // A LIMIT after GROUP BY or DISTINCT stops nothing: every group is made first.
  const limited = /\blimit\b/i.test(sql) && !/\b(group by|distinct)\b/i.test(sql);
  // Nor does one over a sort: every row the walk finds is sorted before the first is returned.
  const sortedAt = new Set(
    rows.filter((r) => r.detail.startsWith('USE TEMP B-TREE')).map((r) => r.parent),
  );
  return rows.flatMap(({ detail, parent }) => {
    const match = /^(SCAN|SEARCH) (\w+)(?: AS \w+)?(.*)$/.exec(detail);
    const name = match?.[2] ?? '';
    if (!match || !BIG_TABLES.includes(aliases.get(name) ?? name)) return [];
    const rest = match[3] ?? '';
    if (match[1] === 'SCAN' && !/USING (COVERING )?INDEX/.test(rest))
      return [`full table scan: ${detail}`];
    // Status alone picks out nearly every story (most are published): a scan in all but name.
    if (/\(status=\?\)$/.test(rest)) return [`every story of one status: ${detail}`];
    const ranged = match[1] === 'SCAN' || /[<>]|ANY\(/.test(rest);
    if (!ranged) return [];
    if (sortedAt.has(parent)) return [`every row of a range sorted: ${detail}`];
    if (limited) return [];
    if (isCount(sql) && rest.includes('COVERING INDEX')) return [];
    return [`range that grows with the archive, no LIMIT: ${detail}`];
  });
}

/**
 * PostgreSQL, run with EXPLAIN ANALYZE after ANALYZE at 100k stories, is judged by the rows
 * each scan of a big table actually touched (returned plus filtered out, times its loops), which
 * must stay under `limitRows`; a `Seq Scan` touches the whole table, so it fails once the table
 * is big (PostgreSQL rightly reads a table of a few thousand corrections whole). Two index-only
 * walks may go further: a count of a list's entries, and a deep page's OFFSET, which the
 * section front keeps to index entries and which grows with the page asked for, not the archive.
 */
function postgresProblems(plan: PgPlanNode, sql: string, limitRows: number): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const offsetWalk = /\boffset\b/i.test(sql);
  for (const node of pgNodes(plan)) {
    const table = node['Relation Name'];
    if (!table || !BIG_TABLES.includes(table)) continue;
    const type = node['Node Type'];
    const touched =
      ((node['Actual Rows'] ?? 0) +
        (node['Rows Removed by Filter'] ?? 0) +
        (node['Rows Removed by Index Recheck'] ?? 0)) *
      (node['Actual Loops'] ?? 1);
    if (touched <= limitRows) continue;
    if ((isCount(sql) || offsetWalk) && type === 'Index Only Scan') continue;
    problems.push(
      `${type} on ${table} (${node['Index Name'] ?? 'no index'}) touched ${touched} rows`,
    );
  }
  return problems;
}

/** The plan of one statement as text, and what breaks the rule in it. */
export async function explain(
  db: Kysely<unknown>,
  engine: 'sqlite' | 'postgres',
  statement: Statement,
  limitRows = 10_000,
): Promise<{ plan: string; problems: PlanProblem[] }> {
  if (engine === 'sqlite') {
    const { rows } = await db.executeQuery<SqlitePlanRow>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${statement.sql}`, [...statement.parameters]),
    );
    return {
      plan: rows.map((r) => r.detail).join('\n'),
      problems: sqliteProblems(rows, statement.sql),
    };
  }
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PgPlanNode }] }>(
    CompiledQuery.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, [...statement.parameters]),
  );
  const plan = rows[0]?.['QUERY PLAN'][0].Plan as PgPlanNode;
  const lines = [...pgNodes(plan)].map(
    (n) =>
      `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}` +
      `${n['Index Name'] ? ` using ${n['Index Name']}` : ''} (${n['Actual Rows']} rows × ${n['Actual Loops']})`,
  );
  return { plan: lines.join('\n'), problems: postgresProblems(plan, statement.sql, limitRows) };
}
