import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { pairQuery, tsQuery, wordPairsOf } from './postgres-story-search.js';

const document = {
  headline: 'doctors team wins',
  standfirst: 'a team of doctors',
  people: 'health',
  body: 'the doctors team met the doctors team',
};

describe("PostgreSQL search's word pairs", () => {
  it('indexes each two words in a row once, never across fields', () => {
    expect(wordPairsOf(document)).toEqual([
      'doctors team',
      'team wins',
      'a team',
      'team of',
      'of doctors',
      'the doctors',
      'team met',
      'met the',
    ]);
    expect(wordPairsOf(document)).not.toContain('wins a');
  });

  it('asks for every pair of a quoted phrase beside its words in order', () => {
    const clauses = parseSearchQuery('"doctors team wins" harbour');
    expect(pairQuery(clauses)).toBe("('doctors team' & 'team wins')");
    expect(tsQuery(clauses)).toBe("('doctors' <-> 'team' <-> 'wins') & ('harbour')");
  });

  it('asks for no pairs when no clause is a phrase', () => {
    expect(pairQuery(parseSearchQuery('doctors team'))).toBeUndefined();
  });

  it('asks for either alternative of a clause, and none when one alternative is a lone word', () => {
    expect(
      pairQuery([
        {
          anyOf: [
            ['new', 'york'],
            ['newyork', 'city'],
          ],
        },
      ]),
    ).toBe("('new york' | 'newyork city')");
    expect(pairQuery([{ anyOf: [['new', 'york'], ['newyork']] }])).toBeUndefined();
  });
});
