/**
 * Tiptap's JSON → the server's closed body schema (src/domain/body/body-document.ts). Tiptap
 * writes attributes the server refuses (link target/rel/class, image title, nulls, a default
 * list start) and allows nestings it does not (headings in quotes and list items), so the
 * document is rebuilt from the node types the server knows, keeping all the text.
 */
import type { JSONContent } from '@tiptap/core';
import type {
  Block,
  BodyDocument,
  EmbedAttrs,
  HeadingLevel,
  ImageAttrs,
  Inline,
  List,
  ListItem,
  Mark,
  Paragraph,
} from '../../../src/domain/body/body-document.js';

const children = (node: JSONContent) => node.content ?? [];
const isInline = (node: JSONContent) => node.type === 'text' || node.type === 'hardBreak';

function marksOf(node: JSONContent): Mark[] {
  const marks: Mark[] = [];
  for (const mark of node.marks ?? []) {
    if (marks.some((m) => m.type === mark.type)) continue;
    if (mark.type === 'bold' || mark.type === 'italic') marks.push({ type: mark.type });
    const href: unknown = mark.attrs?.href;
    if (mark.type === 'link' && typeof href === 'string' && href.trim()) {
      marks.push({ type: 'link', attrs: { href: href.trim() } });
    }
  }
  return marks;
}

function inlinesOf(node: JSONContent): Inline[] {
  const inlines: Inline[] = [];
  for (const child of children(node)) {
    if (child.type === 'hardBreak') inlines.push({ type: 'hardBreak' });
    if (child.type !== 'text' || !child.text) continue;
    const marks = marksOf(child);
    inlines.push(
      marks.length ? { type: 'text', text: child.text, marks } : { type: 'text', text: child.text },
    );
  }
  return inlines;
}

function paragraphOf(node: JSONContent): Paragraph {
  const content = inlinesOf(node);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Any block as plain paragraphs: for places that take nothing else (quotes). */
function paragraphsIn(node: JSONContent): Paragraph[] {
  if (node.type === 'paragraph' || node.type === 'heading' || children(node).some(isInline))
    return [paragraphOf(node)];
  return children(node).flatMap(paragraphsIn);
}

function listOf(node: JSONContent): List | null {
  const items = children(node)
    .filter((child) => child.type === 'listItem')
    .map(listItemOf);
  if (items.length === 0) return null;
  if (node.type === 'bulletList') return { type: 'bulletList', content: items };
  const start: unknown = node.attrs?.start;
  return typeof start === 'number' && start !== 1 && Number.isInteger(start) && start >= 0
    ? { type: 'orderedList', attrs: { start }, content: items }
    : { type: 'orderedList', content: items };
}

function listItemOf(node: JSONContent): ListItem {
  const blocks: (Paragraph | List)[] = children(node).flatMap((child): (Paragraph | List)[] => {
    if (child.type === 'bulletList' || child.type === 'orderedList') {
      const list = listOf(child);
      return list ? [list] : [];
    }
    return paragraphsIn(child);
  });
  const [first, ...rest] = blocks;
  if (first?.type === 'paragraph') return { type: 'listItem', content: [first, ...rest] };
  return { type: 'listItem', content: [{ type: 'paragraph' }, ...blocks] };
}

function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

function imageOf(node: JSONContent): Block[] {
  const attrs = node.attrs ?? {};
  if (typeof attrs.src !== 'string' || !attrs.src) return [];
  const image: ImageAttrs = { src: attrs.src, alt: typeof attrs.alt === 'string' ? attrs.alt : '' };
  if (typeof attrs.caption === 'string' && attrs.caption) image.caption = attrs.caption;
  if (typeof attrs.credit === 'string' && attrs.credit) image.credit = attrs.credit;
  const width = positiveInteger(attrs.width);
  const height = positiveInteger(attrs.height);
  if (width) image.width = width;
  if (height) image.height = height;
  const mediaId = positiveInteger(attrs.mediaId);
  if (mediaId) image.mediaId = mediaId;
  return [{ type: 'image', attrs: image }];
}

/** An embed keeps its provider and address as given: the server checks both on saving. */
function embedOf(node: JSONContent): Block[] {
  const { provider, url, caption } = node.attrs ?? {};
  if (typeof provider !== 'string' || !provider || typeof url !== 'string' || !url) return [];
  const attrs = { provider, url } as EmbedAttrs;
  if (typeof caption === 'string' && caption.trim()) attrs.caption = caption;
  return [{ type: 'embed', attrs }];
}

function headingLevel(value: unknown): HeadingLevel {
  return value === 3 ? 3 : value === 4 ? 4 : 2;
}

function blocksOf(node: JSONContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [paragraphOf(node)];
    case 'heading': {
      const content = inlinesOf(node);
      const attrs = { level: headingLevel(node.attrs?.level) };
      return [content.length ? { type: 'heading', attrs, content } : { type: 'heading', attrs }];
    }
    case 'blockquote': {
      const paragraphs = paragraphsIn(node);
      return paragraphs.length ? [{ type: 'blockquote', content: paragraphs }] : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const list = listOf(node);
      return list ? [list] : [];
    }
    case 'horizontalRule':
      return [{ type: 'horizontalRule' }];
    case 'image':
      return imageOf(node);
    case 'embed':
      return embedOf(node);
    default:
      // Unknown blocks keep their words as paragraphs rather than vanish.
      return paragraphsIn(node);
  }
}

/** The server's body document for what the editor holds. */
export function toServerBody(doc: JSONContent): BodyDocument {
  return { type: 'doc', content: children(doc).flatMap(blocksOf) };
}
