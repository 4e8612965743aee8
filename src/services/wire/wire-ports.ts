/**
 * The wire queue's store (ADR 0056): one row per agency story at its newest version, with the
 * previous version's text kept for the diff, and the articles made from each. Re-exported by
 * ports.ts.
 */
import type { SearchClause } from '../../domain/search/search-query.js';
import type { WireItem } from '../../domain/wire/wire-item.js';

/** An item as the queue holds it. */
export interface QueuedWireItem extends WireItem {
  id: number;
  receivedAt: Date;
  /** When a newer version last replaced an older one; null for an item seen once. */
  updatedAt: Date | null;
  /** The replaced version's number, headline and body: what the desk's diff compares with. */
  previous: { version: number; headline: string; bodyHtml: string } | null;
  sourceId: number | null;
}

/** An article made from an item, and the item's version it was made from. */
export interface ArticleFromWire {
  articleId: number;
  madeFromVersion: number;
  headline: string;
}

export interface WireQueueQuery {
  agency?: string;
  /** Only items this urgent or more (urgency 1 is a flash): items without one are left out. */
  maxUrgency?: number;
  /** Clauses of a desk search over headline and body (domain/search). */
  clauses?: SearchClause[];
  limit: number;
  offset: number;
}

export interface WireStore {
  findByUri(uri: string): Promise<QueuedWireItem | undefined>;
  findById(id: number): Promise<QueuedWireItem | undefined>;
  /** Files a new item (and indexes it); returns its id. */
  add(item: WireItem, receivedAt: Date, sourceId: number | null): Promise<number>;
  /** Puts a newer version in place of the item's, keeping the one it replaces as `previous`. */
  replace(id: number, item: WireItem, receivedAt: Date): Promise<void>;
  /** The page of items the query asks for, newest sent first, and how many match in all. */
  list(query: WireQueueQuery): Promise<{ items: QueuedWireItem[]; total: number }>;
  /** Every agency with an item in the queue, by name. */
  agencies(): Promise<string[]>;
  /** Links the article to the item at this version (a link already there moves to it). */
  linkArticle(wireItemId: number, articleId: number, version: number, now: Date): Promise<void>;
  /** The articles made from the item, oldest first. */
  articlesMadeFrom(wireItemId: number): Promise<ArticleFromWire[]>;
  /**
   * Forgets up to `limit` items sent before `before` that no article was made from, oldest
   * first, with their search entries; resolves with how many went.
   */
  forgetUnusedSentBefore(before: Date, limit: number): Promise<number>;
}
