import { createReadStream } from 'node:fs';
import type { ForeignItem } from '../domain/import/foreign-story.js';
import { isWxrRecord, wxrAuthor, wxrItem } from '../domain/import/wxr-items.js';
import { readXmlRecords, type XmlRecord } from '../domain/import/xml-records.js';
import { decodeXmlChunks } from '../domain/import/xml-text-decoder.js';
import { wxrForeignItem, type WxrAttachments } from '../domain/import/wxr-stories.js';

/** The file's records, streamed: only one record is held at a time. */
const recordsOf = (file: string): AsyncGenerator<XmlRecord> =>
  readXmlRecords(decodeXmlChunks(createReadStream(file) as AsyncIterable<Uint8Array>), isWxrRecord);

/** The channel's authors and every attachment's address and caption: the first pass. */
async function authorsAndAttachments(file: string) {
  const authors = new Map<string, string>();
  const attachments: WxrAttachments = new Map();
  for await (const { path, element } of recordsOf(file)) {
    if (path.at(-1) === 'wp:author') {
      const author = wxrAuthor(element);
      authors.set(author.login, author.name);
    } else if (path.at(-1) === 'item') {
      const item = wxrItem(element, authors);
      if (item.kind === 'attachment')
        attachments.set(item.postId, { url: item.url, caption: item.caption, title: item.title });
    }
  }
  return { authors, attachments };
}

/**
 * A WordPress export's stories, read in two streaming passes: the first collects the authors
 * and attachments (a post's featured photo may come after it), the second hands over posts
 * and pages one by one. Memory is bounded by the largest item and the attachments' addresses.
 */
export async function* wxrStories(file: string): AsyncGenerator<ForeignItem> {
  const { authors, attachments } = await authorsAndAttachments(file);
  for await (const { path, element } of recordsOf(file)) {
    if (path.at(-1) !== 'item') continue;
    const story = wxrForeignItem(wxrItem(element, authors), attachments);
    if (story) yield story;
  }
}
