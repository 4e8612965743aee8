import type { FastifyInstance, FastifyRequest } from 'fastify';
import { articlePath, lastChangeOf, type Article } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { embedFrameOrigins } from '../../domain/body/body-embeds.js';
import { bodyExcerpt } from '../../domain/body/plain-text.js';
import { sectionPath } from '../../domain/section/section.js';
import type { PublicationSnapshot } from '../../services/publication-cache.js';
import type { FurtherReading } from '../../domain/article/related-stories.js';
import { readArticlePage } from '../../services/read-article-page.js';
import { readHomePage, type HomePage } from '../../services/read-home-page.js';
import type { SiteContext } from '../../services/site-context.js';
import { Fragment, h } from '../jsx/jsx.js';
import { articleStructuredData } from './article-structured-data.js';
import { storyKeys } from '../../domain/publication/surrogate-keys.js';
import { PAGE_CACHE, setPublicCache, surrogateKeys } from './cache-headers.js';
import { registerArchiveRoutes } from './archive-routes.js';
import { registerListRoutes } from './list-routes.js';
import { socialImageOf, feedLinks } from './page-metadata.js';
import { originOf, sendPage, type SiteOptions } from './page-response.js';
import { registerSearchRoute } from './search-routes.js';
import { breadcrumbList, LOGO_PATH, webSiteData } from './structured-data.js';
import { ArticlePageView } from './views/article-page.js';
import { HomePageView } from './views/home-page.js';
import { Layout, type PageMeta } from './views/layout.js';
import { showsMostRead } from './views/most-read.js';

/**
 * The keys of everything an article page shows: the story, its section, tags and bylines, the
 * stories its foot links to (every related one, shown or not, so one that comes back reaches
 * it), and its section's list (a new story there joins "More in …").
 */
export const articleCacheKeys = (article: Article, furtherReading: FurtherReading) => [
  surrogateKeys.article(article.id),
  surrogateKeys.section(article.section.id),
  ...article.tags.map((tag) => surrogateKeys.tag(tag.id)),
  ...article.bylines.map((author) => surrogateKeys.author(author.id)),
  ...furtherReading.relatedIds.map(surrogateKeys.article),
  ...storyKeys(furtherReading.moreInSection),
  surrogateKeys.sectionList(article.section.id),
];

/** The home page changes with its curation and with every story it shows. */
const homeStoryKeys = (page: HomePage) =>
  storyKeys([
    page.lead,
    ...page.top,
    ...page.sections.flatMap((block) => block.stories),
    ...(showsMostRead(page.mostRead) ? page.mostRead.stories : []),
  ]);

/** Title, description, link preview, feeds and structured data of an article page. */
function articleMeta(article: Article, publication: PublicationSnapshot, origin: string): PageMeta {
  const { settings } = publication;
  const url = `${origin}${articlePath(article)}`;
  const description =
    article.seoDescription || article.standfirst || bodyExcerpt(article.body, 160);
  const title = article.seoTitle || article.headline;
  // A story's own words and photo for shared links, else what its page shows.
  const social = article.socialImage;
  return {
    title: `${title} — ${settings.name}`,
    description,
    canonical: url,
    lang: settings.locale,
    siteName: settings.name,
    og: {
      type: 'article',
      title: article.socialTitle || title,
      description: article.socialDescription || description,
      url,
      image: socialImageOf(social ? { media: social, alt: social.alt } : article.leadImage, origin),
      article: {
        publishedTime: article.publishedAt ?? undefined,
        modifiedTime: lastChangeOf(article),
        section: article.section.name,
        tags: article.tags.map((tag) => tag.name),
        authors: article.bylines.map((author) => `${origin}${authorPath(author)}`),
      },
    },
    feeds: feedLinks(sectionPath(article.section), `${article.section.name} — ${settings.name}`),
    head: (
      <>
        {articleStructuredData(article, { url, origin, publisher: settings.name, description })}
        {breadcrumbList([
          { name: settings.name, url: `${origin}/` },
          { name: article.section.name, url: `${origin}${sectionPath(article.section)}` },
          { name: article.headline, url },
        ])}
      </>
    ),
  };
}

function homeMeta(publication: PublicationSnapshot, request: FastifyRequest, options: SiteOptions) {
  const { settings } = publication;
  const origin = originOf(request, options);
  const title = settings.tagline ? `${settings.name} — ${settings.tagline}` : settings.name;
  const description = settings.tagline || `The latest news from ${settings.name}.`;
  return {
    title,
    description,
    canonical: `${origin}/`,
    lang: settings.locale,
    siteName: settings.name,
    og: { type: 'website', title, description, url: `${origin}/` },
    head: webSiteData(settings.name, origin, description),
  } satisfies PageMeta;
}

/** The home page as readers see it (also the editors' preview of an unsaved curation). */
export function homePageDocument(page: HomePage, request: FastifyRequest, options: SiteOptions) {
  return (
    <Layout
      meta={homeMeta(page.publication, request, options)}
      masthead={page.masthead}
      sections={page.publication.sections}
      isHome
    >
      <HomePageView page={page} />
    </Layout>
  );
}

/** The publisher logo structured data points at: a PNG drawn from the paper's name. */
function registerLogoRoute(server: FastifyInstance, site: SiteContext) {
  server.get(LOGO_PATH, async (_request, reply) => {
    if (!site.logo) return reply.callNotFound();
    const { settings } = await site.publication.current();
    const png = await site.logo.png(settings.name);
    setPublicCache(reply, PAGE_CACHE);
    return reply.type('image/png').send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  });
}

/** The reader's site: the home page and article pages (lists are in list-routes). */
export function registerSiteRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  registerLogoRoute(server, site);
  registerSearchRoute(server, site, options);
  registerArchiveRoutes(server, site, options);
  registerListRoutes(server, site, options);

  server.get('/', async (request, reply) => {
    const page = await readHomePage(site);
    return sendPage(reply, homePageDocument(page, request, options), {
      cacheKeys: [surrogateKeys.home, ...homeStoryKeys(page)],
      revalidate: page.masthead.breaking !== undefined,
      freshUntil: page.mostRead?.freshUntil,
    });
  });

  server.get<{ Params: { section: string; slug: string } }>(
    '/:section/:slug',
    async (request, reply) => {
      const result = await readArticlePage(site, request.params.section, request.params.slug);
      if (result.kind === 'redirect') return reply.redirect(result.location, 301);
      const { article, furtherReading, publication } = result;
      const { settings, sections } = publication;
      const meta = articleMeta(article, publication, originOf(request, options));
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
            url={meta.canonical ?? ''}
            timeZone={settings.timezone}
            embeds={settings.embeds}
            countsViews
            furtherReading={furtherReading}
          />
        </Layout>,
        {
          frameOrigins: embedFrameOrigins(article.body, settings.embeds),
          cacheKeys: articleCacheKeys(article, furtherReading),
          revalidate: result.masthead.breaking !== undefined,
        },
      );
    },
  );
}
