import { describe, expect, it } from 'vitest';
import type { Block, BodyDocument, Inline, Paragraph } from './body-document.js';
import { bodyExcerpt, bodyPlainText, bodyWordCount } from './plain-text.js';

const text = (value: string): Inline => ({ type: 'text', text: value });
const p = (...content: Inline[]): Paragraph => ({ type: 'paragraph', content });
const doc = (...content: Block[]): BodyDocument => ({ type: 'doc', content });

const story = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Budget passes')] },
  p(
    text('Parliament approved '),
    { type: 'text', text: 'the budget', marks: [{ type: 'bold' }] },
    text('.'),
  ),
  { type: 'image', attrs: { src: '/media/a.jpg', alt: 'The chamber', caption: 'Vote' } },
  { type: 'blockquote', content: [p(text('A good day.'))] },
  {
    type: 'bulletList',
    content: [{ type: 'listItem', content: [p(text('Tax'), { type: 'hardBreak' }, text('cuts'))] }],
  },
  { type: 'horizontalRule' },
  { type: 'paragraph' },
);

describe('bodyPlainText', () => {
  it('gives each paragraph-like block its own paragraph, leaving out images and rules', () => {
    expect(bodyPlainText(story)).toBe(
      'Budget passes\n\nParliament approved the budget.\n\nA good day.\n\nTax\ncuts',
    );
  });
});

describe('bodyWordCount', () => {
  it('counts the words a reader reads, not dashes', () => {
    expect(bodyWordCount(story)).toBe(11);
    expect(bodyWordCount(doc(p(text('Yes — 2024 was İyi, جيد'))))).toBe(5);
  });

  it('counts nothing in an empty body', () => {
    expect(bodyWordCount(doc())).toBe(0);
  });
});

describe('bodyExcerpt', () => {
  it('returns short bodies whole, on one line', () => {
    expect(bodyExcerpt(doc(p(text('One.')), p(text('Two.'))))).toBe('One. Two.');
  });

  it('cuts between words and ends with an ellipsis, within the limit', () => {
    const body = doc(p(text('The minister resigned on Tuesday, after weeks of pressure.')));
    const excerpt = bodyExcerpt(body, 32);
    expect(excerpt).toBe('The minister resigned on…');
    expect(excerpt.length).toBeLessThanOrEqual(32);
  });

  it('does not end on a comma before the ellipsis', () => {
    expect(bodyExcerpt(doc(p(text('Resigned on Tuesday, after weeks'))), 22)).toBe(
      'Resigned on Tuesday…',
    );
  });

  it('cuts a single overlong word rather than returning nothing', () => {
    expect(bodyExcerpt(doc(p(text('x'.repeat(50)))), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('reads only as far as it needs to in a long body', () => {
    const long = doc(...Array.from({ length: 2_000 }, () => p(text('word '.repeat(40).trim()))));
    expect(bodyExcerpt(long).length).toBeLessThanOrEqual(200);
  });
});
