import { describe, expect, it } from 'vitest';
import {
  breakingNewsExpiry,
  breakingNewsFromStore,
  breakingNewsLink,
  shownBreakingNews,
} from './breaking-news.js';

const NOW = new Date('2026-12-06T18:00:00Z');

describe('the breaking-news banner', () => {
  it('takes a path on the site or an http(s) address as its link, normalised', () => {
    expect(breakingNewsLink('/oman/roads-close')).toBe('/oman/roads-close');
    expect(breakingNewsLink('/search?q=storm#results')).toBe('/search?q=storm#results');
    expect(breakingNewsLink('/oman/../sport')).toBe('/sport');
    expect(breakingNewsLink('HTTPS://Weather.Example/oman')).toBe('https://weather.example/oman');
    expect(breakingNewsLink('http://weather.example')).toBe('http://weather.example/');
  });

  it('refuses links that leave for another site unseen or run script', () => {
    for (const link of [
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      'mailto:desk@paper.example',
      'weather.example/oman',
      '/roads close',
      'https://user:pw@weather.example/',
    ]) {
      expect(() => breakingNewsLink(link), link).toThrow(/^link: /);
    }
  });

  it('shows three hours unless told, and no more than a week', () => {
    expect(breakingNewsExpiry(undefined, NOW).toISOString()).toBe('2026-12-06T21:00:00.000Z');
    expect(breakingNewsExpiry('2026-12-06T23:00:00+04:00', NOW).toISOString()).toBe(
      '2026-12-06T19:00:00.000Z',
    );
  });

  it('refuses an expiry that has passed or lies more than a week ahead', () => {
    expect(() => breakingNewsExpiry('2026-12-06T18:00:00Z', NOW)).toThrow(/in the future/);
    expect(() => breakingNewsExpiry('2026-12-13T18:00:01Z', NOW)).toThrow(/within 7 days/);
    expect(breakingNewsExpiry('2026-12-13T18:00:00Z', NOW).toISOString()).toBe(
      '2026-12-13T18:00:00.000Z',
    );
  });

  it('is shown until the instant it expires, and not from then on', () => {
    const banner = breakingNewsFromStore({
      text: 'Storm',
      href: null,
      articleId: null,
      expiresAt: '2026-12-06T19:00:00.000Z',
      setAt: '2026-12-06T17:00:00.000Z',
      setBy: 4,
    });
    expect(shownBreakingNews(banner, new Date('2026-12-06T18:59:59.999Z'))?.text).toBe('Storm');
    expect(shownBreakingNews(banner, new Date('2026-12-06T19:00:00Z'))).toBeUndefined();
    expect(shownBreakingNews(null, NOW)).toBeUndefined();
  });

  it('reads a removed or unreadable stored banner as none', () => {
    expect(breakingNewsFromStore(null)).toBeNull();
    expect(breakingNewsFromStore(undefined)).toBeNull();
    expect(breakingNewsFromStore({ text: 'half a banner' })).toBeNull();
  });
});
