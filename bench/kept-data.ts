/**
 * BENCH_DATA_DIR: seeded databases kept between runs, because seeding a million stories takes
 * minutes. Each run gets a copy (a copied SQLite file, or a PostgreSQL database made with
 * CREATE DATABASE … TEMPLATE), so runs never change what is kept. When the code has migrations
 * the kept database lacks but the seed is the same, a migrated copy is kept beside it rather
 * than seeding again.
 */
import { constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptName, migratableFrom, migrationList, seedKey, type KeptManifest } from './kept-key.js';
import type { ArchiveSize, Engine } from './matrix.js';
import {
  createDatabaseNamed,
  createPostgresDatabase,
  databaseUrl,
  dropDatabaseNamed,
} from './postgres-database.js';

/** How prepare-data.ts loads and runs a newspaper, given to the store so neither imports the other. */
export interface Newspaper {
  root: string;
  seedDir: string;
  now: string;
  envFor(dir: string, databaseUrl: string): NodeJS.ProcessEnv;
  load(
    size: ArchiveSize,
    env: NodeJS.ProcessEnv,
  ): Promise<{ articlePath: string; demoSeeded: boolean }>;
  migrate(env: NodeJS.ProcessEnv): Promise<unknown>;
}

/** A run's copy of a kept database. */
export interface KeptCopy {
  dir: string;
  env: NodeJS.ProcessEnv;
  manifest: KeptManifest;
  remove: () => Promise<void>;
}

const MANIFEST = 'kept.json';
const SQLITE_FILE = 'dateline.db';

const keptDatabaseName = (name: string) => `dateline_kept_${name.replace(/-/g, '_')}`;

function readManifests(store: string): { name: string; manifest: KeptManifest }[] {
  if (!existsSync(store)) return [];
  return readdirSync(store)
    .filter((name) => existsSync(join(store, name, MANIFEST)))
    .map((name) => ({
      name,
      manifest: JSON.parse(readFileSync(join(store, name, MANIFEST), 'utf8')) as KeptManifest,
    }));
}

/** The database URL of a kept (or run) folder: its SQLite file or its PostgreSQL database. */
function urlOf(engine: Engine, dir: string, database: string | undefined): string {
  return engine === 'postgres' && database
    ? databaseUrl(database)
    : `sqlite:${join(dir, SQLITE_FILE)}`;
}

/** Copies the SQLite file (and a WAL left beside it, if any) and the media folder. */
async function copyFolder(from: string, to: string, withDatabase: boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  await cp(join(from, 'media'), join(to, 'media'), { recursive: true });
  if (!withDatabase) return;
  for (const suffix of ['', '-wal']) {
    const file = join(from, SQLITE_FILE + suffix);
    // A reflink where the filesystem offers one, a plain copy otherwise.
    if (existsSync(file)) {
      await copyFile(file, join(to, SQLITE_FILE + suffix), constants.COPYFILE_FICLONE);
    }
  }
}

/** Seeds a kept folder from nothing; its manifest is written last, so a half-seeded one is never used. */
async function seedKept(
  paper: Newspaper,
  size: ArchiveSize,
  engine: Engine,
  dir: string,
  seed: string,
) {
  const name = dir.split('/').pop() ?? '';
  const database = engine === 'postgres' ? keptDatabaseName(name) : undefined;
  await mkdir(join(dir, 'media'), { recursive: true });
  if (database) await createDatabaseNamed(database);
  const started = Date.now();
  const loaded = await paper.load(size, paper.envFor(dir, urlOf(engine, dir, database)));
  const manifest: KeptManifest = {
    seedKey: seed,
    migrations: migrationList(paper.root),
    ...loaded,
    ...(database ? { database } : {}),
    seedSeconds: Math.round((Date.now() - started) / 1000),
  };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Keeps a migrated copy of an older kept folder with the same seed. */
async function migrateKept(
  paper: Newspaper,
  engine: Engine,
  from: { dir: string; manifest: KeptManifest },
  dir: string,
): Promise<KeptManifest> {
  const name = dir.split('/').pop() ?? '';
  const database = engine === 'postgres' ? keptDatabaseName(name) : undefined;
  await copyFolder(from.dir, dir, engine === 'sqlite');
  if (database && from.manifest.database) {
    await createDatabaseNamed(database, from.manifest.database);
  }
  await paper.migrate(paper.envFor(dir, urlOf(engine, dir, database)));
  const manifest: KeptManifest = {
    ...from.manifest,
    migrations: migrationList(paper.root),
    ...(database ? { database } : {}),
  };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Removes what an interrupted seed or migration left under a kept name (never a kept database). */
async function clearIncomplete(engine: Engine, dir: string, kept: KeptManifest[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const database = keptDatabaseName(dir.split('/').pop() ?? '');
  if (engine === 'postgres' && !kept.some((manifest) => manifest.database === database)) {
    await dropDatabaseNamed(database);
  }
}

/** The kept folder for this seed and this code's migrations: found, migrated from an older one, or seeded. */
export async function keptData(
  paper: Newspaper,
  size: ArchiveSize,
  engine: Engine,
  store: string,
): Promise<{ dir: string; manifest: KeptManifest }> {
  const seed = seedKey(paper.root, paper.seedDir, size, paper.now);
  const migrations = migrationList(paper.root);
  const name = keptName(engine, size.label, seed, migrations);
  const dir = join(store, name);
  const kept = readManifests(store);
  const exact = kept.find((k) => k.name === name);
  if (exact) return { dir, manifest: exact.manifest };
  await clearIncomplete(
    engine,
    dir,
    kept.map((k) => k.manifest),
  );
  const prefix = name.slice(0, name.lastIndexOf('-') + 1);
  const older = migratableFrom(kept, prefix, seed, migrations);
  if (older) {
    console.error(
      `bench: migrating a copy of the kept ${older.name} (same seed, older migrations)…`,
    );
    const from = { dir: join(store, older.name), manifest: older.manifest };
    return { dir, manifest: await migrateKept(paper, engine, from, dir) };
  }
  console.error(
    `bench: no kept ${engine} ${size.label} in ${store} for this seed: seeding ${name}…`,
  );
  return { dir, manifest: await seedKept(paper, size, engine, dir, seed) };
}

/** A run's own copy of the kept database, removed (or dropped) after the run. */
export async function copyKept(
  paper: Newspaper,
  engine: Engine,
  kept: { dir: string; manifest: KeptManifest },
  label: string,
): Promise<KeptCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-bench-'));
  const started = Date.now();
  await copyFolder(kept.dir, dir, engine === 'sqlite');
  const database =
    engine === 'postgres' && kept.manifest.database
      ? await createPostgresDatabase(label, kept.manifest.database)
      : { url: urlOf('sqlite', dir, undefined), drop: () => Promise.resolve() };
  console.error(
    `bench: copied the kept ${engine} ${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const remove = async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, env: paper.envFor(dir, database.url), manifest: kept.manifest, remove };
}
