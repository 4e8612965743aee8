/** The wire queue as the desk reads it: a filtered page of items, and one item in full. */
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Caller } from '../../domain/roles/role.js';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { wireChanges, type WireChanges } from '../../domain/wire/wire-copy.js';
import type { ReadDeps } from '../articles/newsroom-deps.js';
import type { ArticleFromWire, QueuedWireItem, Stores } from '../ports.js';

export type WireReadStores = Pick<Stores, 'wire'>;

export interface WireQueueRequest {
  agency?: string;
  /** Only items at this urgency or more urgent (1 is a flash). */
  urgency?: number;
  /** Words to find in the headline or body; quoted text is a phrase. */
  q?: string;
  page: number;
  perPage: number;
}

/** A page of the queue, newest sent first, with the agencies the filter offers. */
export async function listWireQueue(
  deps: ReadDeps<WireReadStores>,
  actor: Caller,
  request: WireQueueRequest,
) {
  authorize(actor, 'wire.read');
  const { wire } = deps.storage.stores;
  const clauses = request.q ? parseSearchQuery(request.q) : [];
  const [found, agencies] = await Promise.all([
    wire.list({
      agency: request.agency,
      maxUrgency: request.urgency,
      clauses,
      limit: request.perPage,
      offset: (request.page - 1) * request.perPage,
    }),
    wire.agencies(),
  ]);
  return { ...found, agencies };
}

/** An item in full, with its diff when a newer version replaced an older one. */
export interface WireItemForDesk {
  item: QueuedWireItem;
  changes: WireChanges | null;
  /** The articles made from it; `behind` when the item has a newer version than it was made from. */
  articles: (ArticleFromWire & { behind: boolean })[];
}

/** One item of the queue, with what changed since its previous version and what was made from it. */
export async function readWireItem(
  deps: ReadDeps<WireReadStores>,
  actor: Caller,
  id: number,
): Promise<WireItemForDesk> {
  authorize(actor, 'wire.read');
  const { wire } = deps.storage.stores;
  const item = await wire.findById(id);
  if (!item) throw notFound(`Wire item ${id} not found`);
  const made = await wire.articlesMadeFrom(id);
  return {
    item,
    changes: item.previous && wireChanges(item.previous, item),
    articles: made.map((a) => ({ ...a, behind: a.madeFromVersion < item.version })),
  };
}
