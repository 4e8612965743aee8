/**
 * The storage's own share of each search in the bench's mix, without a server, the page or the
 * typo retry: `npm run build && node dist/bench/search-in-process.js DATABASE_URL [kinds]
 * [passes]` runs every query of the kinds (`phrase` by default; `common,rare,phrase,typo`) through
 * `KyselyStorySearch.search` `passes` times (3), on an archive seeded by bench-seed, and prints
 * the wall ms of each query after the first pass (median, least, most) and what it found. Run it
 * on a copy: opening the database with this code's storage does not migrate it, but it is still
 * a writable connection.
 */
import { performance } from 'node:perf_hooks';
import { parseSearchQuery } from '../src/domain/search/search-query.js';
import { openStorage } from '../src/storage/open-storage.js';
import { KyselyStorySearch, searchDialectOf } from '../src/storage/story-search.js';
import { REFERENCE_NOW } from './prepare-data.js';
import { QUERY_KINDS, searchQueries, type QueryKind } from './search-queries.js';

const tenths = (ms: number) => Math.round(ms * 10) / 10;

async function main([url, kinds = 'phrase', passes = '3']: string[]) {
  if (!url) throw new Error('usage: search-in-process.js DATABASE_URL [kinds] [passes]');
  const wanted = kinds.split(',') as QueryKind[];
  if (wanted.some((kind) => !QUERY_KINDS.includes(kind)))
    throw new Error(`kinds are among ${QUERY_KINDS.join(',')}, not "${kinds}"`);
  const storage = openStorage(url);
  const search = new KyselyStorySearch(storage.kysely, searchDialectOf(storage.engine));
  const queries = searchQueries().filter((query) => wanted.includes(query.kind));
  const times = queries.map((): number[] => []);
  const found: string[] = [];
  for (let pass = 0; pass < Math.max(2, Number(passes)); pass += 1) {
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const result = await search.search({
        asOf: new Date(REFERENCE_NOW),
        clauses: parseSearchQuery(query.text),
        order: 'relevance',
        limit: 10,
        offset: 0,
      });
      if (pass > 0) times[i]?.push(performance.now() - started);
      found[i] = result.more ? `${result.total}+` : String(result.total);
    }
  }
  console.log('kind\tmedian\tleast\tmost\tfound\tquery');
  for (const [i, query] of queries.entries()) {
    const sorted = [...(times[i] ?? [])].sort((a, b) => a - b);
    const [median, least, most] = [sorted[sorted.length >> 1], sorted[0], sorted.at(-1)];
    console.log(
      [query.kind, ...[median, least, most].map((ms) => tenths(ms ?? NaN)), found[i], query.text]
        .map(String)
        .join('\t'),
    );
  }
  await storage.close();
}

await main(process.argv.slice(2));
