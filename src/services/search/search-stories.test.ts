import { describe, expect, it } from 'vitest';
import { publicationWindow, searchRequestOf } from './search-request.js';

describe('a search request', () => {
  it('takes any text as the query, cut to 200 characters', () => {
    const long = searchRequestOf({ q: `  ${'x'.repeat(300)} ` });
    expect(long.query).toHaveLength(200);
    expect(long.cut).toBe(true);
    expect(searchRequestOf({ q: "'; DROP TABLE articles; --" }).query).toBe(
      "'; DROP TABLE articles; --",
    );
  });

  it('ranks by relevance unless newest first is asked for', () => {
    expect(searchRequestOf({}).order).toBe('relevance');
    expect(searchRequestOf({ order: 'newest' }).order).toBe('newest');
    expect(() => searchRequestOf({ order: 'oldest' })).toThrow(/order/);
  });

  it('refuses malformed filters, naming them', () => {
    expect(() => searchRequestOf({ q: ['a', 'b'] })).toThrow(/^q:/);
    expect(() => searchRequestOf({ section: 'News!' })).toThrow(/^section:/);
    expect(() => searchRequestOf({ from: '2024-02-30' })).toThrow(/^from:/);
    expect(() => searchRequestOf({ from: '2024-05-01', to: '2024-04-01' })).toThrow(/^to:/);
  });

  it('reads the days as a window including both', () => {
    const window = publicationWindow(searchRequestOf({ from: '2024-04-01', to: '2024-04-30' }));
    expect(window.from?.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(window.until?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });
});
