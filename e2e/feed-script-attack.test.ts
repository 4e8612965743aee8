/**
 * The outside attack's script through RSS: RSS 2.0 readers take <description> as HTML, so a
 * standfirst, a body heading (through the excerpt) or a section's description written as
 * markup ran in the reader. Each feed is read by a real feed parser (rss-parser) and each
 * description it hands a reader is rendered as HTML in Chromium: no dialog, no element.
 */
import type { Browser, Page } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyDocument } from '../src/domain/body/body-document.js';
import { el, renderXml, textEl } from '../src/domain/feeds/xml.js';
import { storyIn } from '../test/content-api-world.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { launchChromium } from './reader-site.js';

const STANDFIRST = '"><svg onload=alert(1)>';
const HEADING = '<script>alert(2)</script><img src=x onerror=alert(3)>';
const SECTION_BLURB = '<img src=x onerror=alert(4)>Abroad';

const hostileHeadingBody: BodyDocument = {
  type: 'doc' as const,
  content: [
    {
      type: 'heading' as const,
      attrs: { level: 2 },
      content: [{ type: 'text' as const, text: HEADING }],
    },
    {
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: 'The talks went on.' }],
    },
  ],
};

/** What a reader shows of one description: dialogs fired, elements made, text seen. */
interface Rendered {
  dialogs: string[];
  elements: number;
  text: string;
}

/** Renders an HTML fragment as a feed reader would, and reports what it did. */
async function renderAsReader(page: Page, html: string): Promise<Rendered> {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  await page.setContent(
    `<!DOCTYPE html><html><body><article id="d">${html}</article></body></html>`,
  );
  // onload and onerror handlers run once their (broken) resources settle.
  await page.waitForTimeout(200);
  page.off('dialog', onDialog);
  const elements = await page.locator('#d *').count();
  const text = (await page.locator('#d').textContent()) ?? '';
  return { dialogs, elements, text };
}

/** The descriptions a reader would show: the channel's, then each item's. */
async function descriptionsOf(xml: string): Promise<string[]> {
  const feed = await new Parser().parseString(xml);
  return [feed.description ?? '', ...feed.items.map((item) => item.content ?? '')];
}

describe('an RSS reader shows hostile text as text', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://news.example' });
    const stores = t.app.storage.stores;
    const world = await stores.sections.create({
      slug: 'world',
      name: 'World',
      description: SECTION_BLURB,
      position: 1,
    });
    t.app.publication.invalidate();
    const now = new Date();
    await stores.articles.create(storyIn(world, 'Talks resume', { standfirst: STANDFIRST }), now);
    await stores.articles.create(
      storyIn(world, 'Talks stall', { standfirst: '', body: hostileHeadingBody }),
      now,
    );
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('catches the attack when a description is only XML-escaped, as it was', async () => {
    // The old writer: the builder's XML escaping and nothing else.
    const old = renderXml(
      el(
        'rss',
        { version: '2.0' },
        el(
          'channel',
          {},
          el('title', {}, 'Old'),
          el('item', {}, textEl('description', STANDFIRST)),
        ),
      ),
    );
    const [, item = ''] = await descriptionsOf(old);
    const shown = await renderAsReader(page, item);
    expect(shown.dialogs).toEqual(['1']);
    expect(shown.elements).toBeGreaterThan(0);
  });

  for (const path of ['/rss.xml', '/world/rss.xml']) {
    it(`runs no script and makes no element from a standfirst, heading or blurb in ${path}`, async () => {
      const response = await t.server.inject(path);
      expect(response.statusCode).toBe(200);
      const descriptions = await descriptionsOf(response.body);
      expect(descriptions.length).toBe(3);
      const texts: string[] = [];
      for (const description of descriptions) {
        const shown = await renderAsReader(page, description);
        expect(shown, description).toMatchObject({ dialogs: [], elements: 0 });
        texts.push(shown.text);
      }
      expect(texts.join('\n')).toContain(STANDFIRST);
      expect(texts.join('\n')).toContain(HEADING);
      if (path === '/world/rss.xml') expect(texts[0]).toBe(SECTION_BLURB);
    });
  }
});
