/**
 * A string-building JSX runtime for server-rendered pages. Text and attribute values are
 * escaped by default; only `SafeHtml` (made by this runtime, or by `trustedHtml` for output of
 * our own renderers) passes through unescaped. See docs/adr/0002-jsx-string-renderer.md.
 */
import { escapeHtml } from '../../domain/body/escape-html.js';

export { escapeHtml };

/** Short strings known to need no escaping: mostly the source's own class names and labels. */
const plainText = new Set<string>();
const PLAIN_TEXT_LONGEST = 40;
const PLAIN_TEXT_MOST = 20_000;

/** Escapes text and attribute values, looking up short strings already found plain. */
function escapeText(text: string): string {
  if (text.length > PLAIN_TEXT_LONGEST) return escapeHtml(text);
  if (plainText.has(text)) return text;
  const escaped = escapeHtml(text);
  if (escaped === text) {
    if (plainText.size >= PLAIN_TEXT_MOST) plainText.clear();
    plainText.add(text);
  }
  return escaped;
}

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
  if (typeof child === 'string') return escapeText(child);
  if (child instanceof SafeHtml) return child.html;
  if (child === null || child === undefined || child === false || child === true) return '';
  if (Array.isArray(child)) {
    let html = '';
    for (let i = 0; i < child.length; i++) html += childHtml(child[i]);
    return html;
  }
  return escapeHtml(String(child));
}

/** An element's markup around its attributes and children, made once per tag. */
interface TagMarkup {
  /** `<p`, before the attributes. */
  start: string;
  /** `<p>`, for an element without attributes. */
  bare: string;
  /** `</p>`; null for a void element, which has no children and no closing tag. */
  end: string | null;
}

/** An attribute's markup before its value (` class="`), or alone when true (` hidden`). */
interface AttributeMarkup {
  start: string;
  alone: string;
}

/**
 * Markup made once per tag and attribute name, so an element adds fewer and larger pieces to
 * the page's string (writing the page flattens every piece) and asks one map per tag, not three:
 * together an article page's CPU 6 % less (docs/performance.md). The names are the source's own
 * JSX, a few dozen, so the maps stay small.
 */
const tags = new Map<string, TagMarkup>();
const attributes = new Map<string, AttributeMarkup>();

function tagMarkup(tag: string): TagMarkup {
  let markup = tags.get(tag);
  if (markup === undefined) {
    markup = {
      start: `<${tag}`,
      bare: `<${tag}>`,
      end: VOID_ELEMENTS.has(tag) ? null : `</${tag}>`,
    };
    tags.set(tag, markup);
  }
  return markup;
}

function attributeMarkup(name: string): AttributeMarkup {
  let markup = attributes.get(name);
  if (markup === undefined) {
    const attributeName = name === 'className' ? 'class' : name;
    markup = { start: ` ${attributeName}="`, alone: ` ${attributeName}` };
    attributes.set(name, markup);
  }
  return markup;
}

function openTag(markup: TagMarkup, props: Props): string {
  let html = markup.start;
  for (const name in props) {
    if (name === 'children') continue;
    const value = props[name];
    if (value === null || value === undefined || value === false) continue;
    if (value === true) html += attributeMarkup(name).alone;
    else {
      const text = typeof value === 'string' ? value : String(value);
      html += attributeMarkup(name).start + escapeText(text) + '"';
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
  const markup = tagMarkup(tag);
  const open = props === null ? markup.bare : openTag(markup, props);
  if (markup.end === null) return new SafeHtml(open);
  let html = open;
  for (let i = 0; i < children.length; i++) html += childHtml(children[i]);
  return new SafeHtml(html + markup.end);
}

export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(childHtml(props.children));
}

/** Renders a whole document: the doctype, then the root element. */
export const renderDocument = (root: SafeHtml): string => `<!DOCTYPE html>${root.html}`;
