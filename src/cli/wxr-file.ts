import { createReadStream } from 'node:fs';
import type { ForeignItem } from '../domain/import/foreign-story.js';
import { isWxrRecord, wxrAuthor, wxrItem } from '../domain/import/wxr-items.js';
import { readXmlRecords, textOf, type XmlRecord } from '../domain/import/xml-records.js';
import { decodeXmlChunks } from '../domain/import/xml-text-decoder.js';
import { wxrForeignItem, type WxrAttachments } from '../domain/import/wxr-stories.js';

/** The file's records, streamed: only one record is held at a time. */
const recordsOf = (file: string): AsyncGenerator<XmlRecord> =>
  readXmlRecords(decodeXmlChunks(createReadStream(file) as AsyncIterable<Uint8Array>), isWxrRecord);

/** The channel's site and authors, and every attachment's address and caption: the first pass. */
async function firstPass(file: string) {
  const authors = new Map<string, string>();
  const attachments: WxrAttachments = new Map();
  const sites: Record<string, string> = {};
  let items = 0;
  for await (const { path, element } of recordsOf(file)) {
    const name = path.at(-1) ?? '';
    if (name === 'wp:base_site_url' || name === 'link') sites[name] = textOf(element).trim();
    else if (name === 'wp:author') {
      const author = wxrAuthor(element);
      authors.set(author.login, author.name);
    } else if (path.at(-1) === 'item') {
      const item = wxrItem(element, authors);
      items += 1;
      if (item.kind === 'attachment')
        attachments.set(item.postId, { url: item.url, caption: item.caption, title: item.title });
    }
  }
  const site = sites['wp:base_site_url'] || sites.link || '';
  return { authors, context: { site, attachments }, stories: items - attachments.size };
}

/**
 * A WordPress export's stories, read in two streaming passes: the first collects the authors
 * and attachments (a post's featured photo may come after it), the second hands over posts
 * and pages one by one. Memory is bounded by the largest item and the attachments' addresses.
 */
export async function* wxrStories(file: string): AsyncGenerator<ForeignItem> {
  const { authors, context, stories } = await firstPass(file);
  if (stories === 0) {
    const reason = `the file holds no posts or pages (${context.attachments.size} attachments alone)`;
    yield { kind: 'skipped', label: 'the file', reason };
    return;
  }
  for await (const { path, element } of recordsOf(file)) {
    if (path.at(-1) !== 'item') continue;
    const story = wxrForeignItem(wxrItem(element, authors), context);
    if (story) yield story;
  }
}
