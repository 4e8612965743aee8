import { Marked } from 'marked';
import { bodyFromHtml } from './body-from-html.js';
import type { BodyDocument } from './body-document.js';

// A private instance: extensions another module registers on the shared `marked` stay out.
const markdown = new Marked({ gfm: true, breaks: false });

/** A body from Markdown; raw HTML inside it goes through the same sanitizer as HTML imports. */
export function bodyFromMarkdown(source: string): BodyDocument {
  return bodyFromHtml(markdown.parse(source, { async: false }));
}
