import { articlePath, type Article } from '../article/article.js';
import { authorPath } from '../author/author.js';
import { bodyExcerpt } from '../body/plain-text.js';
import { renderBodyHtml } from '../body/render-body-html.js';
import type { FeedEntry, FeedImage } from './feed.js';
import { absoluteMediaUrl, largeJpeg } from './large-jpeg.js';

/** A story as feeds read it: an article without its corrections and inline photos. */
export type FeedStory = Omit<Article, 'corrections' | 'inlinePhotos' | 'socialImage'>;

export interface EntryOptions {
  origin: string;
  /** Whole stories, or only their summaries. */
  fullText: boolean;
  /** Credited when the story has no byline and no sign-off. */
  publisher: string;
}

/**
 * A tag: URI (RFC 4151) naming the story by its id, so readers never see it twice when its
 * slug, and so its URL, changes.
 */
export function storyId(origin: string, story: Pick<FeedStory, 'id' | 'createdAt'>): string {
  const host = new URL(origin).hostname;
  return `tag:${host},${story.createdAt.toISOString().slice(0, 10)}:article/${story.id}`;
}

/** The summary: the standfirst, the SEO description, or the opening of the body. */
export const storySummary = (story: FeedStory) =>
  story.standfirst || story.seoDescription || bodyExcerpt(story.body, 300);

// Body links and images may be site-relative ("/media/…"); a feed reader has no page to
// resolve them against. The renderer escapes every value, so `="/` only opens an attribute.
const RELATIVE_URL = /( (?:href|src)=")\/(?!\/)/g;

/** The whole story as HTML: the body (embeds as links, never frames), then the sign-off. */
export function storyHtml(story: FeedStory, origin: string): string {
  // No embed allowance: every embed prints as a link, which every feed reader can show.
  const body = renderBodyHtml(story.body, { dateline: story.dateline });
  return body.replace(RELATIVE_URL, `$1${origin}/`);
}

function feedImage(story: FeedStory, origin: string): FeedImage | undefined {
  const lead = story.leadImage;
  const spec = lead && largeJpeg(lead.media);
  if (!lead || !spec) return undefined;
  return {
    url: absoluteMediaUrl(origin, spec),
    type: 'image/jpeg',
    width: spec.width,
    height: spec.height,
    caption: lead.caption,
    credit: lead.credit,
  };
}

function authorsOf(story: FeedStory, options: EntryOptions) {
  if (story.bylines.length > 0) {
    return story.bylines.map((a) => ({ name: a.name, url: `${options.origin}${authorPath(a)}` }));
  }
  return [{ name: story.signOff || options.publisher }];
}

/** One entry of a feed. */
export function feedEntry(story: FeedStory, options: EntryOptions): FeedEntry {
  const { origin } = options;
  const image = feedImage(story, origin);
  const published = story.publishedAt ?? story.createdAt;
  return {
    id: storyId(origin, story),
    url: `${origin}${articlePath(story)}`,
    title: story.headline,
    summary: storySummary(story),
    ...(options.fullText && { contentHtml: storyHtml(story, origin) }),
    published,
    // An imported story may carry its source's older change time: never before publication.
    updated: story.updatedAt > published ? story.updatedAt : published,
    authors: authorsOf(story, options),
    categories: [story.section.name, ...story.tags.map((tag) => tag.name)],
    ...(image && { image }),
  };
}
