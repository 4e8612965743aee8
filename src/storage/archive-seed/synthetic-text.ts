/**
 * Text for a synthetic archive: a seeded random source and newsroom-sounding words, so the
 * same options always make the same archive and bodies are the size real ones are.
 */

/** mulberry32: small, fast and good enough to spread rows; the seed makes runs repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the council minister port harbour budget ministry water desalination plant tender court ' +
  'ruling appeal weather rain wadi flood road traffic police airport flights tourism hotel ' +
  'season festival market prices dates harvest fishermen catch oil gas revenue exports ' +
  'shipping container trade agreement talks delegation visit schools students exams results ' +
  'university hospital doctors patients clinic health vaccine programme football league cup ' +
  'final team coach players match stadium fans cricket athletics record museum exhibition ' +
  'heritage fort restoration housing rents tenants landlords bank loans interest inflation ' +
  'workers wages jobs nationals private sector survey report data growth quarter year month ' +
  'week residents village governor municipality project contract company investors shares ' +
  'exchange index election candidates vote turnout parliament law draft amendment power grid ' +
  'solar wind energy electricity tariff fuel subsidy desert camel race beach turtles reserve'
).split(' ');

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

// Names are made of three syllables: 36³ of them, Arabic-sounding, none an English word.
const SYLLABLES = (
  'ba da fa ha ja ka la ma na qa ra sa ta wa ya za bi di hi ki li mi ni ri si ' +
  'ti zi bu du hu ku lu mu nu ru su'
).split(' ');
const NAME_COUNT = SYLLABLES.length ** 3;
const NAME_SHARE = 0.12;

/**
 * Proper name number `rank` (0 the most used): places, families, firms. Their use falls off
 * as 1/rank, so the first few are in thousands of stories and the last in one or two of a
 * million, as names are in a real archive; the bench searches for both.
 */
export function nameOf(rank: number): string {
  const n = SYLLABLES.length;
  const syllables = [rank % n, Math.floor(rank / n) % n, Math.floor(rank / n / n) % n];
  const name = syllables.map((i) => SYLLABLES[i]).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The common words in order of use: the first comes up most (zipfIndex below). */
export const commonWords: readonly string[] = WORDS;

/**
 * One word of running text: mostly a common word, Zipf-skewed so the first words are in nearly
 * every story and the last in a fraction of them, now and then a name from a long tail.
 */
function word(random: () => number): string {
  if (random() < NAME_SHARE) return nameOf(zipfIndex(random, NAME_COUNT));
  return WORDS[zipfIndex(random, WORDS.length)] as string;
}

/** `count` words, separated by spaces. */
export function words(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(word(random));
  return out.join(' ');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A headline of five to eleven words. */
export const headline = (random: () => number) =>
  capitalised(words(random, 5 + Math.floor(random() * 7)));

/** A sentence of eight to twenty-two words. */
const sentence = (random: () => number) =>
  `${capitalised(words(random, 8 + Math.floor(random() * 15)))}.`;

/** A paragraph of two to five sentences. */
function paragraph(random: () => number): string {
  const count = 2 + Math.floor(random() * 4);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(sentence(random));
  return out.join(' ');
}

/**
 * A pool of paragraphs that bodies are assembled from: making every paragraph afresh would
 * spend the load's time in the generator, and the database cares only about the bytes.
 */
export function paragraphPool(random: () => number, size: number): string[] {
  return Array.from({ length: size }, () => paragraph(random));
}

/**
 * A body in our document format (domain/body/body-document.ts): six to sixteen paragraphs,
 * the first written for it, the others from the pool, now and then a subheading, a quotation or a bold lead-in; about 3 KB of JSON on average.
 */
export function bodyJson(random: () => number, pool: readonly string[]): string {
  const count = 6 + Math.floor(random() * 11);
  const blocks: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    // The lead is the story's own: a name drawn for it stays as rare as its draw, where one
    // in the shared pool would be in every story that borrows that paragraph.
    const text = i === 0 ? paragraph(random) : pick(random, pool);
    const roll = random();
    if (i > 2 && roll < 0.06) {
      blocks.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: headline(random) }],
      });
    } else if (i > 2 && roll < 0.1) {
      blocks.push({
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      });
    } else if (i === 0 && roll < 0.3) {
      const [lead = '', ...rest] = text.split('. ');
      blocks.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: `${lead}.`, marks: [{ type: 'bold' }] },
          { type: 'text', text: ` ${rest.join('. ')}` },
        ],
      });
    } else {
      blocks.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    }
  }
  return JSON.stringify({ type: 'doc', content: blocks });
}

/** Index into `size` items, the first ones far more often (roughly Zipf, s ≈ 1). */
export function zipfIndex(random: () => number, size: number): number {
  // Inverse of a continuous 1/x density on [1, size + 1): cheap and close enough for a bench.
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}
