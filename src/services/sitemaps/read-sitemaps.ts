import { articlePath, tagPath } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { notFound } from '../../domain/errors.js';
import { latest } from '../../domain/feeds/feed-dates.js';
import { absoluteMediaUrl, largeJpeg } from '../../domain/feeds/large-jpeg.js';
import {
  MAX_NEWS_URLS,
  MAX_SITEMAP_URLS,
  monthRange,
  monthSitemapName,
  newsLanguage,
  parseMonthSitemapName,
  type SitemapRef,
  type SitemapUrl,
} from '../../domain/feeds/sitemap.js';
import { sectionPath } from '../../domain/section/section.js';
import type { SitemapStory } from '../discovery-ports.js';
import type { Stores } from '../ports.js';
import type { SiteReads } from '../site-context.js';

/** Google News lists stories published in the last two days. */
const NEWS_WINDOW_MS = 48 * 3600_000;

/** The sitemaps of listing pages, by file name. */
export const LISTING_SITEMAPS = ['sections.xml', 'tags.xml', 'authors.xml'] as const;
export type ListingSitemap = (typeof LISTING_SITEMAPS)[number];

/**
 * Every sitemap and when it last changed: one per month of stories (more when a month holds
 * over 50,000), then the section fronts, topics and authors (those two only once they exist).
 */
export async function readSitemapIndex(
  context: SiteReads<Pick<Stores, 'discovery'>>,
  origin: string,
): Promise<SitemapRef[]> {
  const now = context.clock.now();
  const { discovery } = context.stores;
  const [months, tagged, bylined] = await Promise.all([
    discovery.listPublishedMonths(now),
    discovery.latestLinked(now, 'tags'),
    discovery.latestLinked(now, 'authors'),
  ]);
  const at = (file: string) => `${origin}/sitemaps/${file}`;
  const refs: SitemapRef[] = months.flatMap((m) =>
    Array.from({ length: Math.ceil(m.count / MAX_SITEMAP_URLS) }, (_, i) => ({
      loc: at(monthSitemapName({ month: m.month, part: i + 1 })),
      lastModified: m.lastModified,
    })),
  );
  const newest = latest(months.map((m) => m.lastModified));
  refs.push({ loc: at('sections.xml'), lastModified: newest ?? now });
  if (tagged) refs.push({ loc: at('tags.xml'), lastModified: tagged });
  if (bylined) refs.push({ loc: at('authors.xml'), lastModified: bylined });
  return refs;
}

function storyUrl(story: SitemapStory, origin: string): SitemapUrl {
  const spec = story.leadPhoto && largeJpeg(story.leadPhoto);
  return {
    loc: `${origin}${articlePath({ slug: story.slug, section: { slug: story.sectionSlug } })}`,
    lastModified: latest([story.publishedAt, story.updatedAt]),
    ...(spec && { image: { loc: absoluteMediaUrl(origin, spec) } }),
  };
}

/** One month's stories (`articles-2024-04.xml`, `articles-2024-04-2.xml`), oldest first. */
export async function readMonthSitemap(
  context: SiteReads<Pick<Stores, 'discovery'>>,
  file: string,
  origin: string,
): Promise<SitemapUrl[]> {
  const name = parseMonthSitemapName(file);
  if (!name) throw notFound('No such sitemap');
  const stories = await context.stores.discovery.listStoriesBetween({
    ...monthRange(name.month),
    asOf: context.clock.now(),
    limit: MAX_SITEMAP_URLS,
    offset: (name.part - 1) * MAX_SITEMAP_URLS,
  });
  if (stories.length === 0) throw notFound('No such sitemap');
  return stories.map((story) => storyUrl(story, origin));
}

/** The home page and section fronts, or the topic or author pages, with stories on them. */
export async function readListingSitemap(
  context: SiteReads<Pick<Stores, 'discovery'>>,
  file: ListingSitemap,
  origin: string,
): Promise<SitemapUrl[]> {
  const now = context.clock.now();
  const { discovery } = context.stores;
  if (file === 'sections.xml') {
    const sections = await discovery.sectionActivity(now);
    const home = latest(sections.map((s) => s.lastPublished));
    return [
      { loc: `${origin}/`, ...(home && { lastModified: home }) },
      ...sections.map((s) => ({
        loc: `${origin}${sectionPath(s)}`,
        lastModified: s.lastPublished,
      })),
    ];
  }
  // Past 50,000 topics (or authors) the most recently active ones are listed.
  const [activity, pathOf] =
    file === 'tags.xml'
      ? [await discovery.tagActivity(now, MAX_SITEMAP_URLS), tagPath]
      : [await discovery.authorActivity(now, MAX_SITEMAP_URLS), authorPath];
  if (activity.length === 0) throw notFound('No such sitemap');
  return activity.map((a) => ({ loc: `${origin}${pathOf(a)}`, lastModified: a.lastPublished }));
}

/** Google News: the stories of the last 48 hours, newest first, at most 1,000. */
export async function readNewsSitemap(
  context: SiteReads<Pick<Stores, 'discovery'>>,
  origin: string,
): Promise<SitemapUrl[]> {
  const now = context.clock.now();
  const { settings } = await context.publication.current();
  const stories = await context.stores.discovery.listStoriesBetween({
    from: new Date(now.getTime() - NEWS_WINDOW_MS),
    until: new Date(now.getTime() + 1),
    asOf: now,
    limit: MAX_NEWS_URLS,
    offset: 0,
    newestFirst: true,
  });
  const language = newsLanguage(settings.locale);
  return stories.map((story) => ({
    ...storyUrl(story, origin),
    news: {
      publication: settings.name,
      language,
      published: story.publishedAt,
      title: story.headline,
    },
  }));
}
