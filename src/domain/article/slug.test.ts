import { describe, expect, it } from 'vitest';
import { isSlug, slugify, uniqueSlug } from './slug.js';

describe('article slugs', () => {
  it('turns a headline into readable ASCII words joined by hyphens', () => {
    expect(slugify('Turkiye, Russia, Iran, Syria hold "constructive talks"')).toBe(
      'turkiye-russia-iran-syria-hold-constructive-talks',
    );
    expect(slugify('Türkiye’s café owners: “Ça va?”')).toBe('turkiyes-cafe-owners-ca-va');
  });

  it('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40), 24);
    expect(slug).toBe('word-word-word-word-word');
    expect(slug.length).toBeLessThanOrEqual(24);
  });

  it('never gives an empty slug', () => {
    expect(slugify('!!!')).toBe('article');
    expect(slugify('عاجل')).toBe('article');
  });

  it('tells a usable slug from one that is not', () => {
    expect(isSlug('a-b-1')).toBe(true);
    for (const bad of ['A-b', 'a--b', '-a', 'a b', '../x', ''])
      expect(isSlug(bad), bad).toBe(false);
  });

  it('numbers a slug that is taken', async () => {
    const taken = new Set(['talks', 'talks-2']);
    expect(await uniqueSlug('talks', (s) => Promise.resolve(taken.has(s)))).toBe('talks-3');
    expect(await uniqueSlug('fresh', (s) => Promise.resolve(taken.has(s)))).toBe('fresh');
  });
});
