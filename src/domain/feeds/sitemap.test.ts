import { describe, expect, it } from 'vitest';
import { monthRange, monthSitemapName, newsLanguage, parseMonthSitemapName } from './sitemap.js';

describe('monthly sitemap names', () => {
  it('name a month, and its further 50,000-story parts with a number', () => {
    expect(monthSitemapName({ month: '2024-04', part: 1 })).toBe('articles-2024-04.xml');
    expect(monthSitemapName({ month: '2024-04', part: 2 })).toBe('articles-2024-04-2.xml');
    expect(parseMonthSitemapName('articles-2024-04.xml')).toEqual({ month: '2024-04', part: 1 });
    expect(parseMonthSitemapName('articles-2024-04-12.xml')).toEqual({
      month: '2024-04',
      part: 12,
    });
  });

  it('refuse anything else, so one page has one name', () => {
    for (const name of [
      'articles-2024-13.xml',
      'articles-2024-04-1.xml',
      'articles-2024-04-0.xml',
      'articles-24-04.xml',
      'sections.xml',
      'articles-2024-04.xml.gz',
    ]) {
      expect(parseMonthSitemapName(name), name).toBeNull();
    }
  });

  it('cover the month in UTC, up to the first instant of the next', () => {
    expect(monthRange('2024-12')).toEqual({
      from: new Date('2024-12-01T00:00:00Z'),
      until: new Date('2025-01-01T00:00:00Z'),
    });
  });
});

it('gives Google News the language code it wants', () => {
  expect(newsLanguage('en-GB')).toBe('en');
  expect(newsLanguage('ar')).toBe('ar');
  expect(newsLanguage('zh-TW')).toBe('zh-tw');
});
