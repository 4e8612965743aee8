import { describe, expect, it } from 'vitest';
import { relevanceOf } from './relevance.js';
import { parseSearchQuery } from './search-query.js';

const score = (query: string, headline: string, standfirst = '') =>
  relevanceOf(parseSearchQuery(query), { headline, standfirst });

describe('relevance of a story to a search', () => {
  it('counts a word in the headline above one in the standfirst, and both above the body', () => {
    expect(score('ministry', 'Ministry sets fuel prices')).toBeGreaterThan(
      score('ministry', 'Fuel prices set', 'The ministry said'),
    );
    expect(score('ministry', 'Fuel prices set', 'The ministry said')).toBeGreaterThan(
      score('ministry', 'Fuel prices set', 'Pumps open'),
    );
  });

  it('adds up the clauses, so a story meeting more of them in its headline ranks higher', () => {
    expect(score('muscat festival', 'Muscat festival opens')).toBeGreaterThan(
      score('muscat festival', 'Festival opens', 'In Muscat'),
    );
  });

  it('takes a phrase in the headline only with its words side by side, folded', () => {
    expect(score('"opera house"', 'Royal Opéra House season')).toBe(10);
    expect(score('"opera house"', 'House of the opera')).toBe(1);
  });
});
