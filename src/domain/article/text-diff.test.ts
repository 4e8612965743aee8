import { describe, expect, it } from 'vitest';
import { diffLines } from './text-diff.js';

describe('comparing two revisions', () => {
  it('shows what stayed, what went and what came, in order', () => {
    expect(
      diffLines(
        'Headline\nFirst.\nSecond.\nThird.',
        'Headline\nFirst.\nSecond, revised.\nThird.\nFourth.',
      ),
    ).toEqual([
      { op: 'same', text: 'Headline\nFirst.' },
      { op: 'removed', text: 'Second.' },
      { op: 'added', text: 'Second, revised.' },
      { op: 'same', text: 'Third.' },
      { op: 'added', text: 'Fourth.' },
    ]);
  });

  it('reports identical texts as one unchanged run', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual([{ op: 'same', text: 'a\nb' }]);
  });

  it('handles texts with nothing in common', () => {
    expect(diffLines('old', 'new')).toEqual([
      { op: 'removed', text: 'old' },
      { op: 'added', text: 'new' },
    ]);
  });
});
