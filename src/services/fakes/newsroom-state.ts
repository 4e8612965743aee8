import type { Article, Tag } from '../../domain/article/article.js';
import type { AuditRecord } from '../../domain/audit/audit-entry.js';
import type { AuthorProfile } from '../../domain/author/author.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import type { Section } from '../../domain/section/section.js';
import type {
  Alert,
  ArticleChanges,
  ArticleEvent,
  RevisionRecord,
  ScheduledUpdate,
  WorkflowChanges,
} from '../ports.js';

/** A job as the fake queue keeps it: what a test checks was queued. */
export interface QueuedJob {
  kind: string;
  payload: unknown;
  runAt: Date;
}

/**
 * Everything the fake newsroom's stores hold, in plain values, so a transaction can keep a
 * copy and put it back when its work throws: nothing half-written, as in the database.
 */
export interface NewsroomState {
  /** Each article as `articles.findById` answers it. */
  articles: Map<number, Article>;
  /** A live story's saved changes not yet in front of readers, by article. */
  waiting: Map<number, { liveRevision: number; inReviewSince: Date | null }>;
  /** Slugs articles once had, with the article that had them. */
  formerSlugs: Map<string, number>;
  revisions: Map<number, RevisionRecord[]>;
  events: ArticleEvent[];
  jobs: QueuedJob[];
  alerts: (Alert & { resolvedAt: Date | null })[];
  scheduledUpdates: (ScheduledUpdate & { appliedAt: Date | null; cancelledAt: Date | null })[];
  audit: AuditRecord[];
  sections: Section[];
  authors: AuthorProfile[];
  media: MediaItem[];
  tags: Tag[];
  settings: Map<string, unknown>;
  /** The last id given to any record; ids are unique across kinds, which no test relies on. */
  lastId: number;
}

export const emptyNewsroomState = (): NewsroomState => ({
  articles: new Map(),
  waiting: new Map(),
  formerSlugs: new Map(),
  revisions: new Map(),
  events: [],
  jobs: [],
  alerts: [],
  scheduledUpdates: [],
  audit: [],
  sections: [],
  authors: [],
  media: [],
  tags: [],
  settings: new Map(),
  lastId: 0,
});

export const nextId = (state: NewsroomState) => ++state.lastId;

/** The row a foreign key points at, or the error the database would raise. */
export function referenced<T extends { id: number }>(rows: T[], id: number, what: string): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`fake newsroom: no ${what} ${id} (a foreign key would refuse this)`);
  return row;
}

/** The article with these column changes, as the article store would read it back. */
export function withColumns(
  state: NewsroomState,
  article: Article,
  changes: ArticleChanges,
  now: Date,
): Article {
  const { sectionId, lead, socialImageId, ...plain } = changes;
  const changed: Article = { ...article, updatedAt: now };
  for (const [key, value] of Object.entries(plain)) {
    if (value !== undefined) Object.assign(changed, { [key]: value });
  }
  if (sectionId !== undefined) changed.section = referenced(state.sections, sectionId, 'section');
  if (lead !== undefined) {
    changed.leadImage = lead && {
      media: referenced(state.media, lead.mediaId, 'photo'),
      caption: lead.caption,
      credit: lead.credit,
      alt: lead.alt,
    };
  }
  if (socialImageId !== undefined) {
    changed.socialImage =
      socialImageId === null ? null : referenced(state.media, socialImageId, 'photo');
  }
  return changed;
}

/** The article with a workflow move's fields changed. */
export const withWorkflow = (article: Article, changes: WorkflowChanges): Article => ({
  ...article,
  ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
});

/** Looks up the authors or tags of a link, in the order given. */
export const linked = <T extends { id: number }>(rows: T[], ids: number[], what: string) =>
  ids.map((id) => referenced(rows, id, what));
