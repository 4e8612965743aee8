import { createRequire } from 'node:module';
import type BetterSqlite from 'better-sqlite3';

type DatabaseConstructor = typeof BetterSqlite;

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 12 is the last line that runs on Node.js 20, but on Node.js 22 and later its
 * statements can be finalised after Node has torn its environment down, which aborts the
 * process at exit; 13 fixes that and needs Node.js 22. Both have the same API, so each Node
 * line loads the one that works on it (ADR 0024).
 */
export function sqliteDriverFor(nodeVersion: string): string {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= 22 ? 'better-sqlite3-node22' : 'better-sqlite3';
}

/** The better-sqlite3 constructor for the running Node.js. */
export function loadSqliteDriver(): DatabaseConstructor {
  return require(sqliteDriverFor(process.versions.node)) as DatabaseConstructor;
}
