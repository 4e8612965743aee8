import { describe, expect, it } from 'vitest';
import { bodyFromHtml } from './body-from-html.js';
import type { BodyDocument, Inline, Mark, Paragraph } from './body-document.js';
import { parseBodyDocument } from './body-document.js';
import { renderBodyHtml } from './render-body-html.js';

const text = (value: string, ...marks: Mark[]): Inline =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: Inline[]): Paragraph => ({ type: 'paragraph', content });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });

const rich: BodyDocument = {
  type: 'doc',
  content: [
    p(
      text('The defence ministry said on '),
      text('Monday', bold),
      text(' that talks with '),
      text('Athens', italic, bold),
      text(' would resume, citing '),
      text('its ', link('https://example.org/a?x=1&y="2"')),
      text('statement', link('https://example.org/a?x=1&y="2"'), bold),
      text('.'),
    ),
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [text('What '), text('was', italic), text(' agreed')],
    },
    p(text('Line one'), { type: 'hardBreak' }, text('line two & <three>, "quoted" it\'s')),
    { type: 'heading', attrs: { level: 3 }, content: [text('Key points')] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(text('Ceasefire'))] },
        {
          type: 'listItem',
          content: [
            p(text('Prisoner exchange')),
            {
              type: 'orderedList',
              content: [
                { type: 'listItem', content: [p(text('First phase'))] },
                {
                  type: 'listItem',
                  content: [
                    { type: 'paragraph' },
                    {
                      type: 'bulletList',
                      content: [{ type: 'listItem', content: [p(text('deep'))] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [p(text('Third'))] }],
    },
    {
      type: 'blockquote',
      content: [p(text('We are ready.')), p(text('— ', italic), text('The minister', italic))],
    },
    { type: 'horizontalRule' },
    {
      type: 'image',
      attrs: {
        src: '/media/2024/05/talks.jpg',
        alt: 'Delegations at the table',
        caption: 'The talks in Ankara.',
        credit: 'Reuters',
        width: 1200,
        height: 800,
      },
    },
    { type: 'image', attrs: { src: 'https://cdn.example.org/map.png', alt: '', credit: 'AA' } },
    { type: 'image', attrs: { src: '/media/plain.jpg', alt: 'Plain' } },
    { type: 'heading', attrs: { level: 4 }, content: [text('Contact')] },
    p(
      text('Write to '),
      text('the desk', link('mailto:desk@example.com')),
      text(', call '),
      text('us', link('tel:+903121234567')),
      text(' or see '),
      text('below', link('#notes')),
      text(' and '),
      text('archive', link('/archive/2024')),
      text('.'),
    ),
    p(text('Türkçe, العربية, emoji 🗞️ and non-breaking text.')),
  ],
};

describe('round trip', () => {
  it('reads its own rendered HTML back into the same rendering', () => {
    expect(parseBodyDocument(rich)).toEqual(rich);
    const html = renderBodyHtml(rich);
    expect(renderBodyHtml(bodyFromHtml(html))).toBe(html);
  });

  it('reads its own rendered HTML back into an equivalent document', () => {
    const again = bodyFromHtml(renderBodyHtml(rich));
    expect(bodyFromHtml(renderBodyHtml(again))).toEqual(again);
  });
});
