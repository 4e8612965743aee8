/**
 * The validators catch what they are there to catch: each is given a broken input and must
 * fail it, and a sound one and must pass it, so a suite passing means the page was checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../reader-site.js';
import { checkAccessibility } from './axe-check.js';
import { checkFeeds } from './feed-check.js';
import { checkStructuredData } from './json-ld-check.js';
import { checkHtml } from './nu-html-checker.js';
import { checkSitemaps } from './sitemap-check.js';
import { VALIDATOR_TIMEOUT_MS } from './validator-run.js';

const dataUrl = (html: string) => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page</title>${head}</head><body><main>${body}</main></body></html>`;

const RSS = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Ledger</title>` +
  `<link>https://ledger.example/</link><description>News</description>${items}</channel></rss>`;
const ITEM = '<item><title>Talks</title><link>https://ledger.example/a</link><guid>a</guid></item>';

const URLSET = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`;

describe('the validators the suites rely on', () => {
  let browser: Browser;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'dateline-validators-'));
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'the Nu Html Checker passes a sound page and fails one with a stray end tag',
    { timeout: VALIDATOR_TIMEOUT_MS },
    async () => {
      expect((await checkHtml(dataUrl(page('<p>Fine</p>')))).passed).toBe(true);
      const broken = await checkHtml(dataUrl(page('<p>Broken</div>')));
      expect(broken.passed).toBe(false);
      expect(broken.report).toMatch(/error/);
    },
  );

  it('axe passes a labelled image and fails one without alt text', async () => {
    const img = (alt: string) =>
      page(`<h1>Photo</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" ${alt}>`);
    expect((await checkAccessibility(browser, dataUrl(img('alt="A dhow"')))).passed).toBe(true);
    const missing = await checkAccessibility(browser, dataUrl(img('')));
    expect(missing.passed).toBe(false);
    expect(missing.report).toContain('image-alt');
  });

  it('the feed parsers pass a sound feed and fail one that is not well-formed', async () => {
    expect((await checkFeeds([file('good.xml', RSS(ITEM))])).passed).toBe(true);
    const broken = await checkFeeds([file('broken.xml', RSS(ITEM).replace('</channel>', ''))]);
    expect(broken.passed).toBe(false);
    expect(broken.report).toMatch(/feedparser/);
  });

  it('the sitemap schemas pass a sound sitemap and fail a wrong date', async () => {
    const url = (lastmod: string) =>
      `<url><loc>https://ledger.example/a</loc><lastmod>${lastmod}</lastmod></url>`;
    expect(
      (await checkSitemaps([file('good-sitemap.xml', URLSET(url('2024-04-24')))])).passed,
    ).toBe(true);
    const wrong = await checkSitemaps([file('bad-sitemap.xml', URLSET(url('24 April 2024')))]);
    expect(wrong.passed).toBe(false);
    expect(wrong.report).toContain('lastmod');
  });

  it(
    'the structured-data check fails broken JSON-LD and a date without a zone',
    { timeout: VALIDATOR_TIMEOUT_MS },
    async () => {
      const article = (date: string) =>
        `<script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Talks',
          image: ['https://ledger.example/a.jpg'],
          datePublished: date,
          author: {
            '@type': 'Person',
            name: 'Amal Haddad',
            url: 'https://ledger.example/author/amal',
          },
        })}</script>`;
      const zoned = await checkStructuredData(
        dataUrl(page('<p>x</p>', article('2024-04-24T08:00:00Z'))),
        'NewsArticle',
      );
      expect(zoned.report).not.toContain('not ISO 8601');
      const unzoned = await checkStructuredData(
        dataUrl(page('<p>x</p>', article('2024-04-24 08:00'))),
        'NewsArticle',
      );
      expect(unzoned.passed).toBe(false);
      expect(unzoned.report).toContain('not ISO 8601 with a zone');
      const broken = await checkStructuredData(
        dataUrl(page('<p>x</p>', '<script type="application/ld+json">{"@type":</script>')),
        'NewsArticle',
      );
      expect(broken.passed).toBe(false);
      expect(broken.report).toContain('invalid JSON');
    },
  );
});
