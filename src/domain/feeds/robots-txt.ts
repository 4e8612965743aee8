/** robots.txt: everything may be crawled; the sitemaps are named with absolute URLs. */
export const robotsTxt = (origin: string) =>
  `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/news-sitemap.xml\n`;
