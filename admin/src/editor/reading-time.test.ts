import { describe, expect, it } from 'vitest';
import type { Block, BodyDocument, Paragraph } from '../../../src/domain/body/body-document.js';
import { readingTime, WORDS_PER_MINUTE } from './reading-time.js';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
const p = (value: string): Paragraph => ({
  type: 'paragraph',
  content: [{ type: 'text', text: value }],
});
const doc = (...content: Block[]): BodyDocument => ({ type: 'doc', content });

describe('readingTime', () => {
  it('counts words across paragraphs, headings, quotes and lists', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two words' }] },
      p('Three more words.'),
      { type: 'blockquote', content: [p('Quoted here')] },
      {
        type: 'orderedList',
        content: [
          { type: 'listItem', content: [p('First')] },
          { type: 'listItem', content: [p('Second item')] },
        ],
      },
    );
    expect(readingTime(body)).toEqual({ words: 10, minutes: 1 });
  });

  it('counts as the server counts: not captions, not dashes, and a line break parts words', () => {
    const body = doc(
      p('Yes — 2024 was İyi, جيد'),
      { type: 'image', attrs: { src: '/media/a.jpg', alt: 'The chamber', caption: 'Vote now' } },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p('Tax'), p('cuts')] },
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'one' },
                  { type: 'hardBreak' },
                  { type: 'text', text: 'two' },
                ],
              },
            ],
          },
        ],
      },
    );
    expect(readingTime(body).words).toBe(9);
  });

  it('rounds the minutes up at 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230);
    expect(readingTime(doc(p(words(230)))).minutes).toBe(1);
    expect(readingTime(doc(p(words(231)))).minutes).toBe(2);
    expect(readingTime(doc(p(words(412))))).toEqual({ words: 412, minutes: 2 });
  });

  it('gives an empty body one minute, never zero', () => {
    expect(readingTime(doc())).toEqual({ words: 0, minutes: 1 });
  });
});
