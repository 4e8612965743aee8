import type { BodyDocument } from '../body/body-document.js';

type Node = { type?: unknown; attrs?: Record<string, unknown>; content?: unknown[] };

const isRootRelative = (src: unknown): src is string =>
  typeof src === 'string' && src.startsWith('/') && !src.startsWith('//');

function absoluteNode(node: Node, origin: string): Node {
  const src = node.attrs?.src;
  const attrs =
    node.type === 'image' && isRootRelative(src)
      ? { ...node.attrs, src: `${origin}${src}` }
      : node.attrs;
  const content = node.content?.map((child) => absoluteNode(child as Node, origin));
  return { ...node, ...(attrs && { attrs }), ...(content && { content }) };
}

/**
 * The body with its images' site paths (`/media/…`) made absolute: an app shows the story
 * far from this site, where a path alone leads nowhere.
 */
export const absoluteBody = (doc: BodyDocument, origin: string): BodyDocument =>
  absoluteNode(doc, origin) as unknown as BodyDocument;
