/**
 * A whole database copied to one file and back: `dateline backup` and `dateline restore`.
 * Failures the operator can act on (a missing tool, a file that is not a backup, a database
 * with content in the way) are domain errors naming what to do.
 */
export interface DatabaseArchive {
  /** What `backup` writes: a SQLite database file, or a pg_dump custom-format archive. */
  readonly format: 'sqlite' | 'pg_dump';
  /** Writes a consistent copy of the database as it is now to `file`, while it is in use. */
  backup(file: string): Promise<{ bytes: number }>;
  /** True when the database holds any article, photo, account or setting. */
  hasContent(): Promise<boolean>;
  /** Replaces the database's content with the backup in `file`. */
  restore(file: string): Promise<void>;
}
