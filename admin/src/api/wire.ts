/** The wire queue (src/http/api/wire/wire-routes.ts), for writers and above. */
import type {
  wireCaughtUpOutput,
  wireDraftOutput,
  wireItemOutput,
  wireQueueInput,
  wireQueueOutput,
} from '../../../src/http/api/wire/wire-schema.js';
import { queryString, request } from './client.js';
import type { Answer, Query } from './json.js';

/** A page of the queue, newest sent first, and every agency in it. */
export type WireQueue = Answer<typeof wireQueueOutput>;
export type WireSummary = WireQueue['items'][number];
/** One item in full: its text, the diff from its previous version, the stories made from it. */
export type WireItem = Answer<typeof wireItemOutput>;
/** Agency, least urgency (1 flash … 9), words, page. */
export type WireFilters = Query<typeof wireQueueInput>;

export const wire = {
  list: (filters: WireFilters) =>
    request<WireQueue>('GET', `/api/admin/wire${queryString(filters)}`),
  item: (id: number) => request<WireItem>('GET', `/api/admin/wire/${id}`),
  /** Makes a draft of the item in the paper's first section; answers the new article's id. */
  draft: (id: number) =>
    request<Answer<typeof wireDraftOutput>>('POST', `/api/admin/wire/${id}/draft`, {}),
  /** Makes one draft of the items, the first as the lead; answers the new article's id. */
  merge: (itemIds: number[]) =>
    request<Answer<typeof wireDraftOutput>>('POST', '/api/admin/wire/drafts', { itemIds }),
  /** Says the story has taken the item's newest version. */
  caughtUp: (id: number, articleId: number) =>
    request<Answer<typeof wireCaughtUpOutput>>(
      'POST',
      `/api/admin/wire/${id}/articles/${articleId}/caught-up`,
      {},
    ),
};
