/** The Content API's query parsers, for any input a client may send. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { decodeCursor, encodeCursor } from './article-cursor.js';
import { ARTICLE_FIELDS, parseArticleFields } from './article-fields.js';

/** Runs `parse`; passes when it answers or refuses with a domain error (a 400), never else. */
function answersOrRefuses(parse: () => unknown) {
  try {
    parse();
  } catch (error) {
    expect(isDomainError(error), String(error)).toBe(true);
  }
}

const places = fc.record({
  publishedAt: fc.date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2200-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  id: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
});

describe('page cursors', () => {
  it('name again the place they were made from', () => {
    fc.assert(
      fc.property(places, (place) => {
        expect(decodeCursor(encodeCursor(place))).toEqual(place);
      }),
    );
  });

  it('refuse anything else with a 400, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.base64String(), fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/)),
        (text) => {
          answersOrRefuses(() => decodeCursor(text));
        },
      ),
    );
  });
});

describe('fields=', () => {
  it('gives back any choice of known fields, in the API’s order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...ARTICLE_FIELDS], { minLength: 1 }), (chosen) => {
        const parsed = parseArticleFields(chosen.join(','));
        expect(parsed).toEqual(ARTICLE_FIELDS.filter((field) => chosen.includes(field)));
      }),
    );
  });

  it('refuses anything else with a 400 naming fields, never a crash', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        answersOrRefuses(() => parseArticleFields(text));
      }),
    );
  });
});
