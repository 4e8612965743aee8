/**
 * The newsroom app converts what Tiptap writes into the server's closed body schema before
 * saving. These documents are shaped as Tiptap 2 emits them (getJSON()), attributes and all.
 */
import { describe, expect, it } from 'vitest';
import { toServerBody } from '../admin/src/editor/body-to-server.js';
import { parseBodyDocument } from '../src/domain/body/body-document.js';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({
  type: 'text',
  text: value,
  marks,
});
const paragraph = (...content: object[]) => ({ type: 'paragraph', content });

describe('the body the newsroom app sends', () => {
  it('strips what Tiptap adds to links and images and keeps only what the schema knows', () => {
    const body = toServerBody({
      type: 'doc',
      content: [
        paragraph(
          text('See '),
          text('the statement', [
            { type: 'bold' },
            {
              type: 'link',
              attrs: {
                href: 'https://example.com/s',
                target: '_blank',
                rel: 'noopener noreferrer nofollow',
                class: null,
              },
            },
          ]),
          { type: 'hardBreak' },
          text(''),
        ),
        {
          type: 'image',
          attrs: {
            src: '/media/ab/abc-800.jpg',
            alt: 'A harbour',
            title: null,
            caption: null,
            credit: 'Reuters',
            width: '800',
            height: null,
          },
        },
        {
          type: 'orderedList',
          attrs: { start: 1, type: null },
          content: [{ type: 'listItem', content: [paragraph(text('One'))] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [{ type: 'listItem', content: [paragraph(text('Three'))] }],
        },
        { type: 'paragraph' },
      ],
    });
    expect(parseBodyDocument(body)).toEqual(body);
    expect(body.content).toEqual([
      paragraph(
        text('See '),
        text('the statement', [
          { type: 'bold' },
          { type: 'link', attrs: { href: 'https://example.com/s' } },
        ]),
        { type: 'hardBreak' },
      ),
      {
        type: 'image',
        attrs: { src: '/media/ab/abc-800.jpg', alt: 'A harbour', credit: 'Reuters', width: 800 },
      },
      { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('One'))] }] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [paragraph(text('Three'))] }],
      },
      { type: 'paragraph' },
    ]);
  });

  it('keeps an embed’s provider, address and caption, and a library photo’s id', () => {
    const body = toServerBody({
      type: 'doc',
      content: [
        {
          type: 'embed',
          attrs: { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', caption: 'Launch' },
        },
        { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/1', caption: '' } },
        { type: 'embed', attrs: { provider: null, url: 'https://vimeo.com/1', caption: null } },
        { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A dhow', mediaId: 7, title: null } },
      ],
    });
    expect(parseBodyDocument(body)).toEqual(body);
    expect(body.content).toEqual([
      {
        type: 'embed',
        attrs: { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ', caption: 'Launch' },
      },
      { type: 'embed', attrs: { provider: 'vimeo', url: 'https://vimeo.com/1' } },
      { type: 'image', attrs: { src: '/media/a.jpg', alt: 'A dhow', mediaId: 7 } },
    ]);
  });

  it('keeps the words of blocks the schema does not allow where they stand', () => {
    const body = toServerBody({
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [text('Quoted heading')] },
            paragraph(text('Quoted')),
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [paragraph(text('Nested'))] }],
                },
              ],
            },
          ],
        },
        { type: 'heading', attrs: { level: 1 }, content: [text('Too big')] },
        { type: 'codeBlock', attrs: { language: null }, content: [text('pasted code')] },
      ],
    });
    expect(parseBodyDocument(body)).toEqual(body);
    expect(body.content).toEqual([
      {
        type: 'blockquote',
        content: [paragraph(text('Quoted heading')), paragraph(text('Quoted'))],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph' },
              {
                type: 'bulletList',
                content: [{ type: 'listItem', content: [paragraph(text('Nested'))] }],
              },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('Too big')] },
      paragraph(text('pasted code')),
    ]);
  });
});
