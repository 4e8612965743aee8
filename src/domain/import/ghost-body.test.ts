import { describe, expect, it } from 'vitest';
import { lexicalHtml, mobiledocHtml, parsedDocument } from './ghost-body.js';

describe("Ghost's documents as HTML for the sanitizer", () => {
  it('renders mobiledoc markup sections, lists, and markdown, image and html cards', () => {
    const html = mobiledocHtml({
      markups: [['a', ['href', 'https://example.com/?a=1&b="2"']], ['em']],
      cards: [
        ['markdown', { markdown: 'Some **bold** words' }],
        ['image', { src: 'https://example.com/a.jpg', caption: 'A caption' }],
        ['html', { html: '<p>Raw</p>' }],
        ['bookmark', { url: 'https://example.com' }],
      ],
      sections: [
        [1, 'h2', [[0, [], 0, 'Title & more']]],
        [
          1,
          'p',
          [
            [0, [0], 0, 'linked '],
            [0, [1], 2, 'and leaning'],
          ],
        ],
        [3, 'ul', [[[0, [], 0, 'one']], [[0, [], 0, 'two']]]],
        [10, 0],
        [10, 1],
        [10, 2],
        [10, 3],
      ],
    });
    expect(html).toContain('<h2>Title &amp; more</h2>');
    expect(html).toContain(
      '<p><a href="https://example.com/?a=1&amp;b=&quot;2&quot;">linked <em>and leaning</em></a></p>',
    );
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<figcaption>A caption</figcaption>');
    expect(html).toContain('<p>Raw</p>');
  });

  it('never lets a section name become markup of its own', () => {
    const html = mobiledocHtml({ sections: [[1, 'p onclick="x()"', [[0, [], 0, 'Hi']]]] });
    expect(html).toBe('<span>Hi</span>');
  });

  it('renders lexical paragraphs, headings, lists, links and formats', () => {
    const html = lexicalHtml({
      root: {
        children: [
          { type: 'heading', tag: 'h3', children: [{ type: 'text', text: 'Ferry' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Bold', format: 1 },
              { type: 'linebreak' },
              {
                type: 'link',
                url: 'https://example.com',
                children: [{ type: 'text', text: 'a link' }],
              },
            ],
          },
          {
            type: 'list',
            listType: 'number',
            children: [{ type: 'listitem', children: [{ type: 'text', text: 'first' }] }],
          },
        ],
      },
    });
    expect(html).toBe(
      '<h3>Ferry</h3>\n<p><strong>Bold</strong><br><a href="https://example.com">a link</a></p>\n<ol><li>first</li></ol>',
    );
  });

  it('reads a document stored as a JSON string, and nothing from one that is not', () => {
    expect(parsedDocument('{"root":{}}')).toEqual({ root: {} });
    expect(parsedDocument('not json')).toBeUndefined();
    expect(parsedDocument(null)).toBeUndefined();
  });
});
