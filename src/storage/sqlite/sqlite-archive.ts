import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite from 'better-sqlite3';
import { conflict, invalid } from '../../domain/errors.js';
import type { DatabaseArchive } from '../../services/archive-ports.js';
import { loadSqliteDriver } from './sqlite-driver.js';

/** Tables whose rows mean a paper lives in the database: restoring over them loses them. */
const CONTENT_TABLES = ['articles', 'media', 'users', 'settings'];

/** Pages copied between turns of the event loop, so a server in the same process keeps serving. */
const PAGES_A_STEP = 256;

type Connection = BetterSqlite.Database;

function open(path: string, options: BetterSqlite.Options = {}): Connection {
  const SqliteDatabase = loadSqliteDriver();
  return new SqliteDatabase(path, options);
}

function hasRows(db: Connection): boolean {
  const tables = new Set(
    db
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
      .all()
      .map((row) => row.name),
  );
  return CONTENT_TABLES.some(
    (table) =>
      tables.has(table) && db.prepare(`select 1 from "${table}" limit 1`).get() !== undefined,
  );
}

/**
 * Copies the live database with SQLite's online backup API, a few pages a step. A write by
 * another connection between steps makes SQLite start the copy again; after one restart the
 * rest is copied in a single step (one read transaction), so a busy paper still gets its
 * backup, and every backup is one consistent snapshot either way.
 */
async function onlineBackup(path: string, file: string): Promise<void> {
  const source = open(path, { readonly: true, fileMustExist: true });
  try {
    let remainingBefore = Number.POSITIVE_INFINITY;
    let restarted = false;
    await source.backup(file, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remainingBefore) restarted = true;
        remainingBefore = remainingPages;
        return restarted ? 0x7fffffff : PAGES_A_STEP;
      },
    });
  } finally {
    source.close();
  }
}

/** Throws unless `file` is a whole SQLite database written by Dateline. */
function checkBackupFile(file: string): void {
  if (!existsSync(file)) throw invalid(`${file} does not exist`);
  let db: Connection | undefined;
  try {
    db = open(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const migrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!migrations) throw new Error('it has no Dateline schema');
  } catch (error) {
    throw invalid(`${file} is not a Dateline SQLite backup (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

/** A damaged database is kept beside the restored one, as PATH.damaged, not deleted. */
function setAside(path: string): void {
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${path}.damaged${suffix}`);
}

/**
 * Fails when another connection (a running server, a command) has the database open. In WAL
 * mode every open connection keeps a shared lock on the WAL index, so exclusive locking mode
 * cannot be had while one does, even an idle one. A file SQLite cannot read as a database is
 * set aside: replacing a damaged database is what a forced restore is for.
 */
function refuseWhileOpen(path: string): void {
  if (!existsSync(path)) return;
  const probe = open(path);
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw conflict(
        `the database ${path} is open in another process (a running server?): stop it, then restore`,
      );
    if (!/^SQLITE_(NOTADB|CORRUPT)/.test((error as { code?: string }).code ?? ''))
      throw invalid(`cannot restore over ${path} (${(error as Error).message})`);
    probe.close();
    setAside(path);
    return;
  } finally {
    if (probe.open) probe.close();
  }
}

/**
 * Writes the backup into the database through the backup API, as one step: the database is
 * replaced whole or not at all, and its WAL stays consistent with it (copying the file over
 * a database with a WAL beside it would corrupt it).
 */
async function copyInto(file: string, path: string): Promise<void> {
  const backup = open(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(path, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  const restored = open(path);
  try {
    restored.pragma('journal_mode = WAL');
  } finally {
    restored.close();
  }
}

/** Backup and restore of the SQLite database at `path`. */
export function sqliteArchive(path: string): DatabaseArchive {
  return {
    format: 'sqlite',
    async backup(file) {
      if (!existsSync(path)) throw invalid(`there is no database at ${path} to back up`);
      if (!existsSync(dirname(file))) throw invalid(`the folder of ${file} does not exist`);
      // Written beside the target and renamed: a failed backup never leaves a half file.
      const partial = `${file}.partial`;
      try {
        await onlineBackup(path, partial);
        renameSync(partial, file);
      } catch (error) {
        rmSync(partial, { force: true });
        throw invalid(`cannot write the backup to ${file} (${(error as Error).message})`);
      }
      return { bytes: statSync(file).size };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- the port is asynchronous
    async hasContent() {
      if (!existsSync(path)) return false;
      let db: Connection | undefined;
      try {
        db = open(path, { readonly: true });
        return hasRows(db);
      } catch (error) {
        throw invalid(
          `cannot read the database ${path} (${(error as Error).message}): ` +
            'add --force to replace it (it is kept as .damaged)',
        );
      } finally {
        db?.close();
      }
    },
    async restore(file) {
      checkBackupFile(file);
      refuseWhileOpen(path);
      try {
        mkdirSync(dirname(path), { recursive: true });
        await copyInto(file, path);
      } catch (error) {
        throw invalid(`cannot restore into ${path} (${(error as Error).message})`);
      }
    },
  };
}
