import { MAX_NESTING } from './body-shape.js';
import type { Block, ImageBlock, List, ListItem, Paragraph } from './body-document.js';
import type { LooseBlock, LooseList } from './loose-block.js';

/**
 * Fits blocks read from HTML to the body's schema: quotes hold only paragraphs, list items
 * open with a paragraph, lists nest no deeper than allowed. Nothing written is lost: headings
 * inside quotes and items become paragraphs, and images follow the container they were in.
 */
export function fitBlocks(blocks: readonly LooseBlock[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const hoisted: ImageBlock[] = [];
    const fitted = fitBlock(block, hoisted);
    if (fitted !== null) out.push(fitted);
    out.push(...hoisted);
  }
  return out;
}

function fitBlock(block: LooseBlock, hoisted: ImageBlock[]): Block | null {
  switch (block.type) {
    case 'blockquote': {
      const content = paragraphsOf(block.content, hoisted);
      return content.length > 0 ? { type: 'blockquote', content } : null;
    }
    case 'bulletList':
    case 'orderedList':
      return fitList(block, 1, hoisted);
    default:
      return block;
  }
}

/** Flattens blocks to the paragraphs they hold, setting images aside in `hoisted`. */
function paragraphsOf(blocks: readonly LooseBlock[], hoisted: ImageBlock[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push(block);
        break;
      case 'heading':
        out.push({ type: 'paragraph', content: block.content });
        break;
      case 'blockquote':
        out.push(...paragraphsOf(block.content, hoisted));
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.items) out.push(...paragraphsOf(item, hoisted));
        break;
      case 'image':
        hoisted.push(block);
        break;
      case 'horizontalRule':
        break; // a rule inside a quote or a list item has no place in the schema
    }
  }
  return out;
}

/** `depth` counts the containers down to this list, the list included. */
function fitList(list: LooseList, depth: number, hoisted: ImageBlock[]): List | null {
  const content: ListItem[] = [];
  for (const blocks of list.items) {
    const item = fitItem(blocks, depth + 1, hoisted);
    if (item !== null) content.push(item);
  }
  if (content.length === 0) return null;
  if (list.type === 'bulletList') return { type: 'bulletList', content };
  return list.start === undefined
    ? { type: 'orderedList', content }
    : { type: 'orderedList', attrs: { start: list.start }, content };
}

function fitItem(
  blocks: readonly LooseBlock[],
  depth: number,
  hoisted: ImageBlock[],
): ListItem | null {
  const content: (Paragraph | List)[] = [];
  for (const block of blocks) {
    const isList = block.type === 'bulletList' || block.type === 'orderedList';
    // A nested list adds two levels (the list and its items); deeper ones become paragraphs.
    if (isList && depth + 2 <= MAX_NESTING) {
      const list = fitList(block, depth + 1, hoisted);
      if (list !== null) content.push(list);
    } else {
      content.push(...paragraphsOf([block], hoisted));
    }
  }
  const first = content[0];
  if (first === undefined) return null;
  // Tiptap's list item must open with a paragraph; before a nested list it is left empty.
  if (first.type === 'paragraph')
    return { type: 'listItem', content: [first, ...content.slice(1)] };
  return { type: 'listItem', content: [{ type: 'paragraph' }, ...content] };
}
