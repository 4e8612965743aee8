import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tagPath } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { sectionPath } from '../../domain/section/section.js';
import { readAuthorPage } from '../../services/read-author-page.js';
import type { ArticleSummary } from '../../domain/article/article.js';
import { readSectionFront, type SectionFront } from '../../services/read-section-front.js';
import type { StoryList } from '../../services/read-story-list.js';
import type { MostReadList } from '../../services/readership/read-most-read.js';
import { readTagPage } from '../../services/read-tag-page.js';
import type { SiteContext } from '../../services/site-context.js';
import { Fragment, h, type SafeHtml } from '../jsx/jsx.js';
import { storyKeys } from '../../domain/publication/surrogate-keys.js';
import { surrogateKeys } from './cache-headers.js';
import { feedLinks, socialImageOf, type OpenGraph, type SocialImage } from './page-metadata.js';
import { originOf, pageNumber, sendPage, type SiteOptions } from './page-response.js';
import { breadcrumbList, collectionPageData, profilePageData } from './structured-data.js';
import { AuthorHeader } from './views/author-header.js';
import { Layout } from './views/layout.js';
import { listPagePath, StoryListView } from './views/story-list.js';
import { MostReadBox, showsMostRead } from './views/most-read.js';

export interface ListPage {
  heading: string;
  intro: string;
  path: string;
  currentSection?: string;
  list: StoryList;
  /** A section front's lead, shown large above the list. */
  lead?: ArticleSummary;
  ogType: OpenGraph['type'];
  /** The surrogate keys of what the list is of (section, tag, author): its name, its list. */
  cacheKeys: string[];
  /** The page's JSON-LD, given its absolute URL and description. */
  structuredData: (url: string, description: string) => SafeHtml;
  /** A header of the page's own, instead of the heading and intro. */
  header?: SafeHtml;
  image?: SocialImage;
  /** A section's most-read stories, shown after its stories. */
  mostRead?: MostReadList;
  /** The page's own feeds' path, when not its own (`''`: the paper's, already on every page). */
  feedPath?: string;
  /** A line under each story's headline (its section and time, on lists of every section). */
  cardLine?: (story: ArticleSummary) => SafeHtml;
  /** Keeps an empty page out of search engines. */
  noindex?: boolean;
}

function listPageDocument(request: FastifyRequest, options: SiteOptions, page: ListPage) {
  const { settings, sections } = page.list.publication;
  const number = page.list.page;
  const origin = originOf(request, options);
  const url = `${origin}${listPagePath(page.path, number)}`;
  const title = `${page.heading}${number > 1 ? ` — page ${number}` : ''}`;
  const description = page.intro || `${page.heading}: the latest from ${settings.name}.`;
  const meta = {
    title: `${title} — ${settings.name}`,
    description,
    canonical: url,
    lang: settings.locale,
    siteName: settings.name,
    og: { type: page.ogType, title, description, url, image: page.image },
    feeds:
      page.feedPath === ''
        ? []
        : feedLinks(page.feedPath ?? page.path, `${page.heading} — ${settings.name}`),
    noindex: page.noindex,
    head: page.structuredData(url, description),
  };
  return (
    <Layout
      meta={meta}
      masthead={page.list.masthead}
      sections={sections}
      currentSection={page.currentSection}
    >
      <StoryListView
        heading={page.heading}
        intro={page.intro}
        path={page.path}
        list={page.list}
        header={page.header}
        lead={page.lead}
        aside={<MostReadBox list={page.mostRead} heading={`Most read in ${page.heading}`} />}
        cardLine={page.cardLine}
      />
    </Layout>
  );
}

/** Sends a list page, kept under its keys and those of every story it shows. */
export function sendListPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SiteOptions,
  page: ListPage,
) {
  const mostRead = showsMostRead(page.mostRead) ? page.mostRead : undefined;
  return sendPage(reply, listPageDocument(request, options, page), {
    cacheKeys: [
      ...page.cacheKeys,
      ...storyKeys([page.lead, ...page.list.stories, ...(mostRead?.stories ?? [])]),
    ],
    revalidate: page.list.masthead.breaking !== undefined,
    // Whether the list shows or not, the page is no older than the list it was made with.
    freshUntil: page.mostRead?.freshUntil,
  });
}

function sectionListPage(list: SectionFront, request: FastifyRequest, options: SiteOptions) {
  const { section } = list;
  const origin = originOf(request, options);
  const publisher = list.publication.settings.name;
  return {
    heading: section.name,
    intro: section.description,
    path: sectionPath(section),
    currentSection: section.slug,
    list,
    lead: list.lead,
    mostRead: list.mostRead,
    ogType: 'website',
    cacheKeys: [surrogateKeys.section(section.id), surrogateKeys.sectionList(section.id)],
    structuredData: (url: string, description: string) => (
      <>
        {collectionPageData({ name: section.name, description, url, publisher, origin })}
        {breadcrumbList([
          { name: publisher, url: `${origin}/` },
          { name: section.name, url: `${origin}${sectionPath(section)}` },
        ])}
      </>
    ),
  } satisfies ListPage;
}

/** A section front as readers see it (also the editors' preview of an unsaved curation). */
export const sectionFrontDocument = (
  list: SectionFront,
  request: FastifyRequest,
  options: SiteOptions,
) => listPageDocument(request, options, sectionListPage(list, request, options));

/** Section fronts, author pages and topic pages: stories newest first, page by page. */
export function registerListRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  server.get<{ Params: { slug: string } }>('/author/:slug', async (request, reply) => {
    const list = await readAuthorPage(site, request.params.slug, pageNumber(request.query));
    const { author, photo } = list;
    const publisher = list.publication.settings.name;
    const image = socialImageOf(
      photo && { media: photo, alt: author.name },
      originOf(request, options),
    );
    return sendListPage(request, reply, options, {
      heading: author.name,
      intro: author.bio,
      path: authorPath(author),
      list,
      ogType: 'profile',
      cacheKeys: [surrogateKeys.author(author.id), surrogateKeys.authorList(author.id)],
      structuredData: (url) => profilePageData(author, url, publisher, image?.url),
      header: <AuthorHeader author={author} photo={photo} />,
      image,
    });
  });

  server.get<{ Params: { slug: string } }>('/topic/:slug', async (request, reply) => {
    const list = await readTagPage(site, request.params.slug, pageNumber(request.query));
    const origin = originOf(request, options);
    const publisher = list.publication.settings.name;
    return sendListPage(request, reply, options, {
      heading: list.tag.name,
      intro: '',
      path: tagPath(list.tag),
      list,
      ogType: 'website',
      cacheKeys: [surrogateKeys.tag(list.tag.id), surrogateKeys.tagList(list.tag.id)],
      structuredData: (url, description) =>
        collectionPageData({ name: list.tag.name, description, url, publisher, origin }),
    });
  });

  server.get<{ Params: { section: string } }>('/:section', async (request, reply) => {
    const list = await readSectionFront(site, request.params.section, pageNumber(request.query));
    return sendListPage(request, reply, options, sectionListPage(list, request, options));
  });
}
