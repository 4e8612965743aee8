/**
 * The body's length as the writer sees it grow. Counted here, in the browser, as the writer
 * types: the newsroom app takes only types from the server. Words are counted as the server's
 * `bodyWordCount` counts them (src/domain/body/plain-text.ts): tokens with a letter or digit,
 * in paragraphs, headings, quotes and lists; photo captions and embeds are not the story's text.
 */
import type { BodyDocument } from '../../../src/domain/body/body-document.js';

/** A steady adult reading speed for news prose; the figure most publishing systems use. */
export const WORDS_PER_MINUTE = 230;

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Any node of the body, as far as counting needs: text, a break, or a node holding others. */
interface BodyNode {
  type: string;
  text?: unknown;
  content?: unknown;
}

/** The text of the story's blocks, one run per block or line break, in reading order. */
function* runsOf(nodes: readonly BodyNode[]): Generator<string> {
  for (const node of nodes) {
    if (typeof node.text === 'string') yield node.text;
    else if (node.type === 'hardBreak') yield '\n';
    else if (Array.isArray(node.content)) {
      yield* runsOf(node.content as BodyNode[]);
      yield '\n';
    }
  }
}

/** How long the body takes to read: its words, and whole minutes (rounded up, at least 1). */
export function readingTime(body: BodyDocument): { words: number; minutes: number } {
  const text = [...runsOf(body.content)].join('');
  const words = text.split(/\s+/).filter((token) => WORDLIKE.test(token)).length;
  return { words, minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) };
}
