import type { FastifyInstance } from 'fastify';
import { articlePath } from '../../domain/article/article.js';
import { embedFrameOrigins } from '../../domain/body/body-embeds.js';
import { bodyExcerpt } from '../../domain/body/plain-text.js';
import { readArticlePage } from '../../services/read-article-page.js';
import { readHomePage } from '../../services/read-home-page.js';
import type { SiteContext } from '../../services/site-context.js';
import { h } from '../jsx/jsx.js';
import { articleStructuredData } from './article-structured-data.js';
import { registerListRoutes } from './list-routes.js';
import { originOf, sendPage, type SiteOptions } from './page-response.js';
import { ArticlePageView } from './views/article-page.js';
import { HomePageView } from './views/home-page.js';
import { Layout } from './views/layout.js';

/** The reader's site: the home page and article pages (lists are in list-routes). */
export function registerSiteRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  registerListRoutes(server, site, options);

  server.get('/', async (request, reply) => {
    const page = await readHomePage(site);
    const { settings, sections } = page.publication;
    const meta = {
      title: settings.tagline ? `${settings.name} — ${settings.tagline}` : settings.name,
      description: settings.tagline || `The latest news from ${settings.name}.`,
      canonical: `${originOf(request, options)}/`,
      lang: settings.locale,
    };
    return sendPage(
      reply,
      <Layout meta={meta} masthead={page.masthead} sections={sections} isHome>
        <HomePageView page={page} />
      </Layout>,
    );
  });

  server.get<{ Params: { section: string; slug: string } }>(
    '/:section/:slug',
    async (request, reply) => {
      const result = await readArticlePage(site, request.params.section, request.params.slug);
      if (result.kind === 'redirect') return reply.redirect(result.location, 301);
      const { article, publication } = result;
      const { settings, sections } = publication;
      const origin = originOf(request, options);
      const url = `${origin}${articlePath(article)}`;
      const meta = {
        title: `${article.seoTitle || article.headline} — ${settings.name}`,
        description: article.seoDescription || article.standfirst || bodyExcerpt(article.body, 160),
        canonical: url,
        lang: settings.locale,
        head: articleStructuredData(article, url, origin, settings.name),
      };
      return sendPage(
        reply,
        <Layout
          meta={meta}
          masthead={result.masthead}
          sections={sections}
          currentSection={article.section.slug}
        >
          <ArticlePageView
            article={article}
            url={url}
            timeZone={settings.timezone}
            embeds={settings.embeds}
          />
        </Layout>,
        200,
        embedFrameOrigins(article.body, settings.embeds),
      );
    },
  );
}
