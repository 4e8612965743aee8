import { describe, expect, it } from 'vitest';
import { searchWordsOf } from './search-stories.js';

describe('the words of a reader’s search', () => {
  it('are the distinct words in lower case, in the order typed', () => {
    expect(searchWordsOf('  Muscat   festival MUSCAT ')).toEqual(['muscat', 'festival']);
  });

  it('are none for an empty or blank query', () => {
    expect(searchWordsOf('')).toEqual([]);
    expect(searchWordsOf(' \t ')).toEqual([]);
  });

  it('stop at eight words', () => {
    expect(searchWordsOf('a b c d e f g h i j')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
