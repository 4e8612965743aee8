/**
 * A string-building JSX runtime for server-rendered pages. Text and attribute values are
 * escaped by default; only `SafeHtml` (made by this runtime, or by `trustedHtml` for output of
 * our own renderers) passes through unescaped. See docs/adr/0002-jsx-string-renderer.md.
 */
import { escapeHtml } from '../../domain/body/escape-html.js';

export { escapeHtml };

export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Child = SafeHtml | string | number | boolean | null | undefined | Child[];
type AttributeValue = string | number | boolean | null | undefined;
export type Props = Record<string, AttributeValue | Child> & { children?: Child };
export type Component<P = Record<string, unknown>> = (props: P & { children?: Child }) => SafeHtml;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = SafeHtml;
    interface IntrinsicElements {
      [tag: string]: Record<string, AttributeValue | Child>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Marks HTML produced by our own renderers (never user input) as safe to insert. */
export const trustedHtml = (html: string) => new SafeHtml(html);

/** Appends a child's HTML; string concatenation beats building arrays here (V8 ropes). */
function childHtml(child: Child): string {
  // Most common first: text, then elements; every page makes thousands of these calls.
  if (typeof child === 'string') return escapeHtml(child);
  if (child instanceof SafeHtml) return child.html;
  if (child === null || child === undefined || child === false || child === true) return '';
  if (Array.isArray(child)) {
    let html = '';
    for (let i = 0; i < child.length; i++) html += childHtml(child[i]);
    return html;
  }
  return escapeHtml(String(child));
}

/**
 * Markup made once per tag or attribute name, so an element adds fewer and larger pieces to the
 * page's string: writing the page flattens every piece, and fewer cost an article page 6 % less
 * CPU (docs/performance.md). The names are the source's own JSX, a few dozen: the maps stay small.
 */
function madeOnce(made: Map<string, string>, name: string, make: (name: string) => string) {
  let markup = made.get(name);
  if (markup === undefined) {
    markup = make(name);
    made.set(name, markup);
  }
  return markup;
}
const openings = new Map<string, string>();
const bareOpenings = new Map<string, string>();
const closings = new Map<string, string>();
const attributeStarts = new Map<string, string>();
const attributeAlone = new Map<string, string>();
const opening = (tag: string) => `<${tag}`;
const bareOpening = (tag: string) => `<${tag}>`;
const closing = (tag: string) => `</${tag}>`;
const attributeStart = (name: string) => ` ${name === 'className' ? 'class' : name}="`;
const attributeWithoutValue = (name: string) => ` ${name === 'className' ? 'class' : name}`;

function openTag(tag: string, props: Props): string {
  let html = madeOnce(openings, tag, opening);
  for (const name in props) {
    if (name === 'children') continue;
    const value = props[name];
    if (value === null || value === undefined || value === false) continue;
    if (value === true) html += madeOnce(attributeAlone, name, attributeWithoutValue);
    else {
      const text = typeof value === 'string' ? value : String(value);
      html += madeOnce(attributeStarts, name, attributeStart) + escapeHtml(text) + '"';
    }
  }
  return html + '>';
}

export function h(
  tag: string | Component<Record<string, unknown>>,
  props: Props | null,
  ...children: Child[]
): SafeHtml {
  if (typeof tag === 'function') {
    const child = children.length === 1 ? children[0] : children;
    if (props === null) return tag({ children: child });
    // The props are this call's own object literal (the JSX transform makes one per element):
    // given the children in place, not copied, as every component of every page is called.
    props.children = child;
    return tag(props);
  }
  const open = props === null ? madeOnce(bareOpenings, tag, bareOpening) : openTag(tag, props);
  if (VOID_ELEMENTS.has(tag)) return new SafeHtml(open);
  let html = open;
  for (let i = 0; i < children.length; i++) html += childHtml(children[i]);
  return new SafeHtml(html + madeOnce(closings, tag, closing));
}

export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(childHtml(props.children));
}

/** Renders a whole document: the doctype, then the root element. */
export const renderDocument = (root: SafeHtml): string => `<!DOCTYPE html>${root.html}`;
