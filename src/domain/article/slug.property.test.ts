import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSlug, slugify } from './slug.js';

/** Headlines as newsrooms write them: any script, punctuation, accents, emoji. */
const headlines = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc
    .array(
      fc.constantFrom('Oman’s', 'Türkiye', 'talks', '—', 'GCC', '2024', 'Ça', 'العربية', '🗞️', ''),
      { maxLength: 30 },
    )
    .map((w) => w.join(' ')),
);

describe('slugs, for any headline', () => {
  it('are always usable in a URL as they are', () => {
    fc.assert(
      fc.property(headlines, (headline) => {
        expect(isSlug(slugify(headline))).toBe(true);
      }),
    );
  });

  it('keep within the length asked for', () => {
    fc.assert(
      fc.property(headlines, fc.integer({ min: 8, max: 120 }), (headline, max) => {
        expect(slugify(headline, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('do not change when made again from themselves', () => {
    fc.assert(
      fc.property(headlines, (headline) => {
        const slug = slugify(headline);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});
