import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffWords, textAfter, textBefore } from './text-diff.js';

describe('comparing two versions of a text word by word', () => {
  it('marks the words that went and came inside a sentence, keeping the rest', () => {
    expect(
      diffWords('Output stays at one million barrels.', 'Output rises to 1.2 million barrels.'),
    ).toEqual([
      { op: 'same', text: 'Output ' },
      { op: 'removed', text: 'stays at one' },
      { op: 'added', text: 'rises to 1.2' },
      { op: 'same', text: ' million barrels.' },
    ]);
  });

  it('shows a changed figure whole, separators and all', () => {
    expect(diffWords('makes 100,000 cubic metres', 'makes 120,000 cubic metres')).toEqual([
      { op: 'same', text: 'makes ' },
      { op: 'removed', text: '100,000' },
      { op: 'added', text: '120,000' },
      { op: 'same', text: ' cubic metres' },
    ]);
  });

  it('treats a changed comma as a change of its own', () => {
    expect(diffWords('Muscat, Oman', 'Muscat; Oman')).toEqual([
      { op: 'same', text: 'Muscat' },
      { op: 'removed', text: ',' },
      { op: 'added', text: ';' },
      { op: 'same', text: ' Oman' },
    ]);
  });

  it('reports identical texts as one unchanged run, and nothing for two empty ones', () => {
    expect(diffWords('a b', 'a b')).toEqual([{ op: 'same', text: 'a b' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('shows a long text rewritten throughout as replaced rather than building a huge table', () => {
    const before = Array.from({ length: 2000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 2000 }, (_, i) => `new${i}`).join(' ');
    const parts = diffWords(before, after);
    expect(textBefore(parts)).toBe(before);
    expect(textAfter(parts)).toBe(after);
  });

  it('always gives back both texts exactly (property)', () => {
    const words = fc.constantFrom(
      'the',
      'port',
      'council',
      ',',
      '.',
      ' ',
      '  ',
      '7-2',
      'ﻣﺴﻘﻂ',
      '’s',
    );
    const text = fc.array(words, { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(textBefore(parts)).toBe(before);
        expect(textAfter(parts)).toBe(after);
        // Runs alternate: two runs of the same kind side by side would be one.
        parts.slice(1).forEach((part, i) => expect(part.op).not.toBe(parts[i]!.op));
      }),
    );
  });
});

describe('comparing two versions of a text paragraph by paragraph', () => {
  it('keeps unchanged paragraphs, pairs a rewritten one with its old self, and marks new ones', () => {
    expect(
      diffParagraphs(
        ['First.', 'Second.', 'Third.'],
        ['First.', 'Second, revised.', 'Third.', 'Fourth.'],
      ),
    ).toEqual([
      { op: 'same', parts: [{ op: 'same', text: 'First.' }] },
      {
        op: 'changed',
        parts: [
          { op: 'same', text: 'Second' },
          { op: 'added', text: ', revised' },
          { op: 'same', text: '.' },
        ],
      },
      { op: 'same', parts: [{ op: 'same', text: 'Third.' }] },
      { op: 'added', parts: [{ op: 'added', text: 'Fourth.' }] },
    ]);
  });

  it('marks a paragraph taken out as removed', () => {
    expect(diffParagraphs(['One.', 'Two.'], ['Two.'])).toEqual([
      { op: 'removed', parts: [{ op: 'removed', text: 'One.' }] },
      { op: 'same', parts: [{ op: 'same', text: 'Two.' }] },
    ]);
  });

  it('applying the diff reproduces the new paragraphs, and undoing it the old (property)', () => {
    const sentence = fc
      .array(fc.constantFrom('Oil', 'output', 'rises', 'falls', 'today', ' ', ',', '.'), {
        maxLength: 8,
      })
      .map((w) => w.join(''));
    const paragraphs = fc.array(sentence, { maxLength: 8 });
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        const diff = diffParagraphs(before, after);
        const applied = diff.filter((p) => p.op !== 'removed').map((p) => textAfter(p.parts));
        const undone = diff.filter((p) => p.op !== 'added').map((p) => textBefore(p.parts));
        expect(applied).toEqual(after);
        expect(undone).toEqual(before);
      }),
    );
  });
});
