/**
 * A Ghost post's text as HTML for our sanitizer, when the export holds no `html`: its
 * mobiledoc (Ghost 1–4) or lexical (Ghost 5) document rendered as far as it is text, lists,
 * quotes, images, markdown and HTML cards. What cannot be rendered is left out; a document
 * left with nothing is the caller's to refuse, with the reason.
 */
import { renderBodyHtml } from '../body/render-body-html.js';
import { bodyFromMarkdown } from '../body/body-from-markdown.js';
import { escapeHtml } from '../body/escape-html.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown) => (typeof value === 'string' ? value : '');

/** A tag name as the document gives it, or `span` when it is not one. */
const tagName = (value: unknown) =>
  typeof value === 'string' && /^[a-z][a-z0-9]*$/i.test(value) ? value : 'span';

const markdownHtml = (markdown: string) => renderBodyHtml(bodyFromMarkdown(markdown));

const imageHtml = (src: string, caption: string, alt = '') =>
  src
    ? `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`
    : '';

/** A card (mobiledoc) or a decorator node (lexical) by its name and payload. */
function cardHtml(name: string, payload: Json): string {
  if (name === 'markdown' || name === 'card-markdown')
    return markdownHtml(asText(payload.markdown));
  if (name === 'html') return asText(payload.html);
  if (name === 'image')
    return imageHtml(asText(payload.src), asText(payload.caption), asText(payload.alt));
  if (name === 'hr' || name === 'horizontalrule') return '<hr>';
  return '';
}

/** Mobiledoc's markers: text runs that open and close markups (`<strong>`, `<a href>`). */
function markersHtml(markers: unknown[], markups: unknown[]): string {
  const open: string[] = [];
  let html = '';
  for (const marker of markers) {
    const [kind, opens, closes, value] = asArray(marker) as [number, number[], number, unknown];
    for (const index of asArray(opens)) {
      const [name, attrs = []] = asArray(markups[index as number]) as [unknown, string[]];
      const tag = tagName(name);
      const pairs: string[] = [];
      for (let i = 0; i + 1 < attrs.length; i += 2)
        pairs.push(` ${attrs[i]}="${escapeHtml(String(attrs[i + 1]))}"`);
      html += `<${tag}${pairs.join('')}>`;
      open.push(tag);
    }
    html += kind === 0 ? escapeHtml(asText(value)) : '';
    for (let i = 0; i < (typeof closes === 'number' ? closes : 0); i++)
      html += `</${open.pop() ?? 'span'}>`;
  }
  return (
    html +
    open
      .reverse()
      .map((tag) => `</${tag}>`)
      .join('')
  );
}

/** Ghost 1–4's mobiledoc document as HTML. */
export function mobiledocHtml(doc: Json): string {
  const markups = asArray(doc.markups);
  const cards = asArray(doc.cards);
  return asArray(doc.sections)
    .map((section) => {
      const [type, a, b] = asArray(section) as [number, unknown, unknown];
      if (type === 1) return `<${tagName(a)}>${markersHtml(asArray(b), markups)}</${tagName(a)}>`;
      if (type === 3) {
        const items = asArray(b).map((item) => `<li>${markersHtml(asArray(item), markups)}</li>`);
        return `<${tagName(a)}>${items.join('')}</${tagName(a)}>`;
      }
      if (type === 2) return imageHtml(asText(a), '');
      if (type === 10) {
        const [name, payload] = asArray(cards[a as number]) as [string, unknown];
        return cardHtml(asText(name), isObject(payload) ? payload : {});
      }
      return '';
    })
    .join('\n');
}

const LEXICAL_FORMATS: [number, string][] = [
  [1, 'strong'],
  [2, 'em'],
];

/** One lexical node (Ghost 5) and its children as HTML. */
function lexicalNodeHtml(node: unknown): string {
  if (!isObject(node)) return '';
  const inner = () => asArray(node.children).map(lexicalNodeHtml).join('');
  switch (node.type) {
    case 'text': {
      const format = typeof node.format === 'number' ? node.format : 0;
      return LEXICAL_FORMATS.reduce(
        (html, [bit, tag]) => (format & bit ? `<${tag}>${html}</${tag}>` : html),
        escapeHtml(asText(node.text)),
      );
    }
    case 'linebreak':
      return '<br>';
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
      return `<${tagName(node.tag)}>${inner()}</${tagName(node.tag)}>`;
    case 'quote':
    case 'aside':
      return `<blockquote>${inner()}</blockquote>`;
    case 'list':
      return node.listType === 'number' ? `<ol>${inner()}</ol>` : `<ul>${inner()}</ul>`;
    case 'listitem':
      return `<li>${inner()}</li>`;
    case 'link':
      return `<a href="${escapeHtml(asText(node.url))}">${inner()}</a>`;
    case 'image':
      return imageHtml(asText(node.src), asText(node.caption), asText(node.altText));
    default:
      return cardHtml(asText(node.type), node) || inner();
  }
}

/** Ghost 5's lexical document as HTML. */
export function lexicalHtml(doc: Json): string {
  const root = isObject(doc.root) ? doc.root : {};
  return asArray(root.children).map(lexicalNodeHtml).join('\n');
}

/** A document stored as a JSON string (as Ghost exports it), parsed, or undefined. */
export function parsedDocument(value: unknown): Json | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
