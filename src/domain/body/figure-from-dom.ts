import { DomUtils } from 'htmlparser2';
import type { Mark } from './body-document.js';
import type { DomElement, DomNode } from './dom-node.js';
import { collapseWhitespace } from './image-from-dom.js';
import type { LooseBlock } from './loose-block.js';

type ReadBlocks = (nodes: readonly DomNode[], marks: readonly Mark[]) => LooseBlock[];

/**
 * The blocks of a <figure>: its first image takes the figcaption as caption, and the
 * caption's `<span class="credit">` (as the renderer writes it) as credit.
 */
export function figureFromDom(
  figure: DomElement,
  marks: readonly Mark[],
  readBlocks: ReadBlocks,
): LooseBlock[] {
  const figcaption = figure.children.find(
    (child): child is DomElement => DomUtils.isTag(child) && child.name === 'figcaption',
  );
  const blocks = readBlocks(
    figure.children.filter((child) => child !== figcaption),
    marks,
  );
  if (figcaption === undefined) return blocks;
  const image = blocks.find((block) => block.type === 'image');
  // A caption with no usable image (its source refused, say) is still text worth keeping.
  if (image === undefined) return [...blocks, ...readBlocks([figcaption], marks)];
  const parts = { caption: '', credit: '' };
  readCaption(figcaption.children, parts);
  const caption = collapseWhitespace(parts.caption);
  // The renderer writes "— credit"; any leading dash is punctuation, not part of the name.
  const credit = collapseWhitespace(parts.credit).replace(/^[—–-]+\s*/, '');
  if (caption !== '') image.attrs.caption = caption;
  if (credit !== '') image.attrs.credit = credit;
  return blocks;
}

function readCaption(nodes: readonly DomNode[], parts: { caption: string; credit: string }): void {
  for (const node of nodes) {
    if (DomUtils.isText(node)) parts.caption += node.data;
    else if (!DomUtils.isTag(node)) continue;
    else if (node.name === 'br') parts.caption += ' ';
    else if (isCredit(node)) parts.credit += ` ${DomUtils.textContent(node)}`;
    else readCaption(node.children, parts);
  }
}

function isCredit(element: DomElement): boolean {
  return element.name === 'span' && (element.attribs.class ?? '').split(/\s+/).includes('credit');
}
