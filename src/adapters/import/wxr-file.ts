import type { ForeignItem } from '../../domain/import/foreign-story.js';
import { isWxrRecord, wxrAuthor, wxrItem } from '../../domain/import/wxr-items.js';
import {
  readXmlRecords,
  textOf,
  XmlRefusedError,
  type XmlEnd,
  type XmlRecord,
} from '../../domain/import/xml-records.js';
import { decodeXmlChunks } from '../../domain/import/xml-text-decoder.js';
import {
  wxrForeignItem,
  type WxrAttachments,
  type WxrContext,
} from '../../domain/import/wxr-stories.js';
import type { ReadProgress } from '../../services/import-ports.js';
import { bytesOf } from './import-file-reader.js';

/** The file's records, streamed: only one record is held at a time. */
const recordsOf = (file: string, progress?: ReadProgress): AsyncGenerator<XmlRecord, XmlEnd> =>
  readXmlRecords(decodeXmlChunks(bytesOf(file, progress)), isWxrRecord);

/** The channel's site and authors, and every attachment's address and caption: the first pass. */
async function firstPass(file: string) {
  const authors = new Map<string, string>();
  const attachments: WxrAttachments = new Map();
  const sites: Record<string, string> = {};
  let items = 0;
  const records = recordsOf(file);
  let next;
  while (!(next = await records.next()).done) {
    const { path, element } = next.value;
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
  const context = { site, attachments, complete: next.value.complete };
  return { authors, context, stories: items - attachments.size };
}

const CUT_SHORT =
  'the file ends inside an element: it was cut short, so whatever followed its last whole item is not in it';

/** The second pass: posts and pages one by one, then a failure when the file was cut short. */
async function* secondPass(
  file: string,
  authors: Map<string, string>,
  context: WxrContext,
  progress?: ReadProgress,
): AsyncGenerator<ForeignItem> {
  const records = recordsOf(file, progress);
  for (;;) {
    const next = await records.next();
    if (next.done) {
      if (!next.value.complete) yield { kind: 'failed', label: 'the file', reason: CUT_SHORT };
      return;
    }
    const { path, element } = next.value;
    if (path.at(-1) !== 'item') continue;
    const story = wxrForeignItem(wxrItem(element, authors), context);
    if (story) yield story;
  }
}

/**
 * A WordPress export's stories, read in two streaming passes: the first collects the site,
 * authors and attachments (a post's featured photo may come after it), the second hands over
 * posts and pages one by one. Memory is bounded by the largest item and the attachments'
 * addresses. A file that cannot be read is one failed item with the reason. `progress` counts
 * the second pass's bytes: the one that files stories, and takes nearly all of the time.
 */
export async function* wxrStories(
  file: string,
  progress?: ReadProgress,
): AsyncGenerator<ForeignItem> {
  try {
    const { authors, context, stories } = await firstPass(file);
    if (stories === 0 && context.complete) {
      const reason = `the file holds no posts or pages (${context.attachments.size} attachments alone)`;
      yield { kind: 'skipped', label: 'the file', reason };
      return;
    }
    yield* secondPass(file, authors, context, progress);
  } catch (error) {
    if (!(error instanceof XmlRefusedError)) throw error;
    yield { kind: 'failed', label: 'the file', reason: error.message };
  }
}
