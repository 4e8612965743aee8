/**
 * Reading agency XML by its elements' local names: the same NewsML-G2 arrives as `<newsItem>`
 * from one agency and `<nar:newsItem>` from another, and NITF inside it carries its own
 * namespace. The streaming reader keeps names as written; these helpers look past the prefix.
 */
import { escapeHtml } from '../body/escape-html.js';
import { textOf, type XmlElement } from '../import/xml-records.js';
import { plain } from './wire-draft.js';

/** `nar:newsitem` is `newsitem`. */
export const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const elementsOf = (element: XmlElement | undefined) =>
  (element?.content ?? []).filter((part): part is XmlElement => typeof part !== 'string');

/** Every child element whose local name is `name`. */
export const kids = (element: XmlElement | undefined, name: string) =>
  elementsOf(element).filter((child) => localName(child.name) === name);

/** The element at a path of local names below `element` (`kid(item, 'itemmeta', 'provider')`). */
export function kid(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let at = element;
  for (const name of path) at = kids(at, name)[0];
  return at;
}

/** Every element below `element`, at any depth, whose local name is `name`. */
export function descendants(element: XmlElement | undefined, name: string): XmlElement[] {
  return elementsOf(element).flatMap((child) => [
    ...(localName(child.name) === name ? [child] : []),
    ...descendants(child, name),
  ]);
}

/** An element's text, its spaces and line breaks made single spaces. */
export const words = (element: XmlElement | undefined) => plain(textOf(element));

/** An attribute by its name as written, lower-case (`qcode`, `xml:lang`); '' when absent. */
export const attribute = (element: XmlElement | undefined, name: string) =>
  plain(element?.attributes[name]);

/** How NITF's and XHTML's elements appear in our HTML: headings one level down, NITF's own unwrapped. */
const RENAMED: Record<string, string> = { hl1: 'h2', hl2: 'h3' };
const UNWRAPPED = new Set(['block', 'body.content', 'div', 'span', 'section', 'article']);
/** Never part of a story, whatever the sanitizer would make of them later. */
const NEVER_KEPT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'head']);
const KEPT_ATTRIBUTES = new Set(['href', 'src', 'alt', 'title']);

/**
 * The markup inside an element as HTML for the sanitizer: prefixes and namespace declarations
 * gone, NITF's `<block>`s unwrapped, the elements in `dropped` (NITF's `<media>`, read as
 * photos instead) left out, and the source's indentation made single spaces.
 */
export function htmlOf(element: XmlElement, dropped: ReadonlySet<string> = new Set()): string {
  return markupOf(element, dropped).trim();
}

function markupOf(element: XmlElement, dropped: ReadonlySet<string>): string {
  return element.content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part.replace(/\s+/g, ' '));
      const name = localName(part.name);
      if (dropped.has(name) || NEVER_KEPT.has(name)) return '';
      const inner = markupOf(part, dropped);
      if (UNWRAPPED.has(name)) return inner;
      const tag = RENAMED[name] ?? name;
      const attributes = Object.entries(part.attributes)
        .filter(([attributeName]) => KEPT_ATTRIBUTES.has(attributeName))
        .map(([attributeName, value]) => ` ${attributeName}="${escapeHtml(value)}"`)
        .join('');
      return `<${tag}${attributes}>${inner}</${tag}>`;
    })
    .join('');
}
