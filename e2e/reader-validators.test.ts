/**
 * The reader pages checked by validators written by others: the W3C Nu Html Checker, axe-core,
 * Lighthouse on mobile, and structured-data-testing-tool (see e2e/validators/).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../test/test-app.js';
import { expectPhotosDeliveredWell } from './lighthouse-photo-audits.js';
import { launchChromium, startReaderSite, type ReaderSite } from './reader-site.js';
import { checkAccessibility } from './validators/axe-check.js';
import { checkStructuredData } from './validators/json-ld-check.js';
import { runLighthouse } from './validators/lighthouse-run.js';
import { checkHtml } from './validators/nu-html-checker.js';
import { VALIDATOR_TIMEOUT_MS, expectPass } from './validators/validator-run.js';

/** Every Lighthouse category must score at least this (as a fraction, as Lighthouse reports). */
const MIN_LIGHTHOUSE_SCORE = 0.95;

describe('reader pages pass the external validators', () => {
  let site: ReaderSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startReaderSite({ demo: true });
    browser = await launchChromium();
    console.log(`validating with ${site.demoArticles} demo article(s) and the reference article`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  describe.each([
    { page: 'the article page', path: REFERENCE_ARTICLE_PATH },
    { page: 'the home page', path: '/' },
  ])('$page', ({ page, path }) => {
    const url = () => `${site.baseUrl}${path}`;

    it('is valid HTML by the Nu Html Checker', { timeout: VALIDATOR_TIMEOUT_MS }, async () => {
      expectPass(await checkHtml(url()));
    });

    it('has no axe-core accessibility violations', { timeout: VALIDATOR_TIMEOUT_MS }, async () => {
      expectPass(await checkAccessibility(browser, url()));
    });

    it(
      `scores at least ${MIN_LIGHTHOUSE_SCORE * 100} in every Lighthouse category on mobile, with its photos well delivered`,
      { timeout: VALIDATOR_TIMEOUT_MS },
      async () => {
        const run = await runLighthouse(url(), MIN_LIGHTHOUSE_SCORE);
        console.log(`lighthouse ${page} ${path}: ${JSON.stringify(run.scores)}`);
        expectPass(run);
        for (const category of ['performance', 'accessibility', 'best-practices', 'seo'] as const)
          expect(run.scores[category], `${category}\n${run.report}`).toBeGreaterThanOrEqual(
            MIN_LIGHTHOUSE_SCORE,
          );
        expectPhotosDeliveredWell(run.lighthouseReport as never);
      },
    );
  });

  it.each(['/search?q=talks', '/2024/04/24/', '/2024/04/', '/latest'])(
    'keeps %s valid HTML without accessibility violations',
    { timeout: VALIDATOR_TIMEOUT_MS },
    async (path) => {
      const url = `${site.baseUrl}${path}`;
      expectPass(await checkHtml(url));
      expectPass(await checkAccessibility(browser, url));
    },
  );

  it.each([
    {
      page: 'the article page',
      path: REFERENCE_ARTICLE_PATH,
      schemas: 'NewsArticle,BreadcrumbList',
    },
    { page: 'the home page', path: '/', schemas: 'WebSite' },
    { page: 'a section front', path: '/world', schemas: 'CollectionPage,BreadcrumbList' },
    { page: 'a day’s archive', path: '/2024/04/24/', schemas: 'CollectionPage,BreadcrumbList' },
  ])(
    'describes $page in valid JSON-LD ($schemas)',
    { timeout: VALIDATOR_TIMEOUT_MS },
    async ({ path, schemas }) => {
      const url = `${site.baseUrl}${path}`;
      expectPass(await checkStructuredData(url, schemas));
    },
  );
});
