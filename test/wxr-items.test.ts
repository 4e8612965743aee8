import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWxrRecord, wxrAuthor, wxrItem, type WxrItem } from '../src/domain/import/wxr-items.js';
import { readXmlRecords } from '../src/domain/import/xml-records.js';

const folder = new URL('./fixtures/imports/wxr/', import.meta.url);

/** Every item of a WXR file, mapped, with the channel's authors read first as they come. */
async function itemsOf(text: string): Promise<WxrItem[]> {
  const authors = new Map<string, string>();
  const items: WxrItem[] = [];
  for await (const { path, element } of readXmlRecords([text], isWxrRecord)) {
    if (path.at(-1) === 'wp:author') {
      const author = wxrAuthor(element);
      authors.set(author.login, author.name);
    } else if (path.at(-1) === 'item') items.push(wxrItem(element, authors));
  }
  return items;
}

const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

describe('a WordPress export, item by item', () => {
  it('maps a post with its section, tags, byline, excerpt, time and status', async () => {
    const items = await itemsOf(read('migrate-sample.xml'));
    const basic = items.find((i) => i.kind === 'story' && i.postId === '4');
    expect(basic).toMatchObject({
      kind: 'story',
      oldUrl: '/blog/basic-post.html',
      article: {
        headline: 'Basic Post',
        slug: 'basic-post',
        status: 'published',
        publishedAt: '2013-06-07T03:00:44Z',
        standfirst: "We're not testing HTML output here. That happens in @tryghost/mg-wp-api",
        bodyFormat: 'html',
      },
    });
    const draft = items.find((i) => i.kind === 'story' && i.postId === '204');
    expect(draft).toMatchObject({
      article: {
        status: 'draft',
        section: 'Company News',
        tags: ['Programming'],
        bylines: ['Harry Potter'],
      },
    });
  });

  it('keeps attachments to find by id, and says why anything else is left out', async () => {
    const items = await itemsOf(read('migrate-feature-image-captions.xml'));
    const post = items.find((i) => i.kind === 'story' && i.postId === '20');
    expect(post).toMatchObject({ featuredImageId: '25' });
    expect(items.find((i) => i.postId === '25')).toEqual({
      kind: 'attachment',
      postId: '25',
      url: 'https://example.com/wp-content/uploads/2013/06/described-image.jpg',
      caption: 'The caption from the attachment description.',
      title: 'Described Image Title',
    });
    const menu = await itemsOf(
      '<rss><channel><item><wp:post_id>9</wp:post_id><wp:post_type>nav_menu_item</wp:post_type></item>' +
        '<item><wp:post_id>10</wp:post_id><wp:status>trash</wp:status></item></channel></rss>',
    );
    expect(menu).toEqual([
      { kind: 'skipped', postId: '9', reason: expect.stringMatching(/nav_menu_item/) as string },
      { kind: 'skipped', postId: '10', reason: 'its status is "trash"' },
    ]);
  });

  it('maps every item of every export it is given without failing, each story with a headline field', async () => {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.xml'))) {
      const items = await itemsOf(read(name));
      for (const item of items) {
        if (item.kind === 'story') expect(typeof item.article.headline, name).toBe('string');
        if (item.kind === 'attachment') expect(item.url, name).toMatch(/^https?:|^\//);
      }
    }
  });
});
