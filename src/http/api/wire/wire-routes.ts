import type { FastifyInstance } from 'fastify';
import { wireParagraphs } from '../../../domain/wire/wire-copy.js';
import type { NewsroomDeps } from '../../../services/articles/newsroom-deps.js';
import type { QueuedWireItem } from '../../../services/ports.js';
import {
  makeDraftFromWire,
  makeDraftFromWireItems,
} from '../../../services/wire/draft-from-wire.js';
import {
  listWireQueue,
  readWireItem,
  type WireItemForDesk,
} from '../../../services/wire/read-wire-queue.js';
import type { WirePhotoDeps } from '../../../services/wire/fetch-wire-photo.js';
import { catchUpWithWire } from '../../../services/wire/catch-up-with-wire.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  wireCaughtUpInput,
  wireCaughtUpOutput,
  wireDraftInput,
  wireDraftOutput,
  wireItemInput,
  wireItemOutput,
  wireMergedDraftInput,
  wireQueueInput,
  wireQueueOutput,
} from './wire-schema.js';

const PAGE_SIZE = 30;

const summary = (item: QueuedWireItem) => ({
  id: item.id,
  uri: item.uri,
  version: item.version,
  agency: item.agency,
  urgency: item.urgency,
  headline: item.headline,
  dateline: item.dateline,
  sentAt: item.sentAt,
  receivedAt: item.receivedAt.toISOString(),
  updatedAt: item.updatedAt?.toISOString() ?? null,
  format: item.format,
});

// Agency HTML never reaches the newsroom's pages: only the text the sanitizer keeps.
const whole = ({ item, changes, articles }: WireItemForDesk) => ({
  ...summary(item),
  paragraphs: wireParagraphs(item.bodyHtml),
  bylines: item.bylines,
  subjects: item.subjects,
  photos: item.photos,
  firstCreatedAt: item.firstCreatedAt,
  language: item.language,
  changes,
  articles: articles.map((a) => ({
    id: a.articleId,
    headline: a.headline,
    madeFromVersion: a.madeFromVersion,
    behind: a.behind,
  })),
});

/** The wire queue (writers and above): the list, one item, and a draft made of one or more. */
export function registerWireRoutes(
  server: FastifyInstance,
  deps: NewsroomDeps & { photos?: WirePhotoDeps },
) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/wire',
    input: wireQueueInput,
    output: wireQueueOutput,
    permission: 'wire.read',
    handle: async ({ actor, input }) => {
      const found = await listWireQueue(deps, actor, { ...input, perPage: PAGE_SIZE });
      return {
        items: found.items.map(summary),
        total: found.total,
        page: input.page,
        pageSize: PAGE_SIZE,
        agencies: found.agencies,
      };
    },
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/wire/:id',
    input: wireItemInput,
    output: wireItemOutput,
    permission: 'wire.read',
    handle: async ({ actor, input }) => whole(await readWireItem(deps, actor, input.id)),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/wire/:id/draft',
    input: wireDraftInput,
    output: wireDraftOutput,
    permission: 'wire.read',
    status: 201,
    handle: async ({ actor, input }) =>
      makeDraftFromWire(deps, actor, input.id, { sectionId: input.sectionId }),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/wire/drafts',
    input: wireMergedDraftInput,
    output: wireDraftOutput,
    permission: 'wire.read',
    status: 201,
    handle: async ({ actor, input }) =>
      makeDraftFromWireItems(deps, actor, input.itemIds, { sectionId: input.sectionId }),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/wire/:id/articles/:articleId/caught-up',
    input: wireCaughtUpInput,
    output: wireCaughtUpOutput,
    permission: 'wire.read',
    handle: async ({ actor, input }) => catchUpWithWire(deps, actor, input.id, input.articleId),
  });
}
