import { describe, expect, it } from 'vitest';
import { loadSqliteDriver, sqliteDriverFor } from './sqlite-driver.js';

describe('the SQLite driver for each Node.js line', () => {
  it('keeps better-sqlite3 12 on Node.js 20, the last line it builds for', () => {
    expect(sqliteDriverFor('20.19.0')).toBe('better-sqlite3');
  });

  it('takes better-sqlite3 13 from Node.js 22 on, where 12 aborts at exit', () => {
    expect(sqliteDriverFor('22.0.0')).toBe('better-sqlite3-node22');
    expect(sqliteDriverFor('24.21.0')).toBe('better-sqlite3-node22');
  });

  it('loads a driver that opens a database on the running Node.js', () => {
    const Database = loadSqliteDriver();
    const db = new Database(':memory:');
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 });
    db.close();
  });
});
