import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { embedFrameOrigins } from '../../../domain/body/body-embeds.js';
import { recordIdParam } from '../../../domain/validation.js';
import { notFound } from '../../../domain/errors.js';
import { authorize } from '../../../domain/roles/permissions.js';
import { accessOf, loadArticle } from '../../../services/articles/load-article.js';
import type { NewsroomDeps } from '../../../services/articles/newsroom-deps.js';
import type { Presence } from '../../../services/articles/presence.js';
import { readArticlePreview } from '../../../services/articles/read-article-preview.js';
import { readDashboard } from '../../../services/articles/read-dashboard.js';
import type { SiteContext } from '../../../services/site-context.js';
import { h } from '../../jsx/jsx.js';
import { sendPreviewPage } from '../../site/page-response.js';
import { ArticlePageView } from '../../site/views/article-page.js';
import { Layout } from '../../site/views/layout.js';
import { defineEndpoint } from '../define-endpoint.js';
import { registerAuthorRoutes } from './author-routes.js';
import {
  authorListOutput,
  dashboardOutput,
  nothing,
  presenceOutput,
  previewPageOutput,
} from './desk-schema.js';
import { registerSectionRoutes } from './section-routes.js';

export interface DeskRouteDeps {
  newsroom: NewsroomDeps & { presence: Presence };
  site: SiteContext;
}

const idParams = z.object({ id: recordIdParam }).strict();

/** What the newsroom app needs around the articles: dashboard, lists to pick from, preview. */
export function registerDeskRoutes(server: FastifyInstance, deps: DeskRouteDeps) {
  const { newsroom, site } = deps;
  const stores = newsroom.storage.stores;
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/dashboard',
    input: nothing,
    output: dashboardOutput,
    permission: 'signed_in',
    handle: ({ actor }) => readDashboard(newsroom, actor),
  });
  registerSectionRoutes(server, {
    storage: newsroom.storage,
    clock: site.clock,
    publication: site.publication,
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/authors',
    input: nothing,
    output: authorListOutput,
    permission: 'signed_in',
    handle: () => stores.authors.list(),
  });
  registerAuthorRoutes(server, newsroom);
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/articles/:id/presence',
    input: idParams,
    output: presenceOutput,
    permission: 'signed_in',
    handle: async ({ input, actor }) => {
      // Only those who may open the article learn, or tell, who else has it open.
      authorize(actor, 'article.read', accessOf(await loadArticle(stores, input.id)));
      const user = await stores.users.findById(actor.userId);
      if (!user) throw notFound('Your account no longer exists');
      return {
        others: await newsroom.presence.heartbeat(input.id, { id: user.id, name: user.name }),
      };
    },
  });
  registerPreviewRoute(server, site);
}

/** The article page as readers will see it, from the saved draft; never indexed. */
function registerPreviewRoute(server: FastifyInstance, site: SiteContext) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/articles/:id/preview',
    input: idParams,
    output: previewPageOutput,
    mediaType: 'text/html',
    permission: 'signed_in',
    handle: async ({ input, actor, reply }) => {
      const { article, masthead, publication } = await readArticlePreview(site, actor, input.id);
      const { settings, sections } = publication;
      const meta = {
        title: `Preview: ${article.headline}`,
        description: article.standfirst,
        lang: settings.locale,
      };
      const page = (
        <Layout
          meta={meta}
          masthead={masthead}
          sections={sections}
          currentSection={article.section.slug}
        >
          <ArticlePageView
            article={article}
            url={`/preview/${article.id}`}
            timeZone={settings.timezone}
            embeds={settings.embeds}
          />
        </Layout>
      );
      return sendPreviewPage(reply, page, embedFrameOrigins(article.body, settings.embeds));
    },
  });
}
