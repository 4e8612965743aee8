/**
 * Each word with the word after it, in order: what both engines index beside the words so a
 * quoted phrase is found from its pairs instead of from the position lists of its words, which
 * for two common words cover most of the archive (ADRs 0057 and 0063).
 */
export function adjacentPairs(words: string[]): [string, string][] {
  return words.slice(1).map((word, i): [string, string] => [words[i] ?? '', word]);
}

/** The pairs of one field of a search document (search-document.ts: folded words, one space apart). */
export const pairsOfField = (text: string): [string, string][] =>
  adjacentPairs(text.split(' ').filter(Boolean));
