import type { FastifyInstance } from 'fastify';
import { robotsTxt } from '../../domain/feeds/robots-txt.js';
import { sitemapIndexXml, urlsetXml } from '../../domain/feeds/sitemap.js';
import type { SiteContext } from '../../services/site-context.js';
import {
  LISTING_SITEMAPS,
  readListingSitemap,
  readMonthSitemap,
  readNewsSitemap,
  readSitemapIndex,
  type ListingSitemap,
} from '../../services/sitemaps/read-sitemaps.js';
import { FEED_CACHE, setPublicCache, surrogateKeys } from './cache-headers.js';
import { sendDiscoveryFile } from './feed-routes.js';
import { originOf, type SiteOptions } from './page-response.js';

const XML = 'application/xml; charset=utf-8';

/** Sitemaps list thousands of stories: one key, which every story's change announces. */
const SITEMAP_KEYS = [surrogateKeys.sitemaps];

const isListing = (file: string): file is ListingSitemap =>
  (LISTING_SITEMAPS as readonly string[]).includes(file);

/** The sitemap index, the monthly and listing sitemaps, Google News' sitemap and robots.txt. */
export function registerSitemapRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  server.get('/sitemap.xml', async (request, reply) => {
    const refs = await readSitemapIndex(site, originOf(request, options));
    return sendDiscoveryFile(request, reply, {
      body: sitemapIndexXml(refs),
      type: XML,
      keys: SITEMAP_KEYS,
    });
  });

  server.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const { file } = request.params;
    const origin = originOf(request, options);
    const urls = isListing(file)
      ? await readListingSitemap(site, file, origin)
      : await readMonthSitemap(site, file, origin);
    return sendDiscoveryFile(request, reply, {
      body: urlsetXml(urls),
      type: XML,
      keys: SITEMAP_KEYS,
    });
  });

  server.get('/news-sitemap.xml', async (request, reply) => {
    const urls = await readNewsSitemap(site, originOf(request, options));
    return sendDiscoveryFile(request, reply, {
      body: urlsetXml(urls),
      type: XML,
      keys: SITEMAP_KEYS,
    });
  });

  server.get('/robots.txt', (request, reply) => {
    const text = robotsTxt(originOf(request, options));
    return setPublicCache(reply, FEED_CACHE).type('text/plain; charset=utf-8').send(text);
  });
}
