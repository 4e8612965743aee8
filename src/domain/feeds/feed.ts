/**
 * A feed as the three formats (RSS 2.0, Atom 1.0, JSON Feed 1.1) share it: built once from the
 * stories, written out by rss-feed.ts, atom-feed.ts and json-feed.ts.
 */

/** The lead photo as feeds attach it: one JPEG, absolute URL. */
export interface FeedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
}

export interface FeedPerson {
  name: string;
  url?: string;
}

export interface FeedEntry {
  /** Stable for the story's life, whatever happens to its slug: a tag: URI. */
  id: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** The whole story as HTML when the publication gives full text; absent otherwise. */
  contentHtml?: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  /** The section first, then the tags. */
  categories: string[];
  image?: FeedImage;
}

export interface Feed {
  title: string;
  description: string;
  /** A language tag, e.g. en or en-GB. */
  language: string;
  /** The page the feed mirrors (home, section front, topic or author page), absolute. */
  homeUrl: string;
  /** Where this feed lives in each format, absolute. */
  urls: { rss: string; atom: string; json: string };
  /** When anything in the feed last changed. */
  updated: Date;
  /** Credited when an entry has no byline (Atom requires an author). */
  publisher: string;
  entries: FeedEntry[];
}

/** The three files every feed is offered as, by name. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/** The URLs of a feed whose page lives at `path` ('' for the home page). */
export const feedUrls = (origin: string, path: string) => ({
  rss: `${origin}${path}/${FEED_FILES.rss}`,
  atom: `${origin}${path}/${FEED_FILES.atom}`,
  json: `${origin}${path}/${FEED_FILES.json}`,
});
