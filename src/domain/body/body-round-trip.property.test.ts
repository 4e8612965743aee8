/**
 * Any document the editor can make survives the trip readers' HTML → importer → HTML: rendering
 * what the importer reads back from a rendering gives the same HTML, for random documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyFromHtml } from './body-from-html.js';
import type { Block, BodyDocument, Inline, ListItem, Mark, Paragraph } from './body-document.js';
import { parseBodyDocument } from './body-document.js';
import { bodyPlainText } from './plain-text.js';
import { renderBodyHtml } from './render-body-html.js';

const wordsOf = (doc: BodyDocument) => bodyPlainText(doc).split(/\s+/).filter(Boolean);

/** Words with the characters HTML must escape, and scripts beyond ASCII. */
const word = fc.constantFrom(
  'talks',
  'Muscat',
  'R&D',
  '<b>',
  '"quoted"',
  "it's",
  'العربية',
  'Türkçe',
  '🗞️',
  '5 > 3',
  'a&amp;b',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const href = fc.constantFrom(
  'https://example.org/a?x=1&y="2"',
  'mailto:desk@example.com',
  '/archive/2024',
  'tel:+96824000000',
);
const marks: fc.Arbitrary<Mark[]> = fc
  .record({ bold: fc.boolean(), italic: fc.boolean(), link: fc.option(href, { nil: undefined }) })
  .map(({ bold, italic, link }) => [
    ...(link ? [{ type: 'link' as const, attrs: { href: link } }] : []),
    ...(bold ? [{ type: 'bold' as const }] : []),
    ...(italic ? [{ type: 'italic' as const }] : []),
  ]);
const textRun: fc.Arbitrary<Inline> = fc
  .tuple(words, marks)
  .map(([text, m]) => (m.length ? { type: 'text', text, marks: m } : { type: 'text', text }));
const inlines = fc.array(
  fc.oneof(
    { weight: 5, arbitrary: textRun },
    { weight: 1, arbitrary: fc.constant<Inline>({ type: 'hardBreak' }) },
  ),
  {
    minLength: 1,
    maxLength: 5,
  },
);
const paragraph: fc.Arbitrary<Paragraph> = inlines.map((content) => ({
  type: 'paragraph',
  content,
}));
const listItem: fc.Arbitrary<ListItem> = fc
  .array(paragraph, { minLength: 1, maxLength: 2 })
  .map(([first, ...rest]) => ({ type: 'listItem', content: [first as Paragraph, ...rest] }));
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom<2 | 3 | 4>(2, 3, 4), inlines)
      .map(([level, content]): Block => ({ type: 'heading', attrs: { level }, content })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(paragraph, { minLength: 1, maxLength: 3 })
      .map((content): Block => ({ type: 'blockquote', content })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.boolean(), fc.array(listItem, { minLength: 1, maxLength: 3 }))
      .map(([ordered, content]): Block =>
        ordered ? { type: 'orderedList', content } : { type: 'bulletList', content },
      ),
  },
  { weight: 1, arbitrary: fc.constant<Block>({ type: 'horizontalRule' }) },
);
const documents: fc.Arbitrary<BodyDocument> = fc
  .array(block, { minLength: 1, maxLength: 6 })
  .map((content) => ({ type: 'doc', content }));

describe('the body document, for any document the editor can make', () => {
  it('is valid by its own schema', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(parseBodyDocument(doc)).toEqual(doc);
      }),
    );
  });

  // The importer lays text out as a browser does (a line break that ends a paragraph shows as
  // nothing, so it is dropped): one trip may tidy a document, and a second changes nothing.
  it('comes back from its own HTML with every word, and a second trip changes nothing', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const once = bodyFromHtml(renderBodyHtml(doc));
        expect(wordsOf(once)).toEqual(wordsOf(doc));
        expect(bodyFromHtml(renderBodyHtml(once))).toEqual(once);
      }),
    );
  });

  it('renders only the tags of its schema, whatever the text holds', () => {
    const allowed = new Set([
      'p',
      'h2',
      'h3',
      'h4',
      'strong',
      'em',
      'a',
      'br',
      'ul',
      'ol',
      'li',
      'blockquote',
      'hr',
    ]);
    fc.assert(
      fc.property(documents, (doc) => {
        const tags = [...renderBodyHtml(doc).matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map(
          (m) => m[1],
        );
        expect(tags.filter((tag) => !allowed.has(tag ?? ''))).toEqual([]);
      }),
    );
  });
});
