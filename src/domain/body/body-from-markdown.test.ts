import { describe, expect, it } from 'vitest';
import { bodyFromMarkdown } from './body-from-markdown.js';
import { renderBodyHtml } from './render-body-html.js';

const imported = (markdown: string) => renderBodyHtml(bodyFromMarkdown(markdown));

describe('bodyFromMarkdown', () => {
  it('reads headings, with # as the top body level', () => {
    expect(imported('# Top\n\n## Second\n\n### Third\n\n#### Fourth')).toBe(
      '<h2>Top</h2><h2>Second</h2><h3>Third</h3><h4>Fourth</h4>',
    );
  });

  it('reads emphasis and links', () => {
    expect(
      imported('Some *italic*, **bold**, ***both*** and [a source](https://example.org "Title").'),
    ).toBe(
      '<p>Some <em>italic</em>, <strong>bold</strong>, <strong><em>both</em></strong> and ' +
        '<a href="https://example.org" rel="noopener">a source</a>.</p>',
    );
  });

  it('reads bullet and numbered lists, nested ones included', () => {
    expect(imported('- one\n- two\n  1. sub\n  2. sub two\n\n3. three\n4. four')).toBe(
      '<ul><li><p>one</p></li><li><p>two</p><ol><li><p>sub</p></li><li><p>sub two</p></li></ol></li></ul>' +
        '<ol start="3"><li><p>three</p></li><li><p>four</p></li></ol>',
    );
  });

  it('reads quotes and rules', () => {
    expect(imported('> We will not resign.\n>\n> — The minister\n\n---\n\nAfter')).toBe(
      '<blockquote><p>We will not resign.</p><p>— The minister</p></blockquote><hr><p>After</p>',
    );
  });

  it('removes script written inline in Markdown, whatever else it holds', () => {
    const html = imported(
      'Hello <script>alert(1)</script> world\n\n<script>\nalert(2)\n</script>\n\n[x](javascript:alert(3)) <img src=x onerror=alert(4)>',
    );
    expect(html).toBe('<p>Hello world</p><p>x</p>');
  });

  it('keeps characters that look like markup as text', () => {
    expect(imported('Tom &amp; Jerry say 1 < 2 and "hi"')).toBe(
      '<p>Tom &amp; Jerry say 1 &lt; 2 and &quot;hi&quot;</p>',
    );
  });

  it('reads an image with its alt text', () => {
    expect(imported('![Crowd in Kızılay](/media/2024/crowd.jpg)')).toBe(
      '<figure><img src="/media/2024/crowd.jpg" alt="Crowd in Kızılay" loading="lazy" decoding="async"></figure>',
    );
  });
});
