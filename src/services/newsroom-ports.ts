/**
 * The ports of the newsroom's article desk: lists, guarded saves, revisions, corrections,
 * notes, alerts, the event log, scheduled updates and singleton locks. Re-exported by ports.ts.
 */
import type { ArticleStatus } from '../domain/article/article.js';
import type { ArticleDraft, Correction } from '../domain/article/article-draft.js';
import type { ArticleChanges } from './article-ports.js';

/** An article as the newsroom's lists show it. */
export interface DeskEntry {
  id: number;
  /** The live address's last part (a pending change of slug is not in it yet). */
  slug: string;
  headline: string;
  status: ArticleStatus;
  sectionId: number;
  createdBy: number | null;
  revision: number;
  updatedAt: Date;
  publishedAt: Date | null;
  publishAt: Date | null;
  killed: boolean;
  /** Changes saved to a live story that readers do not see yet, and whether editors were asked. */
  waiting: { inReview: boolean } | null;
}

export interface DeskQuery {
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  createdBy?: number;
  /** Words of the headline. */
  search?: string;
  limit: number;
  offset: number;
}

/** Workflow fields that change with a move between states. */
export interface WorkflowChanges {
  publishedAt?: Date | null;
  publishAt?: Date | null;
  unpublishAt?: Date | null;
  killedAt?: Date | null;
}

/** Saved changes to a live story that readers do not see yet. */
export interface WaitingChanges {
  /** The revision readers see. */
  liveRevision: number;
  /** The newest saved revision, which waits. */
  revision: number;
  /** When a writer asked for them to go live; null when nobody has yet. */
  inReviewSince: Date | null;
}

export interface ArticleDeskStore {
  /** Newest changes first. */
  list(query: DeskQuery): Promise<DeskEntry[]>;
  /**
   * Applies content changes only if the article is still at revision `basedOn`, making it
   * revision `revision`. False when someone saved in between (nothing is changed then).
   * What readers see is then the newest revision: no changes wait any more.
   */
  saveIfAt(
    id: number,
    basedOn: number,
    revision: number,
    changes: ArticleChanges,
    now: Date,
  ): Promise<boolean>;
  /**
   * Records revision `revision` as the live story's waiting version, if the article is still at
   * `basedOn`; the columns readers see stay as they are. False when someone saved in between.
   */
  saveWaitingIfAt(id: number, basedOn: number, revision: number): Promise<boolean>;
  /** The changes waiting to go live on a live story, or null when readers see the newest text. */
  waitingChanges(id: number): Promise<WaitingChanges | null>;
  /** Marks the waiting changes as asked to go live, for an editor to decide. */
  askToPublishChanges(id: number, now: Date): Promise<void>;
  setBylines(id: number, authorIds: number[]): Promise<void>;
  setTags(id: number, tagIds: number[]): Promise<void>;
  setCreatedBy(id: number, userId: number): Promise<void>;
  /** Moves the article only if it is still in `from`; false when it was not. */
  move(
    id: number,
    from: ArticleStatus,
    to: ArticleStatus,
    changes: WorkflowChanges,
    now: Date,
  ): Promise<boolean>;
  setWorkflow(id: number, changes: WorkflowChanges): Promise<void>;
  /** Scheduled articles whose time has come (a batch of them: the next run takes the rest). */
  dueToPublish(now: Date): Promise<number[]>;
  /** Published articles whose expiry has come (a batch, as above). */
  dueToExpire(now: Date): Promise<number[]>;
}

export interface RevisionRecord {
  number: number;
  kind: 'save' | 'autosave' | 'conflict' | 'restore' | 'scheduled';
  basedOn: number | null;
  userId: number | null;
  createdAt: Date;
  snapshot: ArticleDraft;
}

export interface RevisionStore {
  add(articleId: number, revision: RevisionRecord): Promise<void>;
  /** Newest first, without snapshots' bodies trimmed: revisions are small. */
  list(articleId: number): Promise<RevisionRecord[]>;
  get(articleId: number, number: number): Promise<RevisionRecord | undefined>;
  /** The highest revision number recorded, conflicts included. */
  latestNumber(articleId: number): Promise<number>;
}

export interface CorrectionStore {
  /** `userId` is null for a correction that came with an imported story. */
  add(
    articleId: number,
    correction: Omit<Correction, 'id'>,
    userId: number | null,
  ): Promise<Correction>;
}

export interface ArticleNote {
  id: number;
  userId: number;
  text: string;
  createdAt: Date;
}

export interface NoteStore {
  add(articleId: number, userId: number, text: string, now: Date): Promise<ArticleNote>;
  list(articleId: number): Promise<ArticleNote[]>;
}

export interface Alert {
  id: number;
  kind: string;
  articleId: number | null;
  message: string;
  createdAt: Date;
}

export interface AlertStore {
  raise(alert: Omit<Alert, 'id'>): Promise<void>;
  /** Unresolved alerts, newest first. */
  open(): Promise<Alert[]>;
  resolveFor(articleId: number, kind: string, now: Date): Promise<void>;
}

export type ArticleEventType =
  | 'article.published'
  | 'article.updated'
  | 'article.corrected'
  | 'article.unpublished'
  | 'article.killed';

/** Something that happened to an article, as the outbox keeps it. */
export interface ArticleEvent {
  id: number;
  type: ArticleEventType;
  articleId: number | null;
  userId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface EventStore {
  /**
   * Records the event and queues its fan-out job in the same transaction, so every listener
   * (webhooks, CDN purges) hears of every change exactly as committed.
   */
  record(
    event: { type: ArticleEventType; articleId: number; userId: number | null; payload?: object },
    now: Date,
  ): Promise<void>;
  /**
   * Tells every instance that pages tagged with these surrogate keys changed: once the
   * transaction commits (at once outside one), so no instance re-caches the old page.
   * `record` announces the story's own keys (domain/publication/surrogate-keys.ts) itself.
   */
  announce(keys: readonly string[]): Promise<void>;
  count(articleId: number, type: ArticleEventType): Promise<number>;
  findById(id: number): Promise<ArticleEvent | undefined>;
}

/** An update of a live story, saved as a revision, that takes effect at `applyAt`. */
export interface ScheduledUpdate {
  id: number;
  articleId: number;
  revision: number;
  userId: number;
  applyAt: Date;
}

export interface ScheduledUpdateStore {
  add(update: Omit<ScheduledUpdate, 'id'>): Promise<ScheduledUpdate>;
  /** Pending updates of one article, soonest first. */
  pendingFor(articleId: number): Promise<ScheduledUpdate[]>;
  /** Pending updates whose time has come, soonest first. */
  due(now: Date): Promise<ScheduledUpdate[]>;
  /** Marks it applied if still pending; false when another process got there first. */
  markApplied(id: number, now: Date): Promise<boolean>;
  cancel(id: number, now: Date): Promise<boolean>;
}

/** A lock held by one process of several: the scheduler runs in one of them at a time. */
export interface Locks {
  /** Runs `work` if the named lock is free; resolves false without running it when held. */
  tryWithLock(name: string, work: () => Promise<void>): Promise<boolean>;
}

/** Who has which article open, by heartbeat. */
export interface PresenceStore {
  touch(articleId: number, user: { id: number; name: string }, now: Date): Promise<void>;
  /** Everyone but `userId` seen on the article since then. */
  others(
    articleId: number,
    userId: number,
    since: Date,
  ): Promise<{ userId: number; name: string }[]>;
  forget(before: Date): Promise<void>;
}
