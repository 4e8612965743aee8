/** Atom 1.0 (RFC 4287). */
import type { Feed, FeedEntry, FeedPerson } from './feed.js';
import { rfc3339 } from './feed-dates.js';
import { el, renderXml, textEl } from './xml.js';

const person = (tag: string, who: FeedPerson) =>
  el(tag, {}, el('name', {}, who.name), textEl('uri', who.url));

function atomEntry(entry: FeedEntry) {
  const { image } = entry;
  return el(
    'entry',
    {},
    el('id', {}, entry.id),
    el('title', { type: 'text' }, entry.title),
    el('link', { rel: 'alternate', type: 'text/html', href: entry.url }),
    el('published', {}, rfc3339(entry.published)),
    el('updated', {}, rfc3339(entry.updated)),
    entry.authors.map((author) => person('author', author)),
    entry.categories.map((category) => el('category', { term: category })),
    textEl('summary', entry.summary, { type: 'text' }),
    textEl('content', entry.contentHtml, { type: 'html' }),
    image && el('link', { rel: 'enclosure', type: image.type, href: image.url }),
  );
}

/** The feed as an Atom 1.0 document. */
export function atomFeed(feed: Feed): string {
  return renderXml(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language },
      el('id', {}, feed.urls.atom),
      el('title', { type: 'text' }, feed.title),
      textEl('subtitle', feed.description, { type: 'text' }),
      el('updated', {}, rfc3339(feed.updated)),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
      // Atom needs an author for every entry; the paper stands in for stories without one.
      person('author', { name: feed.publisher }),
      feed.entries.map(atomEntry),
    ),
  );
}
