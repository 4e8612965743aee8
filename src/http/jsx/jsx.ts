/**
 * A string-building JSX runtime for server-rendered pages. Text and attribute values are
 * escaped by default; only `SafeHtml` (made by this runtime, or by `trustedHtml` for output of
 * our own renderers) passes through unescaped. See docs/adr/0002-jsx-string-renderer.md.
 */
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

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/** Escapes text for use in element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  // Most text needs no escaping; testing first avoids allocating a new string.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/** Marks HTML produced by our own renderers (never user input) as safe to insert. */
export const trustedHtml = (html: string) => new SafeHtml(html);

function appendChild(out: string[], child: Child): void {
  if (child === null || child === undefined || child === false || child === true) return;
  if (child instanceof SafeHtml) out.push(child.html);
  else if (Array.isArray(child)) for (const c of child) appendChild(out, c);
  else out.push(escapeHtml(String(child)));
}

function renderAttributes(props: Props): string {
  let attributes = '';
  for (const name in props) {
    if (name === 'children') continue;
    const value = props[name];
    if (value === null || value === undefined || value === false) continue;
    const attributeName = name === 'className' ? 'class' : name;
    attributes +=
      value === true
        ? ` ${attributeName}`
        : ` ${attributeName}="${escapeHtml(String(value as AttributeValue))}"`;
  }
  return attributes;
}

export function h(
  tag: string | Component<Record<string, unknown>>,
  props: Props | null,
  ...children: Child[]
): SafeHtml {
  const allProps: Props = props ?? {};
  if (typeof tag === 'function') {
    return tag({ ...allProps, children: children.length === 1 ? children[0] : children });
  }
  const out: string[] = [`<${tag}${renderAttributes(allProps)}>`];
  if (VOID_ELEMENTS.has(tag)) return new SafeHtml(out[0] ?? '');
  appendChild(out, children);
  out.push(`</${tag}>`);
  return new SafeHtml(out.join(''));
}

export function Fragment(props: { children?: Child }): SafeHtml {
  const out: string[] = [];
  appendChild(out, props.children);
  return new SafeHtml(out.join(''));
}

/** Renders a whole document: the doctype, then the root element. */
export const renderDocument = (root: SafeHtml): string => `<!DOCTYPE html>${root.html}`;
