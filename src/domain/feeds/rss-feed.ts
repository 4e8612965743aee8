/** RSS 2.0 with the content, Dublin Core, Atom and Media RSS extensions feed readers know. */
import { escapeHtml } from '../body/escape-html.js';
import type { Feed, FeedEntry } from './feed.js';
import { rfc822 } from './feed-dates.js';
import { el, renderXml, textEl } from './xml.js';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

/**
 * RSS 2.0 readers take <description> as HTML, so plain text is HTML-escaped before the XML
 * builder escapes it again: a standfirst reading `<svg onload=…>` stays text in the reader.
 * Titles, names and categories are plain text there, as the RSS Best Practices Profile says.
 */
const htmlDescription = (text: string) => textEl('description', escapeHtml(text));

function rssItem(entry: FeedEntry) {
  const { image } = entry;
  return el(
    'item',
    {},
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('guid', { isPermaLink: 'false' }, entry.id),
    el('pubDate', {}, rfc822(entry.published)),
    htmlDescription(entry.summary),
    textEl('content:encoded', entry.contentHtml),
    // RSS's own <author> wants an email address; names go in dc:creator.
    entry.authors.map((author) => el('dc:creator', {}, author.name)),
    entry.categories.map((category) => el('category', {}, category)),
    image && [
      // The size of a variant is not known until it is made; 0 is the accepted "unknown".
      el('enclosure', { url: image.url, type: image.type, length: 0 }),
      el(
        'media:content',
        {
          url: image.url,
          type: image.type,
          medium: 'image',
          width: image.width,
          height: image.height,
        },
        textEl('media:description', image.caption, { type: 'plain' }),
        textEl('media:credit', image.credit),
      ),
    ],
  );
}

/** The feed as an RSS 2.0 document. */
export function rssFeed(feed: Feed): string {
  return renderXml(
    el(
      'rss',
      { version: '2.0', ...NAMESPACES },
      el(
        'channel',
        {},
        el('title', {}, feed.title),
        el('link', {}, feed.homeUrl),
        el('description', {}, escapeHtml(feed.description)),
        el('language', {}, feed.language),
        el('lastBuildDate', {}, rfc822(feed.updated)),
        el('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }),
        feed.entries.map(rssItem),
      ),
    ),
  );
}
