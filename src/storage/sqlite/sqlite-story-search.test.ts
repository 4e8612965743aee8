import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { fts5Query, storyQuery, withPairs } from './sqlite-story-search.js';

// The pair joiner, shown here as "+" to be read.
const shown = (text: string) => text.replaceAll('\uE000', '+');

describe("SQLite search's word pairs", () => {
  it('indexes a field as its words, then each two words in a row as one token, in order', () => {
    expect(shown(withPairs('the doctors team'))).toBe('the doctors team the+doctors doctors+team');
    expect(withPairs('team')).toBe('team');
    expect(withPairs('')).toBe('');
  });

  it('asks for a phrase as its pairs in a row, and for lone words as words', () => {
    const clauses = parseSearchQuery('"doctors team wins" harbour');
    expect(shown(storyQuery(clauses))).toBe('("doctors+team team+wins") AND ("harbour")');
    expect(storyQuery(parseSearchQuery('doctors team'))).toBe('("doctors") AND ("team")');
  });

  it('asks for either alternative of a clause', () => {
    const clauses = [{ anyOf: [['new', 'york'], ['newyork']] }];
    expect(shown(storyQuery(clauses))).toBe('("new+york" OR "newyork")');
    expect(fts5Query(clauses)).toBe('("new york" OR "newyork")');
  });
});
