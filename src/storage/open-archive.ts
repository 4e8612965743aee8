import type { DatabaseArchive } from '../services/archive-ports.js';
import { postgresArchive } from './postgres/postgres-archive.js';
import { sqliteArchive } from './sqlite/sqlite-archive.js';

/** Backup and restore for the database a `sqlite:PATH` or `postgres://…` URL names. */
export const openArchive = (databaseUrl: string): DatabaseArchive =>
  databaseUrl.startsWith('sqlite:')
    ? sqliteArchive(databaseUrl.slice('sqlite:'.length))
    : postgresArchive(databaseUrl);
