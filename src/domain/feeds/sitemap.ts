/**
 * Sitemaps (sitemaps.org 0.9) with Google's image and news extensions, and the names of the
 * monthly article sitemaps the index lists.
 */
import { rfc3339 } from './feed-dates.js';
import { el, renderXml } from './xml.js';

/** A search engine reads at most this many URLs from one sitemap. */
export const MAX_SITEMAP_URLS = 50_000;
/** Google News reads at most this many stories from a news sitemap. */
export const MAX_NEWS_URLS = 1_000;

export interface SitemapRef {
  loc: string;
  lastModified: Date;
}

export interface SitemapUrl {
  loc: string;
  lastModified?: Date;
  image?: { loc: string };
  news?: { publication: string; language: string; published: Date; title: string };
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemap index document. */
export function sitemapIndexXml(sitemaps: readonly SitemapRef[]): string {
  return renderXml(
    el(
      'sitemapindex',
      { xmlns: SITEMAP_NS },
      sitemaps.map((s) =>
        el('sitemap', {}, el('loc', {}, s.loc), el('lastmod', {}, rfc3339(s.lastModified))),
      ),
    ),
  );
}

function urlEntry(url: SitemapUrl) {
  const { image, news } = url;
  return el(
    'url',
    {},
    el('loc', {}, url.loc),
    url.lastModified && el('lastmod', {}, rfc3339(url.lastModified)),
    news &&
      el(
        'news:news',
        {},
        el(
          'news:publication',
          {},
          el('news:name', {}, news.publication),
          el('news:language', {}, news.language),
        ),
        el('news:publication_date', {}, rfc3339(news.published)),
        el('news:title', {}, news.title),
      ),
    image && el('image:image', {}, el('image:loc', {}, image.loc)),
  );
}

/** A sitemap of URLs; the image and news namespaces are declared only when used. */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const images = urls.some((u) => u.image);
  const news = urls.some((u) => u.news);
  return renderXml(
    el(
      'urlset',
      {
        xmlns: SITEMAP_NS,
        'xmlns:image': images ? 'http://www.google.com/schemas/sitemap-image/1.1' : undefined,
        'xmlns:news': news ? 'http://www.google.com/schemas/sitemap-news/0.9' : undefined,
      },
      urls.map(urlEntry),
    ),
  );
}

/** Google News wants the ISO 639 language code: "en" of "en-GB", but "zh-cn" and "zh-tw" whole. */
export function newsLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  return lower === 'zh-cn' || lower === 'zh-tw' ? lower : (lower.split('-')[0] ?? lower);
}

/** One month of articles (UTC), and which 50,000-URL part of it: articles-2024-04(-2).xml. */
export interface MonthPart {
  /** YYYY-MM */
  month: string;
  /** From 1. */
  part: number;
}

/** The file name of a month's sitemap; the first part carries no number. */
export const monthSitemapName = ({ month, part }: MonthPart) =>
  `articles-${month}${part > 1 ? `-${part}` : ''}.xml`;

/** The month and part a sitemap file name names, or null for any other name. */
export function parseMonthSitemapName(name: string): MonthPart | null {
  const match = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(name);
  if (!match) return null;
  return { month: `${match[1]}-${match[2]}`, part: match[3] ? Number(match[3]) : 1 };
}

/** The first instant of the month and of the next, in UTC, as the database writes times. */
export function monthRange(month: string): { from: Date; until: Date } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, m - 1, 1)), until: new Date(Date.UTC(year, m, 1)) };
}
