import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { fewMatches, pairQuery, tsQuery, wordPairsOf } from './postgres-story-search.js';

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

describe('PostgreSQL search telling few matches from many', () => {
  // In a million stories: the index is read first for fewer than about 141,000 matches.
  const statistics = {
    stories: 1_000_000,
    frequencies: new Map([
      ['the', 0.99],
      ['council', 0.6],
      ['minister', 0.2],
      ['harbour', 0.1],
      ['the council', 0.4],
    ]),
  };
  const few = (query: string) => fewMatches(parseSearchQuery(query), statistics);

  it('walks the newest stories for common words, and reads the index for rarer ones', () => {
    expect(few('the')).toBe(false);
    expect(few('council')).toBe(false);
    expect(few('harbour')).toBe(true);
  });

  it('reads the index first for a word the statistics omit, which is rarer than any they keep', () => {
    expect(few('erdogan')).toBe(true);
    expect(few('the erdogan')).toBe(true);
  });

  it('takes words that must all be found as independent of each other', () => {
    expect(few('minister')).toBe(false);
    expect(few('council minister')).toBe(true);
  });

  it('judges a phrase by its rarest word pair, which may be rare when its words are not', () => {
    expect(few('"the council"')).toBe(false);
    expect(few('"council minister"')).toBe(true);
  });

  it('leaves a clause of alternatives to its own limits', () => {
    expect(fewMatches([{ anyOf: [['erdogan'], ['erdogen']] }], statistics)).toBe(false);
    const both = [{ anyOf: [['erdogan'], ['erdogen']] }, { anyOf: [['harbour']] }];
    expect(fewMatches(both, statistics)).toBe(true);
  });
});
