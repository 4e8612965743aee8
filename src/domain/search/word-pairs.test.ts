import { describe, expect, it } from 'vitest';
import { searchDocumentOf } from './search-document.js';
import { adjacentPairs, pairsOfField } from './word-pairs.js';

describe('word pairs', () => {
  it('pairs each word with the next, in order', () => {
    expect(adjacentPairs(['the', 'doctors', 'team'])).toEqual([
      ['the', 'doctors'],
      ['doctors', 'team'],
    ]);
  });

  it('has no pair for a lone word or none', () => {
    expect(adjacentPairs(['team'])).toEqual([]);
    expect(pairsOfField('')).toEqual([]);
  });

  it('pairs the words as folded, so Arabic and accented words pair as readers type them', () => {
    const document = searchDocumentOf({
      headline: 'Cilvegözü kapısı — أَحْمَد الـمَدِينَة',
      standfirst: '',
      body: { type: 'doc', content: [] },
      leadCaption: null,
      tags: [],
      bylines: [],
    });
    expect(pairsOfField(document.headline)).toEqual([
      ['cilvegozu', 'kapisi'],
      ['kapisi', 'احمد'],
      ['احمد', 'المدينه'],
    ]);
  });
});
