/**
 * Look-alike letters, after Unicode's confusables (UTS #39), cut down to the ones that matter
 * for addresses typed in Latin: Cyrillic and Greek letters drawn like Latin ones, and the
 * digits read as letters. Two addresses with the same skeleton look the same on screen.
 */
const LOOK_ALIKES = new Map(
  [
    // Cyrillic, then Greek: each pair is a look-alike and the Latin letter it is drawn like.
    'аa сc ԁd еe ёe һh іi їi јj кk ӏl оo рp ԛq гr ѕs ѵv ԝw хx уy үy ьb пn',
    'αa βb εe ηn ιi κk νv οo ρp τt υu χx γy ωw ϲc ϳj',
    // Digits read as letters, and the dotless i.
    '0o 1l ıi',
  ]
    .join(' ')
    .split(' ')
    .map((pair): [string, string] => [pair.charAt(0), pair.charAt(1)]),
);

/** The address as it looks: every look-alike letter replaced by the one it is drawn like. */
export function confusableSkeleton(text: string): string {
  let skeleton = '';
  for (const char of text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase())
    skeleton += LOOK_ALIKES.get(char) ?? char;
  return skeleton;
}

/** Scripts whose letters belong together in one word; everything else is its own script. */
const SCRIPTS: [name: string, letters: RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Thai', /\p{Script=Thai}/u],
  // Japanese and Korean words mix these by design.
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
];

/** The scripts of the letters in a word; digits, marks and punctuation belong to none. */
export function scriptsOf(word: string): Set<string> {
  const scripts = new Set<string>();
  for (const char of word) {
    if (!/\p{L}/u.test(char)) continue;
    scripts.add(SCRIPTS.find(([, letters]) => letters.test(char))?.[0] ?? 'Other');
  }
  return scripts;
}
