import type { FastifyInstance } from 'fastify';
import {
  diffRevisions,
  listRevisions,
  restoreRevision,
} from '../../../services/articles/article-revisions.js';
import { correctArticle } from '../../../services/articles/correct-article.js';
import { createArticle } from '../../../services/articles/create-article.js';
import {
  addArticleNote,
  listDeskArticles,
  readDeskArticle,
} from '../../../services/articles/desk-reads.js';
import type { NewsroomDeps } from '../../../services/articles/newsroom-deps.js';
import { saveArticle } from '../../../services/articles/save-article.js';
import { scheduleUpdate } from '../../../services/articles/schedule-update.js';
import { killArticle, transitionArticle } from '../../../services/articles/transition-article.js';
import type { SiteOptions } from '../../site/request-origin.js';
import { defineEndpoint } from '../define-endpoint.js';
import { withPublicUrl } from './public-url.js';
import {
  correctionInput,
  correctionOutput,
  createArticleInput,
  createdArticleOutput,
  deskArticleOutput,
  deskListInput,
  deskListOutput,
  diffInput,
  diffOutput,
  idParams,
  killOutput,
  noteInput,
  noteOutput,
  restoreInput,
  revisionsOutput,
  saveArticleInput,
  savedArticleOutput,
  scheduledUpdateInput,
  scheduledUpdateOutput,
  transitionInput,
  transitionOutput,
} from './articles-schema.js';

/**
 * The newsroom's article API under /api/admin/articles; `site` gives the origin of the links to
 * stories on the reader site.
 */
export function registerArticleRoutes(
  server: FastifyInstance,
  deps: NewsroomDeps,
  site: SiteOptions,
) {
  const base = '/api/admin/articles';
  registerDeskReadRoutes(server, deps, site, base);
  defineEndpoint(server, {
    method: 'POST',
    url: base,
    input: createArticleInput,
    output: createdArticleOutput,
    permission: 'article.create',
    status: 201,
    handle: ({ input, actor }) => createArticle(deps, actor, input),
  });
  defineEndpoint(server, {
    method: 'PATCH',
    url: `${base}/:id`,
    input: saveArticleInput,
    output: savedArticleOutput,
    permission: 'signed_in',
    handle: ({ input: { id, revision, autosave, choices, ...changes }, actor }) =>
      saveArticle(deps, actor, id, {
        basedOn: revision,
        changes,
        choices,
        kind: autosave ? 'autosave' : 'save',
      }),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/transitions`,
    input: transitionInput,
    output: transitionOutput,
    permission: 'signed_in',
    handle: ({ input: { id, ...request }, actor }) => transitionArticle(deps, actor, id, request),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/kill`,
    input: idParams,
    output: killOutput,
    permission: 'signed_in',
    handle: async ({ input, actor }) => {
      await killArticle(deps, actor, input.id);
      return { status: 'killed' as const };
    },
  });
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/corrections`,
    input: correctionInput,
    output: correctionOutput,
    permission: 'signed_in',
    status: 201,
    handle: ({ input: { id, ...correction }, actor }) =>
      correctArticle(deps, actor, id, correction),
  });
  registerRevisionRoutes(server, deps, base);
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/scheduled-updates`,
    input: scheduledUpdateInput,
    output: scheduledUpdateOutput,
    permission: 'signed_in',
    status: 201,
    handle: ({ input: { id, revision, applyAt, ...changes }, actor }) =>
      scheduleUpdate(deps, actor, id, { basedOn: revision, changes, applyAt }),
  });
}

/** The list and the article as the newsroom reads them, with where readers find each story. */
function registerDeskReadRoutes(
  server: FastifyInstance,
  deps: NewsroomDeps,
  site: SiteOptions,
  base: string,
) {
  defineEndpoint(server, {
    method: 'GET',
    url: base,
    input: deskListInput,
    output: deskListOutput,
    permission: 'signed_in',
    handle: async ({ input, actor, request }) => {
      const list = await listDeskArticles(deps, actor, input);
      return { ...list, articles: list.articles.map((a) => withPublicUrl(a, request, site)) };
    },
  });
  defineEndpoint(server, {
    method: 'GET',
    url: `${base}/:id`,
    input: idParams,
    output: deskArticleOutput,
    permission: 'signed_in',
    handle: async ({ input, actor, request }) =>
      withPublicUrl(await readDeskArticle(deps, actor, input.id), request, site),
  });
}

function registerRevisionRoutes(server: FastifyInstance, deps: NewsroomDeps, base: string) {
  defineEndpoint(server, {
    method: 'GET',
    url: `${base}/:id/revisions`,
    input: idParams,
    output: revisionsOutput,
    permission: 'signed_in',
    handle: ({ input, actor }) => listRevisions(deps, actor, input.id),
  });
  defineEndpoint(server, {
    method: 'GET',
    url: `${base}/:id/diff`,
    input: diffInput,
    output: diffOutput,
    permission: 'signed_in',
    handle: ({ input, actor }) => diffRevisions(deps, actor, input.id, input.from, input.to),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/revisions/:number/restore`,
    input: restoreInput,
    output: savedArticleOutput,
    permission: 'signed_in',
    handle: ({ input, actor }) =>
      restoreRevision(deps, actor, input.id, input.number, input.revision),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: `${base}/:id/notes`,
    input: noteInput,
    output: noteOutput,
    permission: 'signed_in',
    status: 201,
    handle: ({ input, actor }) => addArticleNote(deps, actor, input.id, input.text),
  });
}
