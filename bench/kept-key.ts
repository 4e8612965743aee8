/**
 * What a kept bench database is: the seed it holds (the archive's size, the code that generates
 * it, the reference files loaded on top, the frozen clock) and the migrations it was brought to.
 * Two keys, so a kept database whose seed still matches can be migrated instead of re-seeded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveSize, Engine } from './matrix.js';

/** What a kept database's folder records once it is complete (`kept.json`). */
export interface KeptManifest {
  seedKey: string;
  /** The migrations applied to it, in order. */
  migrations: string[];
  articlePath: string;
  demoSeeded: boolean;
  /** The PostgreSQL database holding it; absent on SQLite (the file sits in the folder). */
  database?: string;
  /** How long seeding took, for the next reader of the folder. */
  seedSeconds: number;
}

/** Where the synthetic archive's generator lives: a change there means the data changes. */
const ARCHIVE_SEED_DIR = join('src', 'storage', 'archive-seed');
const MIGRATIONS_DIR = join('src', 'storage', 'migrations');

const digest = (parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 12);
};

/** The files of a folder, sorted, tests left out: their contents make up a key. */
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.includes('.test.'))
    .sort();
}

/**
 * The seed's version: the same key means the same rows. The demo paper's key covers the demo's
 * articles file instead of the synthetic generator.
 */
export function seedKey(root: string, seedDir: string, size: ArchiveSize, now: string): string {
  const generator =
    size.articles === 'demo'
      ? [join('demo', 'articles.json')].filter((file) => existsSync(join(root, file)))
      : sourceFiles(join(root, ARCHIVE_SEED_DIR)).map((name) => join(ARCHIVE_SEED_DIR, name));
  // Named by where they sit in the checkout and in the reference folder, never by the absolute
  // path: the same files seeded from another checkout or folder are the same seed.
  const reference = ['publication.json', 'article.json', 'lead.jpg'].filter((name) =>
    existsSync(join(seedDir, name)),
  );
  return digest([
    `articles=${size.articles}`,
    `now=${now}`,
    ...generator.flatMap((file) => [file, readFileSync(join(root, file))]),
    ...reference.flatMap((name) => [`reference/${name}`, readFileSync(join(seedDir, name))]),
  ]);
}

/** The migrations this code knows, by name, in order. */
export function migrationList(root: string): string[] {
  return sourceFiles(join(root, MIGRATIONS_DIR))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => name.replace(/\.ts$/, ''));
}

/** The kept folder's name: engine, size, seed key and a key of the migration list. */
export function keptName(engine: Engine, label: string, seed: string, migrations: string[]) {
  return `${engine}-${label.toLowerCase().replace(/[^a-z0-9]/g, '')}-${seed}-${digest(migrations).slice(0, 8)}`;
}

/**
 * A kept database the current code can migrate: same engine, size and seed, and every migration
 * it has is one the code still knows (a branch's migration the code lacks would not run back).
 * The one with the most migrations wins: the least work left.
 */
export function migratableFrom(
  kept: { name: string; manifest: KeptManifest }[],
  prefix: string,
  seed: string,
  migrations: string[],
): { name: string; manifest: KeptManifest } | undefined {
  const known = new Set(migrations);
  return kept
    .filter(
      ({ name, manifest }) =>
        name.startsWith(prefix) &&
        manifest.seedKey === seed &&
        manifest.migrations.every((migration) => known.has(migration)),
    )
    .sort((a, b) => b.manifest.migrations.length - a.manifest.migrations.length)[0];
}
