import { resolve } from 'node:path';
import type { Config } from '../config/config.js';
import { conflict } from '../domain/errors.js';
import type { DatabaseArchive } from '../services/archive-ports.js';
import type { Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const BACKUP_HELP = `Usage: dateline backup FILE [--json]

Writes a consistent copy of the database to FILE while the site keeps running: SQLite through
its online backup API (FILE is a SQLite database), PostgreSQL through pg_dump --format=custom
(pg_dump must be on PATH, of the server's major version or newer).
Photos are not in FILE: copy MEDIA_DIR (or the S3 bucket) beside it; photo files are named by
their content and never change, so a copy taken after the backup holds every photo it names.

  --json   print {"file","format","bytes","media"}

Exit codes: 0 written, 1 failed, 2 usage error.`;

export const RESTORE_HELP = `Usage: dateline restore FILE [--force] [--json]

Replaces the configured database with a backup written by \`dateline backup\`.
Refuses a database that already has articles, photos, accounts or settings unless --force.
SQLite: refuses while any other process (a running server) has the database open; stop it
first. A damaged database file (one SQLite cannot read) is replaced with --force and kept
beside it as FILE.damaged. PostgreSQL: pg_restore --clean --if-exists --no-owner, in one transaction.
Put MEDIA_DIR back from its copy as well.

  --force  replace a database that has content
  --json   print {"file","format"}

Exit codes: 0 restored, 1 failed, 2 usage error.`;

/** Where the photos live that a database backup does not hold. */
const mediaPlace = (config: Config) =>
  config.media.storage.kind === 'local'
    ? resolve(config.media.storage.dir)
    : `s3://${config.media.storage.bucket}/${config.media.storage.keyPrefix ?? ''}`;

function fileArgument(args: string[], command: string): string {
  const [file, ...extra] = args;
  if (!file) throw new UsageError(`name the backup file: dateline ${command} FILE`);
  if (extra.length > 0) throw new UsageError(`one file only; unexpected ${extra.join(' ')}`);
  return resolve(file);
}

/** `dateline backup FILE`; returns the exit code. */
export async function backupCommand(
  archive: DatabaseArchive,
  config: Config,
  terminal: Terminal,
  args: string[],
  json: boolean,
) {
  const file = fileArgument(args, 'backup');
  const { bytes } = await archive.backup(file);
  const media = mediaPlace(config);
  if (json) terminal.out(JSON.stringify({ file, format: archive.format, bytes, media }));
  else {
    terminal.out(`backed up the database to ${file} (${archive.format}, ${bytes} bytes)`);
    terminal.out(`photos are not in it: copy ${media} as well`);
  }
  return EXIT.ok;
}

/** `dateline restore FILE [--force]`; returns the exit code. */
export async function restoreCommand(
  archive: DatabaseArchive,
  terminal: Terminal,
  args: string[],
  options: { force: boolean; json: boolean },
) {
  const file = fileArgument(args, 'restore');
  if (!options.force && (await archive.hasContent()))
    throw conflict(
      'the database already has articles, photos, accounts or settings, which a restore ' +
        'replaces: add --force to replace them',
    );
  await archive.restore(file);
  if (options.json) terminal.out(JSON.stringify({ file, format: archive.format }));
  else terminal.out(`restored the database from ${file}`);
  return EXIT.ok;
}
