import type { FastifyInstance } from 'fastify';
import { searchStories } from '../../services/search/search-stories.js';
import type { SiteContext } from '../../services/site-context.js';
import { h } from '../jsx/jsx.js';
import { surrogateKeys } from './cache-headers.js';
import { pageNumber, sendPage, type SiteOptions } from './page-response.js';
import { Layout } from './views/layout.js';
import { SearchPageView } from './views/search-page.js';

/**
 * /search?q=: the reader's search over published stories. Results are kept out of search
 * engines (noindex) and cached at the CDN only (their addresses are unbounded), purged whenever a story changes.
 */
export function registerSearchRoute(
  server: FastifyInstance,
  site: SiteContext,
  _options: SiteOptions,
) {
  server.get('/search', async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const results = await searchStories(site, raw, pageNumber(raw));
    const { settings, sections } = results.publication;
    const { query } = results.request;
    const heading = query ? `Search: ${query}` : 'Search';
    const meta = {
      title: `${heading}${results.page > 1 ? ` — page ${results.page}` : ''} — ${settings.name}`,
      description: `Search the stories of ${settings.name}.`,
      lang: settings.locale,
      siteName: settings.name,
      noindex: true,
    };
    return sendPage(
      reply,
      <Layout meta={meta} masthead={results.masthead} sections={sections} searchQuery={query}>
        <SearchPageView results={results} />
      </Layout>,
      {
        cacheKeys: [surrogateKeys.latest],
        inMemory: false,
        revalidate: results.masthead.breaking !== undefined,
      },
    );
  });
}
