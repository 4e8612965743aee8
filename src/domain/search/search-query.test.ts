import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.js';

const phrases = (query: string) => parseSearchQuery(query).map((clause) => clause.anyOf[0]);

describe('a reader’s search query', () => {
  it('asks for every word, folded, once each', () => {
    expect(phrases('  Muscat   festival MUSCAT ')).toEqual([['muscat'], ['festival']]);
  });

  it('keeps words in double quotes together as a phrase', () => {
    expect(phrases('"Royal Opera House" Muscat')).toEqual([
      ['royal', 'opera', 'house'],
      ['muscat'],
    ]);
  });

  it('takes an unclosed quote, stars and capital operators as nothing to search for', () => {
    expect(phrases('"Muscat festival')).toEqual([['muscat'], ['festival']]);
    expect(phrases('Muscat* OR Sohar NEAR port')).toEqual([['muscat'], ['sohar'], ['port']]);
    expect(phrases('"" * " -- ;')).toEqual([]);
  });

  it('reads SQL fragments as the words in them', () => {
    expect(phrases("'; DROP TABLE articles; --")).toEqual([['drop'], ['table'], ['articles']]);
  });

  it('stops at eight clauses', () => {
    expect(phrases('a b c d e f g h i j')).toHaveLength(8);
  });
});
