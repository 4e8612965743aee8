/**
 * The SQLite backup is taken while the database is being written, and is one consistent
 * snapshot; a restore refuses a database another connection has open.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type OpenedStorage } from '../open-storage.js';
import { sqliteArchive } from './sqlite-archive.js';
import { loadSqliteDriver } from './sqlite-driver.js';

const NOW = new Date('2026-12-01T08:00:00Z');
const FILLER = 'x'.repeat(4000);

/** One write of the ledger: an `a` key and a `b` key in one transaction. */
async function writePair(storage: OpenedStorage, n: number) {
  await storage.transaction(async (stores) => {
    await stores.settings.put(`ledger-a-${n}`, { n }, NOW);
    await stores.settings.put(`ledger-b-${n}`, { n }, NOW);
  });
}

function countKeys(path: string, prefix: string): number {
  const SqliteDatabase = loadSqliteDriver();
  const db = new SqliteDatabase(path, { readonly: true });
  try {
    return db
      .prepare<[string], { n: number }>('select count(*) as n from settings where key like ?')
      .get(`${prefix}%`)!.n;
  } finally {
    db.close();
  }
}

describe('the SQLite backup and restore', () => {
  let dir: string;
  let path: string;
  let storage: OpenedStorage;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-backup-'));
    path = join(dir, 'live.db');
    storage = openStorage(`sqlite:${path}`);
    await storage.migrate();
    // A few megabytes, so the copy takes many steps and the writer gets turns between them.
    await storage.transaction(async (stores) => {
      for (let n = 0; n < 800; n += 1) await stores.settings.put(`filler-${n}`, FILLER, NOW);
    });
  });

  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a consistent snapshot while a writer keeps committing', async () => {
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await writePair(storage, written);
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = join(dir, 'backup.db');
    const writtenBefore = written;
    const { bytes } = await sqliteArchive(path).backup(file);
    const writtenAfterBackup = written;
    writing = false;
    await writer;

    expect(writtenAfterBackup).toBeGreaterThan(writtenBefore);
    expect(bytes).toBeGreaterThan(800 * 4000);
    const SqliteDatabase = loadSqliteDriver();
    const copy = new SqliteDatabase(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const a = countKeys(file, 'ledger-a-');
    expect(countKeys(file, 'ledger-b-')).toBe(a);
    expect(a).toBeGreaterThanOrEqual(writtenBefore);
    expect(a).toBeLessThanOrEqual(writtenAfterBackup);
    expect(countKeys(file, 'filler-')).toBe(800);
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses to restore while another connection has the database open, then restores', async () => {
    const file = join(dir, 'backup.db');
    await sqliteArchive(path).backup(file);
    await writePair(storage, 1);
    await expect(sqliteArchive(path).restore(file)).rejects.toThrow(/open in another process/);
    await storage.close();
    await sqliteArchive(path).restore(file);
    expect(countKeys(path, 'ledger-a-')).toBe(0);
    expect(countKeys(path, 'filler-')).toBe(800);
    storage = openStorage(`sqlite:${path}`);
    expect(await storage.stores.settings.get('filler-0')).toBe(FILLER);
  });

  it('refuses a file that is not a Dateline database, and leaves the database alone', async () => {
    const SqliteDatabase = loadSqliteDriver();
    const other = join(dir, 'other.db');
    new SqliteDatabase(other).exec('create table t (x)');
    await storage.close();
    await expect(sqliteArchive(path).restore(other)).rejects.toThrow(
      /not a Dateline SQLite backup/,
    );
    await expect(sqliteArchive(path).restore(join(dir, 'none.db'))).rejects.toThrow(
      /does not exist/,
    );
    expect(countKeys(path, 'filler-')).toBe(800);
    storage = openStorage(`sqlite:${path}`);
  });

  it('replaces a damaged database, keeping the damaged file beside it', async () => {
    const file = join(dir, 'backup.db');
    await sqliteArchive(path).backup(file);
    const damaged = join(dir, 'damaged.db');
    writeFileSync(damaged, 'not a database at all, but long enough to look like a header');
    await expect(sqliteArchive(damaged).hasContent()).rejects.toThrow(/add --force/);
    await sqliteArchive(damaged).restore(file);
    expect(countKeys(damaged, 'filler-')).toBe(800);
    expect(readFileSync(`${damaged}.damaged`, 'utf8')).toMatch(/^not a database/);
  });

  it('tells an empty database from one with content', async () => {
    expect(await sqliteArchive(path).hasContent()).toBe(true);
    expect(await sqliteArchive(join(dir, 'new.db')).hasContent()).toBe(false);
  });
});
