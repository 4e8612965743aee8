/**
 * A small XML builder for feeds and sitemaps: elements are values, and text and attribute
 * values are escaped when written, so no caller ever concatenates unescaped text into XML.
 */

/** Attribute values; undefined leaves the attribute out. */
export type XmlAttributes = Record<string, string | number | undefined>;

export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttributes;
  readonly children: readonly XmlChild[];
}

/** Text, an element, or nothing (null, undefined and false are skipped: handy for options). */
export type XmlChild = XmlElement | string | null | undefined | false | readonly XmlChild[];

/** An element; children are text or elements, nested arrays are flattened. */
export const el = (
  name: string,
  attributes: XmlAttributes = {},
  ...children: XmlChild[]
): XmlElement => ({ name, attributes, children });

/** An element holding only text, or nothing at all when the text is empty or absent. */
export const textEl = (name: string, text: string | undefined, attributes: XmlAttributes = {}) =>
  text === undefined || text === '' ? null : el(name, attributes, text);

// XML 1.0 allows tab, newline, carriage return and U+0020 up, minus surrogates and U+FFFE/F;
// anything else (a stray control character in a pasted headline) makes the document invalid.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML 1.0 forbids removed. */
export const xmlSafe = (text: string) => text.replace(NOT_XML_CHAR, '');

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  // Literal newlines and tabs in attributes are normalised to spaces by parsers.
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Escapes text for element content. */
export const escapeXmlText = (text: string) =>
  xmlSafe(text).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);

/** Escapes text for a double-quoted attribute value. */
export const escapeXmlAttribute = (text: string) =>
  xmlSafe(text).replace(/[&<>"\n\r\t]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);

function write(out: string[], child: XmlChild): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === 'string') {
    out.push(escapeXmlText(child));
    return;
  }
  if (Array.isArray(child)) {
    for (const c of child as readonly XmlChild[]) write(out, c);
    return;
  }
  const element = child as XmlElement;
  out.push('<', element.name);
  for (const [name, value] of Object.entries(element.attributes)) {
    if (value !== undefined) out.push(' ', name, '="', escapeXmlAttribute(String(value)), '"');
  }
  if (element.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of element.children) write(out, c);
  out.push('</', element.name, '>');
}

/** The whole document, with its XML declaration. */
export function renderXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(out, root);
  out.push('\n');
  return out.join('');
}
