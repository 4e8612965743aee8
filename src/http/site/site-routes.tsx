import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath } from '../../domain/article/article.js';
import { bodyExcerpt } from '../../domain/body/plain-text.js';
import { invalid } from '../../domain/errors.js';
import { readArticlePage } from '../../services/read-article-page.js';
import { readHomePage } from '../../services/read-home-page.js';
import { readSectionFront } from '../../services/read-section-front.js';
import type { SiteContext } from '../../services/site-context.js';
import { h, renderDocument, type SafeHtml } from '../jsx/jsx.js';
import { CONTENT_SECURITY_POLICY } from './site-scripts.js';
import { ArticlePageView } from './views/article-page.js';
import { HomePageView } from './views/home-page.js';
import { Layout } from './views/layout.js';
import { SectionFrontView, sectionPagePath } from './views/section-front.js';

export interface SiteOptions {
  /** Absolute origin for canonical links; taken from the request when not configured. */
  publicUrl: string | undefined;
}

/** Headers every reader page carries. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export const originOf = (request: FastifyRequest, options: SiteOptions) =>
  options.publicUrl ?? `${request.protocol}://${request.host}`;

export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200) {
  return reply
    .code(status)
    .headers(PAGE_HEADERS)
    .header('cache-control', status === 200 ? 'public, max-age=60' : 'no-store')
    .send(renderDocument(page));
}

function pageNumber(query: unknown): number {
  const raw = (query as { page?: string }).page;
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw invalid('page: must be a whole number from 1', 'page');
  return Number(raw);
}

/** The reader's site: home page, section fronts and article pages. */
export function registerSiteRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
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

  server.get<{ Params: { section: string } }>('/:section', async (request, reply) => {
    const number = pageNumber(request.query);
    const front = await readSectionFront(site, request.params.section, number);
    const { settings, sections } = front.publication;
    const meta = {
      title: `${front.section.name}${number > 1 ? ` — page ${number}` : ''} — ${settings.name}`,
      description: front.section.description || `${front.section.name} news from ${settings.name}.`,
      canonical: `${originOf(request, options)}${sectionPagePath(front.section.slug, number)}`,
      lang: settings.locale,
    };
    return sendPage(
      reply,
      <Layout
        meta={meta}
        masthead={front.masthead}
        sections={sections}
        currentSection={front.section.slug}
      >
        <SectionFrontView front={front} />
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
      const url = `${originOf(request, options)}${articlePath(article)}`;
      const meta = {
        title: `${article.seoTitle || article.headline} — ${settings.name}`,
        description: article.seoDescription || article.standfirst || bodyExcerpt(article.body, 160),
        canonical: url,
        lang: settings.locale,
      };
      return sendPage(
        reply,
        <Layout
          meta={meta}
          masthead={result.masthead}
          sections={sections}
          currentSection={article.section.slug}
        >
          <ArticlePageView article={article} url={url} timeZone={settings.timezone} />
        </Layout>,
      );
    },
  );
}
