import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptName, migratableFrom, migrationList, seedKey, type KeptManifest } from './kept-key.js';

let root: string;
const seedDir = () => join(root, 'seed');
const write = (path: string, text: string) => writeFileSync(join(root, path), text);
const tenK = { label: '10k', articles: 10_000 } as const;
const NOW = '2024-04-24T08:00:00Z';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kept-key-'));
  mkdirSync(join(root, 'src/storage/archive-seed'), { recursive: true });
  mkdirSync(join(root, 'src/storage/migrations'), { recursive: true });
  mkdirSync(seedDir());
  write('src/storage/archive-seed/seed-archive.ts', 'export const rows = 1;');
  write('seed/article.json', '{"title":"Talks"}');
  write('seed/publication.json', '{"name":"Dateline"}');
  for (const name of ['0002-newsroom.ts', '0001-initial.ts', '0016-story-details.int.test.ts'])
    write(`src/storage/migrations/${name}`, '');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the seed key', () => {
  it('stays the same for the same archive, generator and reference files', () => {
    expect(seedKey(root, seedDir(), tenK, NOW)).toBe(seedKey(root, seedDir(), tenK, NOW));
  });

  it('changes with the article count, the generator, the reference article and the clock', () => {
    const before = seedKey(root, seedDir(), tenK, NOW);
    expect(seedKey(root, seedDir(), { label: '1m', articles: 1_000_000 }, NOW)).not.toBe(before);
    expect(seedKey(root, seedDir(), tenK, '2025-01-01T00:00:00Z')).not.toBe(before);
    write('seed/article.json', '{"title":"Other talks"}');
    const afterArticle = seedKey(root, seedDir(), tenK, NOW);
    expect(afterArticle).not.toBe(before);
    write('src/storage/archive-seed/seed-archive.ts', 'export const rows = 2;');
    expect(seedKey(root, seedDir(), tenK, NOW)).not.toBe(afterArticle);
  });

  it('is the same from another checkout and another copy of the reference files', () => {
    const before = seedKey(root, seedDir(), tenK, NOW);
    const other = mkdtempSync(join(tmpdir(), 'kept-key-elsewhere-'));
    try {
      cpSync(root, join(other, 'a-longer-checkout-name'), { recursive: true });
      const copy = join(other, 'a-longer-checkout-name');
      cpSync(seedDir(), join(other, 'reference'), { recursive: true });
      expect(seedKey(copy, join(other, 'reference'), tenK, NOW)).toBe(before);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('does not change when only a migration is added', () => {
    const before = seedKey(root, seedDir(), tenK, NOW);
    write('src/storage/migrations/0019-query-plans.ts', '');
    expect(seedKey(root, seedDir(), tenK, NOW)).toBe(before);
  });
});

describe('the migration list', () => {
  it('names the migrations in order, without their tests', () => {
    expect(migrationList(root)).toEqual(['0001-initial', '0002-newsroom']);
  });
});

describe('a kept database to migrate', () => {
  const manifest = (seed: string, migrations: string[]): KeptManifest => ({
    seedKey: seed,
    migrations,
    articlePath: '/world/talks',
    demoSeeded: false,
    seedSeconds: 1,
  });
  const now = ['0001-initial', '0002-newsroom', '0019-query-plans'];
  const prefix = 'sqlite-10k-abc-';

  it('is named by engine, size, seed and migrations', () => {
    expect(keptName('sqlite', '10k', 'abc', now)).toMatch(/^sqlite-10k-abc-[0-9a-f]{8}$/);
    expect(keptName('sqlite', '10k', 'abc', now)).not.toBe(keptName('sqlite', '10k', 'abc', []));
  });

  it('is the one with the same seed and the most migrations the code still knows', () => {
    const kept = [
      { name: `${prefix}1`, manifest: manifest('abc', ['0001-initial']) },
      { name: `${prefix}2`, manifest: manifest('abc', ['0001-initial', '0002-newsroom']) },
      { name: 'postgres-10k-abc-3', manifest: manifest('abc', now) },
    ];
    expect(migratableFrom(kept, prefix, 'abc', now)?.name).toBe(`${prefix}2`);
  });

  it('is none when the seed differs or it has a migration the code lacks', () => {
    const kept = [
      { name: `${prefix}1`, manifest: manifest('xyz', ['0001-initial']) },
      { name: `${prefix}2`, manifest: manifest('abc', ['0001-initial', '0020-search']) },
    ];
    expect(migratableFrom(kept, prefix, 'abc', now)).toBeUndefined();
  });
});
