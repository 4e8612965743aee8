/**
 * Names a page's CDN cache entries by what they show, so one change purges exactly those pages:
 * pages are tagged with these keys (http/site/cache-headers.ts), changes purge them
 * (services/cdn/). See docs/adr/0009-cdn-caching.md.
 */
export const surrogateKeys = {
  article: (id: number) => `article-${id}`,
  section: (id: number) => `section-${id}`,
  tag: (id: number) => `tag-${id}`,
  author: (id: number) => `author-${id}`,
  /** Every page that lists the latest stories: home, fronts, feeds, sitemaps, search. */
  lists: 'lists',
  /** The masthead and settings every page shows. */
  site: 'site',
} as const;
