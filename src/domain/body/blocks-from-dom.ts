import { DomUtils } from 'htmlparser2';
import type { HeadingLevel, Mark } from './body-document.js';
import type { DomElement, DomNode } from './dom-node.js';
import { figureFromDom } from './figure-from-dom.js';
import { imageFromDom } from './image-from-dom.js';
import { InlineRun } from './inline-run.js';
import { sortMarks } from './mark-order.js';
import type { LooseBlock, LooseList } from './loose-block.js';
import { isSafeHref } from './safe-url.js';

const HEADING_LEVELS: Record<string, HeadingLevel> = {
  h1: 2, // the page's own <h1> is the headline
  h2: 2,
  h3: 3,
  h4: 4,
  h5: 4,
  h6: 4,
};

/** Reads sanitized DOM nodes as blocks, wrapping loose inline content into paragraphs. */
export function blocksFromDom(
  nodes: readonly DomNode[],
  marks: readonly Mark[] = [],
): LooseBlock[] {
  const flow = new Flow();
  flow.addNodes(nodes, marks);
  return flow.finish();
}

class Flow {
  private readonly blocks: LooseBlock[] = [];
  private readonly run = new InlineRun();
  private headingLevel: HeadingLevel | null = null;

  addNodes(nodes: readonly DomNode[], marks: readonly Mark[]): void {
    for (const node of nodes) this.addNode(node, marks);
  }

  finish(): LooseBlock[] {
    this.endBlock();
    return this.blocks;
  }

  private addNode(node: DomNode, marks: readonly Mark[]): void {
    if (DomUtils.isText(node)) this.run.addText(node.data, marks);
    else if (DomUtils.isTag(node)) this.addElement(node, marks);
  }

  private addElement(element: DomElement, marks: readonly Mark[]): void {
    const name = element.name;
    const level = HEADING_LEVELS[name];
    if (level !== undefined) return this.addHeading(element, level, marks);
    switch (name) {
      case 'br':
        if (this.run.addBreak()) this.endBlock();
        return;
      case 'strong':
        return this.addNodes(element.children, withMark(marks, { type: 'bold' }));
      case 'em':
        return this.addNodes(element.children, withMark(marks, { type: 'italic' }));
      case 'a':
        return this.addNodes(element.children, withLink(marks, element.attribs.href));
      case 'p':
      case 'div':
      case 'figcaption': // outside a figure it is just a line of text
        return this.addBlockOfInlines(element, marks);
      default:
        return this.addBlockElement(element, marks);
    }
  }

  private addBlockElement(element: DomElement, marks: readonly Mark[]): void {
    const block = blockElement(element, marks);
    if (block === undefined) {
      // An unknown inline (a <span>): unwrapped, its text kept.
      this.addNodes(element.children, marks);
      return;
    }
    this.endBlock();
    this.blocks.push(...block);
  }

  /** <p> and <div> both end the line before and after: a div is flattened into paragraphs. */
  private addBlockOfInlines(element: DomElement, marks: readonly Mark[]): void {
    this.endBlock();
    this.addNodes(element.children, marks);
    this.endBlock();
  }

  private addHeading(element: DomElement, level: HeadingLevel, marks: readonly Mark[]): void {
    this.endBlock();
    const outer = this.headingLevel;
    this.headingLevel = level;
    this.addNodes(element.children, marks);
    this.endBlock();
    this.headingLevel = outer;
  }

  /** Closes the paragraph (or heading) being collected, if it has any text. */
  private endBlock(): void {
    const content = this.run.take();
    if (content.length === 0) return;
    this.blocks.push(
      this.headingLevel === null
        ? { type: 'paragraph', content }
        : { type: 'heading', attrs: { level: this.headingLevel }, content },
    );
  }
}

/** The blocks a block-level element stands for; undefined for inline elements. */
function blockElement(element: DomElement, marks: readonly Mark[]): LooseBlock[] | undefined {
  switch (element.name) {
    case 'ul':
    case 'ol':
      return [listFromDom(element, marks)];
    case 'blockquote':
      return [{ type: 'blockquote', content: blocksFromDom(element.children, marks) }];
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'img': {
      const image = imageFromDom(element);
      return image === undefined ? [] : [image];
    }
    case 'figure':
      return figureFromDom(element, marks, blocksFromDom);
    default:
      return undefined;
  }
}

function listFromDom(element: DomElement, marks: readonly Mark[]): LooseList {
  const items: LooseBlock[][] = [];
  let stray: DomNode[] = [];
  const addStray = () => {
    // Text or tags directly inside <ul>, invalid but common in pasted markup, make an item.
    const blocks = blocksFromDom(stray, marks);
    if (blocks.length > 0) items.push(blocks);
    stray = [];
  };
  for (const child of element.children) {
    if (DomUtils.isTag(child) && child.name === 'li') {
      addStray();
      items.push(blocksFromDom(child.children, marks));
    } else stray.push(child);
  }
  addStray();
  const type = element.name === 'ol' ? 'orderedList' : 'bulletList';
  const start = type === 'orderedList' ? listStart(element.attribs.start) : undefined;
  return start === undefined ? { type, items } : { type, start, items };
}

function listStart(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return undefined;
  const start = Number(value);
  return start === 1 ? undefined : start; // 1 is every list's default
}

function withMark(marks: readonly Mark[], mark: Mark): readonly Mark[] {
  // Nested <strong><strong> is one bold; an inner link replaces the outer, as browsers do.
  const others = marks.filter((existing) => existing.type !== mark.type);
  return sortMarks([...others, mark]);
}

function withLink(marks: readonly Mark[], href: string | undefined): readonly Mark[] {
  // A link the body cannot keep (relative, or a scheme outside the allow-list) keeps its text.
  const target = href?.trim() ?? '';
  return isSafeHref(target) ? withMark(marks, { type: 'link', attrs: { href: target } }) : marks;
}
