/** JSON Feed 1.1 (jsonfeed.org/version/1.1). */
import type { Feed, FeedEntry } from './feed.js';
import { rfc3339 } from './feed-dates.js';

function jsonItem(entry: FeedEntry) {
  const { image } = entry;
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    // An item must carry content_html or content_text: the summary stands in without full text.
    ...(entry.contentHtml === undefined
      ? { content_text: entry.summary }
      : { content_html: entry.contentHtml }),
    summary: entry.summary,
    ...(image && {
      image: image.url,
      attachments: [{ url: image.url, mime_type: image.type, title: image.caption || undefined }],
    }),
    date_published: rfc3339(entry.published),
    date_modified: rfc3339(entry.updated),
    authors: entry.authors,
    tags: entry.categories,
  };
}

/** The feed as a JSON Feed 1.1 document. */
export function jsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [{ name: feed.publisher }],
    items: feed.entries.map(jsonItem),
  });
}
