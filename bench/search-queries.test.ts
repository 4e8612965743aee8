import { describe, expect, it } from 'vitest';
import { isNearMiss } from '../src/domain/search/near-miss.js';
import { commonWords, nameOf } from '../src/storage/archive-seed/synthetic-text.js';
import { formatSearchRuns, type SearchRun } from './search-bench.js';
import { QUERY_KINDS, searchQueries } from './search-queries.js';

describe('the search bench', () => {
  it('offers twelve queries of each kind, kinds interleaved', () => {
    const mix = searchQueries();
    expect(mix).toHaveLength(48);
    expect(mix.slice(0, 4).map((q) => q.kind)).toEqual([...QUERY_KINDS]);
    expect(mix.filter((q) => q.kind === 'phrase').every((q) => /^".+"$/.test(q.text))).toBe(true);
  });

  it('makes each typo one slip from a word bench-seed writes, and no word of its own', () => {
    const known = new Set([
      ...commonWords,
      ...Array.from({ length: 4000 }, (_, rank) => nameOf(rank).toLowerCase()),
    ]);
    for (const { text } of searchQueries().filter((q) => q.kind === 'typo')) {
      expect(known.has(text), text).toBe(false);
      expect(
        [...known].some((word) => isNearMiss(text, word)),
        text,
      ).toBe(true);
    }
  });

  it('reports a run whose p99 is over the target', () => {
    const latency = { searches: 10, p50Ms: 5, p99Ms: 150, maxMs: 160 };
    const run: SearchRun = {
      size: '1m',
      engine: 'sqlite',
      rate: 5,
      searches: 10,
      non2xx: 0,
      errors: 0,
      overall: latency,
      byKind: { common: latency },
      serverCpuMsPerSearch: 3,
      medianMatches: { common: 1000 },
    };
    const table = formatSearchRuns([run]);
    expect(table).toContain('| 1m | sqlite | 5 / 150 | - | - | - | 5 / 150 | 3 |');
    expect(table).toContain('p99 over 100 ms: 1m sqlite');
  });
});
