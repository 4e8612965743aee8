import type { HeadingLevel, HorizontalRule, ImageBlock, Inline } from './body-document.js';

/** A block as read from HTML, before it is fitted to where the body's schema allows it. */
export type LooseBlock =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; attrs: { level: HeadingLevel }; content: Inline[] }
  | { type: 'blockquote'; content: LooseBlock[] }
  | LooseList
  | HorizontalRule
  | ImageBlock;

/** A list as read from HTML: each item any sequence of blocks. */
export interface LooseList {
  type: 'bulletList' | 'orderedList';
  start?: number;
  items: LooseBlock[][];
}
