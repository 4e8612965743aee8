import { parseDocument } from 'htmlparser2';
import { blocksFromDom } from './blocks-from-dom.js';
import { parseBodyDocument } from './body-document.js';
import type { BodyDocument } from './body-document.js';
import { fitBlocks } from './fit-blocks.js';
import { sanitizeBodyHtml } from './sanitize-body-html.js';

/**
 * A body from untrusted HTML (a CMS export, a paste): sanitized to an allow-list first, then
 * read into paragraphs, headings, lists, quotes and images. Throws `invalid` only when the
 * result breaks the body's limits (too many blocks, an overlong paragraph).
 */
export function bodyFromHtml(html: string): BodyDocument {
  const dom = parseDocument(sanitizeBodyHtml(html));
  const content = fitBlocks(blocksFromDom(dom.children));
  // Validated like any other input, so an importer bug can never store an unsafe body.
  return parseBodyDocument({ type: 'doc', content });
}
