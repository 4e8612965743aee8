import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tagPath } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { sectionPath } from '../../domain/section/section.js';
import { readAuthorPage } from '../../services/read-author-page.js';
import { readSectionFront } from '../../services/read-section-front.js';
import type { StoryList } from '../../services/read-story-list.js';
import { readTagPage } from '../../services/read-tag-page.js';
import type { SiteContext } from '../../services/site-context.js';
import { h } from '../jsx/jsx.js';
import { originOf, pageNumber, sendPage, type SiteOptions } from './page-response.js';
import { Layout } from './views/layout.js';
import { listPagePath, StoryListView } from './views/story-list.js';

interface ListPage {
  heading: string;
  intro: string;
  path: string;
  currentSection?: string;
  list: StoryList;
}

function sendListPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SiteOptions,
  page: ListPage,
) {
  const { settings, sections } = page.list.publication;
  const number = page.list.page;
  const meta = {
    title: `${page.heading}${number > 1 ? ` — page ${number}` : ''} — ${settings.name}`,
    description: page.intro || `${page.heading}: the latest from ${settings.name}.`,
    canonical: `${originOf(request, options)}${listPagePath(page.path, number)}`,
    lang: settings.locale,
  };
  return sendPage(
    reply,
    <Layout
      meta={meta}
      masthead={page.list.masthead}
      sections={sections}
      currentSection={page.currentSection}
    >
      <StoryListView heading={page.heading} intro={page.intro} path={page.path} list={page.list} />
    </Layout>,
  );
}

/** Section fronts, author pages and topic pages: stories newest first, page by page. */
export function registerListRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  server.get<{ Params: { slug: string } }>('/author/:slug', async (request, reply) => {
    const list = await readAuthorPage(site, request.params.slug, pageNumber(request.query));
    const { author } = list;
    return sendListPage(request, reply, options, {
      heading: author.name,
      intro: author.bio,
      path: authorPath(author),
      list,
    });
  });

  server.get<{ Params: { slug: string } }>('/topic/:slug', async (request, reply) => {
    const list = await readTagPage(site, request.params.slug, pageNumber(request.query));
    return sendListPage(request, reply, options, {
      heading: list.tag.name,
      intro: '',
      path: tagPath(list.tag),
      list,
    });
  });

  server.get<{ Params: { section: string } }>('/:section', async (request, reply) => {
    const list = await readSectionFront(site, request.params.section, pageNumber(request.query));
    const { section } = list;
    return sendListPage(request, reply, options, {
      heading: section.name,
      intro: section.description,
      path: sectionPath(section),
      currentSection: section.slug,
      list,
    });
  });
}
