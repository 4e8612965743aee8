import type { Block, BodyDocument, Inline, ListItem } from './body-document.js';

/** The body as plain text for search, excerpts and feeds: one paragraph per blank-line block. */
export function bodyPlainText(doc: BodyDocument): string {
  return [...textBlocks(doc.content)].join('\n\n');
}

/** The text of each paragraph-like block, in reading order, for comparing two versions. */
export const bodyParagraphs = (doc: BodyDocument): string[] => [...textBlocks(doc.content)];

/**
 * The number of words a reader sees (tokens with at least one letter or digit). The editor
 * counts the same way as the writer types (admin/src/editor/reading-time.ts).
 */
export function bodyWordCount(doc: BodyDocument): number {
  let count = 0;
  for (const text of textBlocks(doc.content)) {
    for (const token of text.split(/\s+/)) if (WORDLIKE.test(token)) count++;
  }
  return count;
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** The opening of the body on one line, at most `maxChars` long, cut between words with '…'. */
export function bodyExcerpt(doc: BodyDocument, maxChars = 200): string {
  let text = '';
  // Stop collecting once past the limit: excerpts are made for every story in a listing.
  for (const block of textBlocks(doc.content)) {
    text += (text === '' ? '' : ' ') + block.replace(/\s+/g, ' ');
    if (text.length > maxChars) break;
  }
  return text.length <= maxChars ? text : cutAtWord(text, maxChars);
}

function cutAtWord(text: string, maxChars: number): string {
  const limit = Math.max(0, maxChars - 1); // room for the ellipsis
  const space = text.lastIndexOf(' ', limit);
  let cut = space > 0 ? text.slice(0, space) : text.slice(0, limit);
  // Never leave half of a surrogate pair (an emoji, say) before the ellipsis.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.replace(/[\s,;:.–—-]+$/, '') + '…';
}

/** Every paragraph-like block's text, in reading order; images and rules carry no body text. */
function* textBlocks(blocks: readonly (Block | ListItem)[]): Generator<string> {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading': {
        const text = inlineText(block.content);
        if (text !== '') yield text;
        break;
      }
      case 'blockquote':
      case 'bulletList':
      case 'orderedList':
      case 'listItem':
        yield* textBlocks(block.content);
        break;
    }
  }
}

function inlineText(content: readonly Inline[] | undefined): string {
  if (content === undefined) return '';
  let text = '';
  for (const node of content) text += node.type === 'text' ? node.text : '\n';
  return text.trim();
}
