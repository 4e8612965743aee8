import type { FastifyInstance } from 'fastify';
import {
  readBreakingNews,
  removeBreakingNews,
  setBreakingNews,
  type BannerForDesk,
  type BreakingNewsDeps,
} from '../../../services/set-breaking-news.js';
import { defineEndpoint } from '../define-endpoint.js';
import { breakingNewsOutput, readBannerInput, setBannerInput } from './breaking-news-schema.js';

const present = (banner: BannerForDesk | null) => ({
  banner: banner && {
    text: banner.text,
    link: banner.href,
    articleId: banner.articleId,
    expiresAt: banner.expiresAt.toISOString(),
    setAt: banner.setAt.toISOString(),
    setBy: banner.setBy === null ? null : { id: banner.setBy, name: banner.setByName },
  },
});

/** The breaking-news banner (editors): read it, set it, take it down now. */
export function registerBreakingNewsRoutes(server: FastifyInstance, deps: BreakingNewsDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/breaking-news',
    input: readBannerInput,
    output: breakingNewsOutput,
    permission: 'breaking_news.manage',
    handle: async ({ actor }) => present(await readBreakingNews(deps, actor)),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/breaking-news',
    input: setBannerInput,
    output: breakingNewsOutput,
    permission: 'breaking_news.manage',
    handle: async ({ input, actor }) => present(await setBreakingNews(deps, actor, input)),
  });
  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/breaking-news',
    input: readBannerInput,
    output: breakingNewsOutput,
    permission: 'breaking_news.manage',
    handle: async ({ actor }) => present(await removeBreakingNews(deps, actor)),
  });
}
