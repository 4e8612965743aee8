import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocument, trustedHtml } from '../jsx/jsx.js';
import { documentBytes, FixedHtml, PageParts, pageBytes, STYLE_ELEMENT } from './page-bytes.js';

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

describe('a page in parts', () => {
  it('is the UTF-8 of its document, fixed parts and rendered text alike', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.string({ unit: 'binary' })), { maxLength: 6 }),
        (pieces) => {
          const page = new PageParts(
            pieces.map(([fixed, text]) => (fixed ? new FixedHtml(text) : trustedHtml(text))),
          );
          const document = renderDocument(page);
          expect(document).toBe(`<!DOCTYPE html>${pieces.map(([, text]) => text).join('')}`);
          expect(documentBytes(page).equals(Buffer.from(document))).toBe(true);
        },
      ),
    );
  });

  it('is the document of any other root element too', () => {
    const root = trustedHtml('<html><head><title>Ankara — Moscow</title></head></html>');
    expect(documentBytes(root).equals(Buffer.from(renderDocument(root)))).toBe(true);
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
