import { describe, expect, it } from 'vitest';
import type { Block, BodyDocument, Inline, Mark, Paragraph } from './body-document.js';
import { renderBodyHtml } from './render-body-html.js';

const text = (value: string, ...marks: Mark[]): Inline =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: Inline[]): Paragraph => ({ type: 'paragraph', content });
const doc = (...content: Block[]): BodyDocument => ({ type: 'doc', content });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });

describe('renderBodyHtml', () => {
  it('prints paragraphs, headings, rules and line breaks', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 3 }, content: [text('The vote')] },
      p(text('First line'), { type: 'hardBreak' }, text('second line')),
      { type: 'horizontalRule' },
    );
    expect(renderBodyHtml(body)).toBe('<h3>The vote</h3><p>First line<br>second line</p><hr>');
  });

  it('never lets reader-visible text become markup', () => {
    const html = renderBodyHtml(doc(p(text('<script>alert("x")</script> & Sons\'s'))));
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons&#39;s</p>');
  });

  it('never lets a quote in a link or alt text end the attribute', () => {
    const html = renderBodyHtml(
      doc(p(text('x', link('/search?q="a"&b=<c>'))), {
        type: 'image',
        attrs: { src: '/media/a.jpg?"onerror="x', alt: 'A "quoted" <alt>' },
      }),
    );
    expect(html).toContain('<a href="/search?q=&quot;a&quot;&amp;b=&lt;c&gt;">x</a>');
    expect(html).toContain(
      'src="/media/a.jpg?&quot;onerror=&quot;x" alt="A &quot;quoted&quot; &lt;alt&gt;"',
    );
  });

  it('nests marks properly, keeping a link open across differently styled words', () => {
    const body = doc(
      p(text('Read ', link('/a')), text('this', link('/a'), bold), text(' now', link('/a'))),
    );
    expect(renderBodyHtml(body)).toBe('<p><a href="/a">Read <strong>this</strong> now</a></p>');
  });

  it('puts marks in one canonical order, whatever order they were stored in', () => {
    const body = doc(p(text('both', italic, bold, link('/x')), text(' bold', bold)));
    expect(renderBodyHtml(body)).toBe(
      '<p><a href="/x"><strong><em>both</em></strong></a><strong> bold</strong></p>',
    );
  });

  it('closes a link where its target changes', () => {
    const body = doc(p(text('one', link('/1')), text('two', link('/2'))));
    expect(renderBodyHtml(body)).toBe('<p><a href="/1">one</a><a href="/2">two</a></p>');
  });

  it('keeps other sites from reaching back into our tab, but not our own links', () => {
    const body = doc(
      p(
        text('out', link('https://example.org')),
        text(' in', link('/news')),
        text(' mail', link('mailto:desk@example.com')),
      ),
    );
    expect(renderBodyHtml(body)).toBe(
      '<p><a href="https://example.org" rel="noopener">out</a><a href="/news"> in</a><a href="mailto:desk@example.com"> mail</a></p>',
    );
  });

  it('skips empty paragraphs the editor leaves behind', () => {
    const body = doc({ type: 'paragraph' }, p(), p(text('Text')), p({ type: 'hardBreak' }));
    expect(renderBodyHtml(body)).toBe('<p>Text</p>');
  });

  it('prints lists, numbering from the start the editor set', () => {
    const body = doc(
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              p(text('one')),
              {
                type: 'orderedList',
                attrs: { start: 4 },
                content: [{ type: 'listItem', content: [p(text('four'))] }],
              },
            ],
          },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [{ type: 'listItem', content: [p(text('a'))] }],
      },
    );
    expect(renderBodyHtml(body)).toBe(
      '<ul><li><p>one</p><ol start="4"><li><p>four</p></li></ol></li></ul><ol><li><p>a</p></li></ol>',
    );
  });

  it('prints quotes as blockquotes of paragraphs', () => {
    const body = doc({
      type: 'blockquote',
      content: [p(text('We will win.')), p(text('— The coach'))],
    });
    expect(renderBodyHtml(body)).toBe(
      '<blockquote><p>We will win.</p><p>— The coach</p></blockquote>',
    );
  });

  it('prints an image as a lazily loaded figure, with caption and credit when it has them', () => {
    const render = (attrs: Record<string, unknown>) =>
      renderBodyHtml(
        doc({ type: 'image', attrs: { src: '/media/a.jpg', alt: 'Crowd', ...attrs } }),
      );
    const img = '<img src="/media/a.jpg" alt="Crowd" loading="lazy" decoding="async"';
    expect(render({})).toBe(`<figure>${img}></figure>`);
    expect(render({ width: 1200, height: 800 })).toBe(
      `<figure>${img} width="1200" height="800"></figure>`,
    );
    expect(render({ caption: 'The square at noon.' })).toBe(
      `<figure>${img}><figcaption>The square at noon.</figcaption></figure>`,
    );
    expect(render({ caption: 'The square.', credit: 'Reuters' })).toBe(
      `<figure>${img}><figcaption>The square. <span class="credit">— Reuters</span></figcaption></figure>`,
    );
    expect(render({ credit: 'AP & AFP' })).toBe(
      `<figure>${img}><figcaption><span class="credit">— AP &amp; AFP</span></figcaption></figure>`,
    );
  });

  describe('dateline', () => {
    const story = doc(
      p(text('The defence ministry said on Monday…')),
      p(text('Second paragraph.')),
    );

    it('opens the first paragraph, once, in capitals', () => {
      const html = renderBodyHtml(story, { dateline: 'Ankara' });
      expect(html).toBe(
        '<p><span class="dateline">ANKARA:</span> The defence ministry said on Monday…</p><p>Second paragraph.</p>',
      );
      expect(html.match(/dateline/g)).toHaveLength(1);
    });

    it('goes to the first paragraph with text when the story opens with something else', () => {
      const body = doc(
        { type: 'image', attrs: { src: '/media/a.jpg', alt: '' } },
        { type: 'paragraph' },
        p(text('The defence…')),
      );
      expect(renderBodyHtml(body, { dateline: 'ankara' })).toContain(
        '</figure><p><span class="dateline">ANKARA:</span> The defence…</p>',
      );
    });

    it('stands in a paragraph of its own when the story has none', () => {
      const body = doc({ type: 'heading', attrs: { level: 2 }, content: [text('Live')] });
      expect(renderBodyHtml(body, { dateline: 'Kyiv' })).toBe(
        '<p><span class="dateline">KYIV:</span></p><h2>Live</h2>',
      );
    });

    it('is escaped, takes its colon once, and is left out when blank', () => {
      expect(renderBodyHtml(story, { dateline: ' <b>Ankara</b>: ' })).toContain(
        '<span class="dateline">&lt;B&gt;ANKARA&lt;/B&gt;:</span> The',
      );
      expect(renderBodyHtml(story, { dateline: '  ' })).not.toContain('dateline');
    });
  });
});
