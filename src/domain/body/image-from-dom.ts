import type { ImageBlock } from './body-document.js';
import type { DomElement } from './dom-node.js';
import { isSafeImageSrc } from './safe-url.js';

/** An image node for an <img>, or undefined when its source is not one the body accepts. */
export function imageFromDom(element: DomElement): ImageBlock | undefined {
  const src = element.attribs.src?.trim() ?? '';
  if (!isSafeImageSrc(src)) return undefined;
  const attrs: ImageBlock['attrs'] = { src, alt: collapseWhitespace(element.attribs.alt ?? '') };
  const width = pixels(element.attribs.width);
  const height = pixels(element.attribs.height);
  if (width !== undefined) attrs.width = width;
  if (height !== undefined) attrs.height = height;
  return { type: 'image', attrs };
}

/** Text on one line, with runs of whitespace (and no-break spaces) as single spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\f\r\u00a0]+/g, ' ').trim();
}

function pixels(value: string | undefined): number | undefined {
  // Only plain pixel counts: "100%" or "auto" say nothing about the intrinsic size.
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return undefined;
  const count = Number(value);
  return count > 0 && count <= 20_000 ? count : undefined;
}
