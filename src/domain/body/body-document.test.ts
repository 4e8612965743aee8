import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { parseBodyDocument } from './body-document.js';

const text = (value: string, marks?: unknown[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });
const item = (...content: unknown[]) => ({ type: 'listItem', content });
const bullets = (...items: unknown[]) => ({ type: 'bulletList', content: items });
const image = (attrs: Record<string, unknown>) => ({ type: 'image', attrs: { alt: '', ...attrs } });

/** The message of the `invalid` error parsing throws, or a failure when it does not throw. */
function refusal(json: unknown): string {
  try {
    parseBodyDocument(json);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe('body');
    return error.message;
  }
  throw new Error('expected the document to be refused');
}

const linked = (href: string) => doc(paragraph(text('read more', [link(href)])));

describe('parseBodyDocument', () => {
  it('accepts every kind of block the newsroom editor writes', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Background')] },
      paragraph(
        text('Bold', [{ type: 'bold' }, { type: 'italic' }]),
        { type: 'hardBreak' },
        text('x'),
      ),
      { type: 'paragraph' },
      { type: 'blockquote', content: [paragraph(text('Quoted'))] },
      bullets(item(paragraph(text('one')), bullets(item(paragraph(text('nested')))))),
      { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('three')))] },
      { type: 'horizontalRule' },
      image({
        src: '/media/2024/05/photo.jpg',
        caption: 'A caption',
        credit: 'AP',
        width: 800,
        height: 600,
      }),
    );
    expect(parseBodyDocument(body)).toEqual(body);
  });

  it('refuses node types it does not know, naming where they are', () => {
    expect(refusal(doc(paragraph(text('a')), { type: 'codeBlock' }))).toMatch(
      /^body\.content\[1\]\.type: /,
    );
    expect(refusal(doc(paragraph({ type: 'mention', attrs: { id: 1 } })))).toMatch(
      /^body\.content\[0\]\.content\[0\]\.type: /,
    );
    expect(refusal(doc(paragraph(text('a', [{ type: 'underline' }]))))).toMatch(
      /^body\.content\[0\]\.content\[0\]\.marks\[0\]\.type: /,
    );
  });

  it('refuses keys it does not know, so nothing unvalidated is ever stored', () => {
    expect(refusal({ ...doc(), version: 2 })).toMatch(/^body: Unrecognized key.*version/);
    expect(refusal(doc({ ...paragraph(text('a')), attrs: { style: 'color:red' } }))).toMatch(
      /^body\.content\[0\]: Unrecognized key.*attrs/,
    );
    expect(
      refusal(doc(paragraph(text('a', [{ type: 'link', attrs: { href: '/a', onclick: 'x' } }])))),
    ).toMatch(/^body\.content\[0\]\.content\[0\]\.marks\[0\]\.attrs: Unrecognized key.*onclick/);
  });

  it('never lets a link run script, whatever its spelling', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
    ];
    for (const href of hostile) {
      expect(refusal(linked(href)), JSON.stringify(href)).toContain('attrs.href');
    }
  });

  it('refuses protocol-relative links, which leave the site on whatever scheme it uses', () => {
    for (const href of [
      '//evil.example',
      '/\\evil.example',
      'https:evil.example',
      'https:///evil',
    ]) {
      expect(refusal(linked(href)), href).toContain('attrs.href');
    }
  });

  it('accepts web, mail, phone, site-relative and in-page links', () => {
    const hrefs = [
      'https://example.com/a?b=c#d',
      'HTTP://example.com',
      'mailto:desk@example.com',
      'tel:+903121234567',
      '/news/2024/budget',
      '#section-2',
    ];
    for (const href of hrefs) expect(() => parseBodyDocument(linked(href)), href).not.toThrow();
  });

  it('names the exact path of a refused link in the message', () => {
    const body = doc(
      paragraph(text('a')),
      paragraph(text('safe', [link('/ok')]), text('bad', [{ type: 'bold' }, link('javascript:x')])),
    );
    expect(refusal(body)).toBe(
      'body.content[1].content[1].marks[1].attrs.href: only http, https, mailto, tel and site-relative links are allowed',
    );
  });

  it('refuses empty text nodes', () => {
    expect(refusal(doc(paragraph(text(''))))).toMatch(/^body\.content\[0\]\.content\[0\]\.text: /);
  });

  it('refuses a mark repeated on the same text', () => {
    expect(refusal(doc(paragraph(text('a', [{ type: 'bold' }, { type: 'bold' }]))))).toContain(
      'marks',
    );
  });

  it('takes images only from the web or the media library', () => {
    expect(() =>
      parseBodyDocument(doc(image({ src: 'https://cdn.example.com/a.jpg' }))),
    ).not.toThrow();
    for (const src of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'media/a.jpg',
      '/admin/a.jpg',
      '//cdn.example/a.jpg',
    ]) {
      expect(refusal(doc(image({ src }))), src).toMatch(
        /^body\.content\[0\]\.attrs\.src: images must/,
      );
    }
  });

  it('requires alt text to be present, even if empty, and dimensions to be whole pixels', () => {
    expect(refusal(doc({ type: 'image', attrs: { src: '/media/a.jpg' } }))).toContain('attrs.alt');
    expect(refusal(doc(image({ src: '/media/a.jpg', width: 10.5 })))).toContain('attrs.width');
  });

  it('allows heading levels 2 to 4 only: level 1 is the headline', () => {
    for (const level of [1, 5]) {
      expect(refusal(doc({ type: 'heading', attrs: { level }, content: [text('x')] }))).toContain(
        'body.content[0].attrs.level',
      );
    }
  });

  it('keeps quotes to paragraphs and starts every list item with a paragraph', () => {
    expect(
      refusal(doc({ type: 'blockquote', content: [bullets(item(paragraph(text('a'))))] })),
    ).toContain('body.content[0].content[0]');
    expect(refusal(doc(bullets(item(bullets(item(paragraph(text('a'))))))))).toContain(
      'body.content[0].content[0].content[0]',
    );
  });

  it('lets lists nest three deep and no deeper', () => {
    const nest = (levels: number): unknown =>
      levels === 0
        ? paragraph(text('leaf'))
        : bullets(item(paragraph(text('x')), nest(levels - 1)));
    expect(() => parseBodyDocument(doc(nest(3)))).not.toThrow();
    expect(refusal(doc(nest(4)))).toBe(
      'body.content[0].content[0].content[1].content[0].content[1].content[0].content[1]: blocks nest at most 6 levels deep',
    );
  });

  it('refuses hostile nesting without exhausting the stack', () => {
    let node: unknown = paragraph(text('x'));
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(refusal(doc(node))).toContain('nest at most 6 levels');
  });

  it('caps a body at 2,000 blocks, counting those inside lists', () => {
    const blocks = Array.from({ length: 2_001 }, () => paragraph(text('x')));
    expect(refusal(doc(...blocks))).toBe('body.content[2000]: a body holds at most 2000 blocks');
    const items = Array.from({ length: 1_000 }, () => item(paragraph(text('x'))));
    expect(refusal(doc(bullets(...items)))).toMatch(/^body\.content\[0\]\.content\[\d+\]/);
    expect(() => parseBodyDocument(doc(...blocks.slice(0, 2_000)))).not.toThrow();
  });

  it('refuses anything that is not a document', () => {
    expect(refusal(null)).toMatch(/^body: /);
    expect(refusal({ type: 'paragraph', content: [] })).toMatch(/^body\.type: /);
  });
});
