import { parseBodyDocument } from './body-document.js';
import type { BodyDocument, Paragraph } from './body-document.js';

/** A body from plain-text paragraphs, taken literally (no markup); blank ones are dropped. */
export function bodyFromParagraphs(paragraphs: readonly string[]): BodyDocument {
  const content: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (text !== '') content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  }
  // Validated like any other input: limits (block count, text length) still apply.
  return parseBodyDocument({ type: 'doc', content });
}
