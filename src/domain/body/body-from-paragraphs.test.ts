import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from './body-from-paragraphs.js';
import { renderBodyHtml } from './render-body-html.js';

describe('bodyFromParagraphs', () => {
  it('makes one paragraph per string, trimmed, dropping blank ones', () => {
    expect(bodyFromParagraphs(['  First. ', '', '   ', 'Second.'])).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second.' }] },
      ],
    });
  });

  it('takes wire copy literally: markup in it is text, not HTML', () => {
    const body = bodyFromParagraphs(['<b>Not bold</b> & <script>alert(1)</script>']);
    expect(renderBodyHtml(body)).toBe(
      '<p>&lt;b&gt;Not bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('gives an empty body for no text', () => {
    expect(bodyFromParagraphs([])).toEqual({ type: 'doc', content: [] });
  });
});
