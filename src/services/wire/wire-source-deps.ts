import type {
  Clock,
  Locks,
  OutboundHttp,
  Reads,
  Stores,
  Transactions,
  WireDropFolders,
} from '../ports.js';

/** The stores the wire sources touch: the sources, the queue, the desk's alerts, the trail. */
export type WireSourceStores = Pick<Stores, 'wireSources' | 'wire' | 'alerts' | 'audit'>;

/** What managing and polling the wire sources needs (ADR 0058). */
export interface WireSourceDeps {
  storage: Transactions<WireSourceStores> & Reads<WireSourceStores>;
  clock: Clock;
  /** The guarded client: every feed is fetched through it. */
  outbound: OutboundHttp;
  dropFolders: WireDropFolders;
  /** So that of several instances only one polls at a time. */
  locks: Locks;
}
