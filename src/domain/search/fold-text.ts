/**
 * The one normaliser search uses, on stories as they are indexed and on readers' queries, so
 * both meet in the same form: lower case, diacritics gone ("Cilvegözü" and "Cilvegozu" are one
 * word), and Arabic letters in one form each (harakat and tatweel dropped; alef with hamza or
 * madda, alef wasla → alef; hamza on waw → waw, on yeh → yeh; taa marbuta → heh; alef maqsura →
 * yeh), since neither FTS5's tokenizer nor PostgreSQL's parser does all of it.
 */

// Letters that canonical decomposition leaves whole but readers type without their mark.
const LETTERS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ς: 'σ',
  '\u0671': '\u0627', // alef wasla → alef
  '\u0629': '\u0647', // taa marbuta → heh
  '\u0649': '\u064A', // alef maqsura → yeh
  '\u06CC': '\u064A', // Farsi yeh → yeh
  '\u06A9': '\u0643', // keheh → kaf
};
const ODD_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
// Combining marks (accents, harakat, the hamza and madda that NFKD splits off alef, waw and
// yeh) and tatweel, which only stretches a word.
const MARKS = /[\p{M}\u0640]/gu;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const PLAIN = /^[\x20-\x7e\s]*$/;

const digitOf = (digit: string) => String((digit.codePointAt(0) as number) % 16);

/** The text folded for search; its letters and digits keep their order. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(ODD_LETTERS, (letter) => LETTERS[letter] as string)
    .replace(ARABIC_INDIC_DIGITS, digitOf);
}

const WORD = /[\p{L}\p{N}]+/gu;

const ASCII_WORD = /[a-z0-9]+/g;

/** The words of a text as search sees them: folded, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  const folded = foldText(text);
  // Plain ASCII (most English copy) has only these letters and digits: a much cheaper match.
  return folded.match(PLAIN.test(folded) ? ASCII_WORD : WORD) ?? [];
}

/** The text as one line of folded words: what both engines index, tokenised alike. */
export const searchableText = (text: string): string => searchWords(text).join(' ');

/**
 * Folds the text one character at a time, remembering where in the original each folded
 * character came from: how a snippet finds the words a query matched in the text as written.
 */
export function foldWithOffsets(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const character of text) {
    const part = foldText(character);
    folded += part;
    for (let i = 0; i < part.length; i += 1) origins.push(index);
    index += character.length;
  }
  origins.push(index);
  return { folded, origins };
}
