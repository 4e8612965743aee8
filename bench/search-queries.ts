/**
 * The search bench's query mix, drawn from bench-seed's own vocabulary (synthetic-text.ts) so
 * each kind finds what it should at any archive size: common words match most stories, names
 * from the far tail of the Zipf list a handful, phrases need the words side by side, and typos
 * find nothing until the near-miss retry widens them.
 */
import { commonWords, nameOf } from '../src/storage/archive-seed/synthetic-text.js';

export const QUERY_KINDS = ['common', 'rare', 'phrase', 'typo'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface SearchQuery {
  kind: QueryKind;
  /** The reader's words, as typed into the search box. */
  text: string;
}

const common = (rank: number) => commonWords[rank] ?? 'the';

/** One letter changed in the middle: one edit from a known word, which is what a typo is. */
function mistyped(word: string): string {
  const at = Math.floor(word.length / 2);
  const letter = word[at] === 'o' ? 'e' : 'o';
  return word.slice(0, at) + letter + word.slice(at + 1);
}

/** Twelve queries of each kind; the load walks them in turn, kinds interleaved. */
export function searchQueries(): SearchQuery[] {
  const kinds: Record<QueryKind, string[]> = {
    // One or two of the commonest words: each in most stories, so every search ranks a bound.
    common: [
      ...[1, 3, 4, 5, 7, 9, 12, 20].map(common),
      `${common(4)} ${common(5)}`,
      `${common(2)} ${common(8)}`,
      `${common(11)} ${common(30)}`,
      `${common(6)} ${common(15)}`,
    ],
    // Names from the tail: a few stories at 100k, a few dozen at 1M; two with a common word.
    rare: [
      ...[9000, 12000, 15000, 18000, 22000, 26000, 30000, 34000, 38000, 43000].map(nameOf),
      `${nameOf(20000)} ${common(4)}`,
      `${nameOf(24000)} ${common(1)}`,
    ],
    // Adjacent words in quotes: common pairs, a name beside a word, a three-word phrase.
    phrase: [
      `"${common(0)} ${common(1)}"`,
      `"${common(1)} ${common(0)}"`,
      `"${common(4)} ${common(0)}"`,
      `"${common(2)} ${common(3)}"`,
      `"${common(10)} ${common(20)}"`,
      `"${common(5)} ${common(40)}"`,
      `"${common(0)} ${common(1)} ${common(2)}"`,
      `"${common(50)} ${common(60)}"`,
      `"${nameOf(3)} ${common(0)}"`,
      `"${common(0)} ${nameOf(40)}"`,
      `"${common(3)} ${common(7)}"`,
      `"${common(8)} ${common(0)}"`,
    ],
    // Misspelt names and words: nothing matches, so the vocabulary is asked and the search rerun.
    typo: [
      ...[40, 120, 300, 700, 1500, 3000].map((rank) => mistyped(nameOf(rank).toLowerCase())),
      ...[4, 9, 14, 23, 31, 47].map((rank) => mistyped(common(rank))),
    ],
  };
  const mix: SearchQuery[] = [];
  for (let i = 0; i < 12; i += 1)
    for (const kind of QUERY_KINDS) mix.push({ kind, text: kinds[kind][i] as string });
  return mix;
}
