import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageBytes, STYLE_ELEMENT } from './page-bytes.js';

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head><title>${head}</title>${STYLE_ELEMENT}</head><body>${body}</body></html>`;

describe('a page as the bytes sent', () => {
  it('is the UTF-8 of the page, stylesheet included, whatever the characters', () => {
    for (const html of [
      page('Ankara — Moscow', 'Tuesday’s talks… 22°C'),
      page('plain ASCII', 'nothing else'),
      page('emoji 📰 and Arabic الأربعاء', 'CJK 新聞 and a lone surrogate \uD800 here'),
      'no stylesheet at all — a bare fragment',
      '',
      STYLE_ELEMENT,
    ]) {
      expect(pageBytes(html).equals(Buffer.from(html))).toBe(true);
    }
  });

  it('matches Buffer.from for any text around the stylesheet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const html = page(a, b);
        expect(pageBytes(html).equals(Buffer.from(html))).toBe(true);
      }),
    );
  });

  it('copies the stylesheet only where the page has it once, as the layout writes it', () => {
    const twice = `${STYLE_ELEMENT}<p>between</p>${STYLE_ELEMENT}`;
    expect(pageBytes(twice).toString()).toBe(twice);
  });
});

describe('pages written one after another', () => {
  it('never overwrite each other, across slabs', () => {
    const pages = Array.from({ length: 200 }, (_, i) =>
      page(`page ${i} — ${'é'.repeat(i * 37)}`, `${'x'.repeat(i * 997)}…${i}`),
    );
    const sent = pages.map((html) => pageBytes(html));
    pages.forEach((html, i) => expect(sent[i]?.equals(Buffer.from(html))).toBe(true));
    const huge = page('big', 'ü'.repeat(1_500_000));
    expect(pageBytes(huge).equals(Buffer.from(huge))).toBe(true);
  });
});
