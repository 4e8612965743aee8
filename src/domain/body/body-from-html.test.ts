import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { bodyFromHtml } from './body-from-html.js';
import { renderBodyHtml } from './render-body-html.js';
import { isSafeHref, isSafeImageSrc } from './safe-url.js';

/** Every tag and attribute the renderer may print; anything else in its output is a leak. */
const RENDERED: Record<string, string[]> = {
  p: [],
  h2: [],
  h3: [],
  h4: [],
  strong: [],
  em: [],
  br: [],
  a: ['href', 'rel'],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  hr: [],
  figure: [],
  figcaption: [],
  img: ['src', 'alt', 'loading', 'decoding', 'width', 'height'],
  span: ['class'],
};

/** Parses rendered HTML like a browser would and fails on anything that could execute. */
function expectInert(html: string): void {
  const elements = DomUtils.findAll(() => true, parseDocument(html).children);
  for (const element of elements) {
    const allowed = RENDERED[element.name];
    expect(allowed, `<${element.name}> in ${html}`).toBeDefined();
    for (const name of Object.keys(element.attribs)) {
      expect(allowed, `${name} on <${element.name}> in ${html}`).toContain(name);
    }
    if (element.name === 'a') expect(isSafeHref(element.attribs.href ?? '')).toBe(true);
    if (element.name === 'img') expect(isSafeImageSrc(element.attribs.src ?? '')).toBe(true);
    if (element.name === 'span') expect(element.attribs.class).toMatch(/^(credit|dateline)$/);
  }
  expect(html).not.toMatch(/javascript:|data:|<script|<style|<iframe|<svg|\son\w+=/i);
}

const imported = (html: string) => renderBodyHtml(bodyFromHtml(html));

describe('bodyFromHtml', () => {
  const payloads = [
    '<img src=x onerror=alert(1)>',
    '<img src="/media/a.jpg" onerror="alert(1)" style="x:expression(alert(1))">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href=" &#106;avascript:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    '<a href="//evil.example/">click</a>',
    '<svg onload=alert(1)><circle r=1 /></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>">fallback</iframe>',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '<script>alert("pwned")</script>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<p style="color:red" class="lead" id="top" onclick="alert(1)">Text</p>',
    '<form action="https://evil.example"><input value="x"><button>Go</button></form>',
    '<a href="https://ok.example" target="_blank" onmouseover="alert(1)">ok</a>',
    '<img src="https://cdn.example/a.jpg" srcset="javascript:alert(1) 1x">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<base href="javascript:/"><a href="/x">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<div><<script>script>alert(1)<</script>/script></div>',
  ];

  it.each(payloads)('never lets imported markup execute: %s', (payload) => {
    expectInert(imported(payload));
  });

  it('drops script, style and iframe content entirely', () => {
    expect(
      imported(
        '<p>Before</p><script>var x = 1;</script><style>.a{}</style><iframe>frame</iframe><p>After</p>',
      ),
    ).toBe('<p>Before</p><p>After</p>');
  });

  it('keeps the words of unknown tags and of links it cannot keep', () => {
    expect(
      imported('<p><span class="x"><u>Under</u> <a href="javascript:void(0)">lined</a></span></p>'),
    ).toBe('<p>Under lined</p>');
  });

  it('keeps the link when its target is safe, dropping every other attribute', () => {
    expect(
      imported('<p><a href="https://example.org/a" target="_blank" class="x">Source</a></p>'),
    ).toBe('<p><a href="https://example.org/a" rel="noopener">Source</a></p>');
  });

  it('turns WordPress markup into clean paragraphs', () => {
    const wordpress = `
      <div class="entry-content">
        <p style="text-align:justify"><span style="font-weight:400">ANKARA &#8212; The&nbsp;ministry said&nbsp; on Monday</span></p>
        <p>&nbsp;</p>
        <div>A second <b><i>very</i> important</b> paragraph<br>with a line break.</div>
        Loose text after the div<br><br><br>and a new paragraph after a run of breaks.
      </div>`;
    expect(imported(wordpress)).toBe(
      '<p>ANKARA — The ministry said on Monday</p>' +
        '<p>A second <strong><em>very</em> important</strong> paragraph<br>with a line break.</p>' +
        '<p>Loose text after the div</p><p>and a new paragraph after a run of breaks.</p>',
    );
  });

  it('collapses whitespace the way a browser lays it out', () => {
    expect(bodyFromHtml('<p>  One \n\t two <em> three </em> four  </p>').content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'One two ' },
          { type: 'text', text: 'three ', marks: [{ type: 'italic' }] },
          { type: 'text', text: 'four' },
        ],
      },
    ]);
  });

  it('reads h1 as the top body level and h5, h6 as the lowest', () => {
    expect(imported('<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>')).toBe(
      '<h2>A</h2><h2>B</h2><h3>C</h3><h4>D</h4><h4>E</h4><h4>F</h4>',
    );
  });

  it('makes a figure with a caption one image, with caption and credit', () => {
    const figure =
      '<figure class="wp-block-image size-large"><a href="https://example.org/full.jpg">' +
      '<img src="https://cdn.example.org/photo.jpg" alt="Protesters in  Kızılay" width="1024" height="683" class="wp-image-9" srcset="x 1x"></a>' +
      '<figcaption class="wp-element-caption">Protesters on Sunday. <span class="credit">— Reuters</span></figcaption></figure>';
    expect(bodyFromHtml(figure).content).toEqual([
      {
        type: 'image',
        attrs: {
          src: 'https://cdn.example.org/photo.jpg',
          alt: 'Protesters in Kızılay',
          width: 1024,
          height: 683,
          caption: 'Protesters on Sunday.',
          credit: 'Reuters',
        },
      },
    ]);
  });

  it('keeps a caption as text when the figure has no usable image', () => {
    expect(
      imported('<figure><img src="relative.jpg"><figcaption>A caption</figcaption></figure>'),
    ).toBe('<p>A caption</p>');
  });

  it('splits a paragraph around an image inside it', () => {
    expect(imported('<p>Before <img src="/media/a.jpg" alt="A"> after</p>')).toBe(
      '<p>Before</p><figure><img src="/media/a.jpg" alt="A" loading="lazy" decoding="async"></figure><p>after</p>',
    );
  });

  it('keeps quotes to paragraphs, moving an image in a quote to just after it', () => {
    expect(
      imported(
        '<blockquote><h2>Said</h2><ul><li>one</li></ul><img src="/media/q.jpg" alt=""></blockquote>',
      ),
    ).toBe(
      '<blockquote><p>Said</p><p>one</p></blockquote>' +
        '<figure><img src="/media/q.jpg" alt="" loading="lazy" decoding="async"></figure>',
    );
  });

  it('reads lists, giving stray text in a list an item of its own and dropping empty items', () => {
    expect(
      imported('<ol start="2"><li>two</li>three<li> </li><li>four<ul><li>sub</li></ul></li></ol>'),
    ).toBe(
      '<ol start="2"><li><p>two</p></li><li><p>three</p></li><li><p>four</p><ul><li><p>sub</p></li></ul></li></ol>',
    );
  });

  it('flattens lists nested deeper than the body allows into their item', () => {
    const nested = '<ul><li>1<ul><li>2<ul><li>3<ul><li>4</li></ul></li></ul></li></ul></li></ul>';
    expect(imported(nested)).toBe(
      '<ul><li><p>1</p><ul><li><p>2</p><ul><li><p>3</p><p>4</p></li></ul></li></ul></li></ul>',
    );
  });

  it('treats table cells and sections as separate paragraphs, not run-together text', () => {
    expect(imported('<section><table><tr><td>Ankara</td><td>12°</td></tr></table></section>')).toBe(
      '<p>Ankara</p><p>12°</p>',
    );
  });

  it('survives pathologically deep markup', () => {
    const deep = '<div><b>'.repeat(5_000) + 'deep' + '</b></div>'.repeat(5_000);
    expect(imported(deep)).toBe('<p><strong>deep</strong></p>');
  });

  it('gives an empty body for markup with no text', () => {
    expect(bodyFromHtml('  <p>&nbsp;</p><br><div> </div><!-- comment -->')).toEqual({
      type: 'doc',
      content: [],
    });
  });
});
