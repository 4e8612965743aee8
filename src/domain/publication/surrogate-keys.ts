/**
 * Names a page's cache entries by what they show, so one change makes exactly those pages
 * stale: pages are tagged with these keys (http/site/cache-headers.ts) and every change
 * announces the keys it touched (the page cache drops them, the CDN purges them). A page that
 * SHOWS an entity's name (`section-3`) is told apart from one that LISTS its stories
 * (`section-list-3`), and a list carries the `article-<id>` of every story on it.
 * See docs/adr/0009-cdn-caching.md and docs/adr/0033-page-cache.md.
 */
export const surrogateKeys = {
  /** The story's page, and every list that shows it. */
  article: (id: number) => `article-${id}`,
  /** Pages that show the section's name: its stories' pages and its front. */
  section: (id: number) => `section-${id}`,
  tag: (id: number) => `tag-${id}`,
  author: (id: number) => `author-${id}`,
  /** Pages that list the section's stories: its front, page by page, and its feeds. */
  sectionList: (id: number) => `section-list-${id}`,
  tagList: (id: number) => `tag-list-${id}`,
  authorList: (id: number) => `author-list-${id}`,
  /** Pages that list a day's stories (`2024-04-24`, the paper's local day): its archive, its feeds. */
  dayList: (day: string) => `day-list-${day}`,
  /** Pages that list a month's stories (`2024-04`). */
  monthList: (month: string) => `month-list-${month}`,
  /** The home page. */
  home: 'home',
  /** The paper-wide feeds, and the Content API's story list without filters. */
  feeds: 'feeds',
  /** The sitemaps and the news sitemap: too long to carry a key per story. */
  sitemaps: 'sitemaps',
  /** Answers any story may join: search results, not-found pages (CDN only) and /latest. */
  latest: 'latest',
  /** The editors' choice of the fronts: on no page, it makes instances reread the publication. */
  fronts: 'fronts',
  /** The masthead, the navigation and the settings every page shows. */
  site: 'site',
} as const;

/** What a story's change (published, updated, corrected, unpublished, killed) makes stale. */
export interface StoryPlace {
  id: number;
  sectionId: number;
  tagIds: readonly number[];
  authorIds: readonly number[];
  /** The paper's local day of its publication, `2024-04-24`; none before it is published. */
  publishedOn?: string;
}

/**
 * The story's page and every list it is on or may join now: its section's, topics', bylines',
 * day's and month's lists, home, feeds, sitemaps. A list it has just LEFT carries its
 * `article-<id>`.
 */
export const storyChangeKeys = (story: StoryPlace): string[] => [
  surrogateKeys.article(story.id),
  surrogateKeys.sectionList(story.sectionId),
  ...story.tagIds.map(surrogateKeys.tagList),
  ...story.authorIds.map(surrogateKeys.authorList),
  ...(story.publishedOn
    ? [
        surrogateKeys.dayList(story.publishedOn),
        surrogateKeys.monthList(story.publishedOn.slice(0, 7)),
      ]
    : []),
  surrogateKeys.home,
  surrogateKeys.feeds,
  surrogateKeys.sitemaps,
  surrogateKeys.latest,
];

/** The keys of the stories a list shows: a change to any of them reaches the list. */
export const storyKeys = (stories: readonly ({ id: number } | undefined)[]): string[] =>
  stories.flatMap((story) => (story ? [surrogateKeys.article(story.id)] : []));
