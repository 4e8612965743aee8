import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './article-cursor.js';
import { parseArticleFields } from './article-fields.js';

describe('article cursors', () => {
  it('carry the last article’s place, opaque and URL-safe', () => {
    const place = { publishedAt: new Date('2024-04-24T08:00:00.000Z'), id: 42 };
    const cursor = encodeCursor(place);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(place);
  });

  it.each([
    'not a cursor!',
    Buffer.from('["2024-04-24T08:00:00.000Z"]').toString('base64url'),
    Buffer.from('["yesterday", 4]').toString('base64url'),
    Buffer.from('["2024-04-24T08:00:00.000Z", -1]').toString('base64url'),
    Buffer.from('{').toString('base64url'),
  ])('refuses %s as one this API did not give out', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(/cursor: is not a cursor this API gave out/);
  });
});

describe('article fields', () => {
  it('keeps the API’s order and refuses an unknown field by name', () => {
    expect(parseArticleFields('url, id')).toEqual(['id', 'url']);
    expect(parseArticleFields(undefined)).toContain('bodyHtml');
    expect(() => parseArticleFields('id,bodyhtml')).toThrow(/"bodyhtml" is not a field/);
    expect(() => parseArticleFields('id,')).toThrow(/empty/);
  });
});
