/** Small newsroom records: corrections, internal notes, alerts and the event log. */
import type { Kysely } from 'kysely';
import type { Correction } from '../domain/article/article-draft.js';
import { FAN_OUT_EVENT_JOB } from '../services/events/event-ports.js';
import type {
  Alert,
  AlertStore,
  ArticleEvent,
  ArticleEventType,
  ArticleNote,
  CorrectionStore,
  EventStore,
  NoteStore,
} from '../services/ports.js';
import type { JobStore } from '../services/job-ports.js';
import {
  storyChangeKeys,
  surrogateKeys,
  type StoryPlace,
} from '../domain/publication/surrogate-keys.js';
import { paperDayOf } from '../domain/publication/paper-days.js';
import { PUBLICATION_KEY, storedTimeZone } from '../domain/publication/publication-settings.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyCorrectionStore implements CorrectionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async add(
    articleId: number,
    correction: Omit<Correction, 'id'>,
    userId: number | null,
  ): Promise<Correction> {
    const { id } = await this.db
      .insertInto('corrections')
      .values({
        article_id: articleId,
        kind: correction.kind,
        text: correction.text,
        user_id: userId,
        created_at: toDbTime(correction.createdAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, ...correction };
  }
}

export class KyselyNoteStore implements NoteStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async add(articleId: number, userId: number, text: string, now: Date): Promise<ArticleNote> {
    const { id } = await this.db
      .insertInto('article_notes')
      .values({ article_id: articleId, user_id: userId, text, created_at: toDbTime(now) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id, userId, text, createdAt: now };
  }

  async list(articleId: number): Promise<ArticleNote[]> {
    const rows = await this.db
      .selectFrom('article_notes')
      .select(['id', 'user_id', 'text', 'created_at'])
      .where('article_id', '=', articleId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      text: r.text,
      createdAt: fromDbTime(r.created_at),
    }));
  }
}

export class KyselyAlertStore implements AlertStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async raise(alert: Omit<Alert, 'id'>): Promise<void> {
    await this.db
      .insertInto('alerts')
      .values({
        kind: alert.kind,
        article_id: alert.articleId,
        message: alert.message,
        created_at: toDbTime(alert.createdAt),
      })
      .execute();
  }

  async open(): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['id', 'kind', 'article_id', 'message', 'created_at'])
      .where('resolved_at', 'is', null)
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      articleId: r.article_id,
      message: r.message,
      createdAt: fromDbTime(r.created_at),
    }));
  }

  async resolveFor(articleId: number, kind: string, now: Date): Promise<void> {
    await this.db
      .updateTable('alerts')
      .set({ resolved_at: toDbTime(now) })
      .where('article_id', '=', articleId)
      .where('kind', '=', kind)
      .where('resolved_at', 'is', null)
      .execute();
  }
}

/** Where announced keys go: collected until commit in a transaction, broadcast outside one. */
export type Announce = (keys: readonly string[]) => Promise<void>;

export class KyselyEventStore implements EventStore {
  /** `jobs` is the store on the same connection or transaction, so the fan-out job commits with its event. */
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly jobs: JobStore,
    private readonly announced: Announce,
  ) {}

  announce(keys: readonly string[]): Promise<void> {
    return this.announced(keys);
  }

  /**
   * Where the story is now: its section, topics, bylines and the paper's day it was published
   * on (in the paper's time zone, read with it), whose lists it changes.
   */
  private async placeOf(articleId: number): Promise<StoryPlace | undefined> {
    const [article, tags, authors, settings] = await Promise.all([
      this.db
        .selectFrom('articles')
        .select(['section_id', 'published_at'])
        .where('id', '=', articleId)
        .executeTakeFirst(),
      this.db
        .selectFrom('article_tags')
        .select('tag_id')
        .where('article_id', '=', articleId)
        .execute(),
      this.db
        .selectFrom('article_authors')
        .select('author_id')
        .where('article_id', '=', articleId)
        .execute(),
      this.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', PUBLICATION_KEY)
        .executeTakeFirst(),
    ]);
    if (!article) return undefined;
    const timeZone = storedTimeZone(settings && (JSON.parse(settings.value) as unknown));
    return {
      id: articleId,
      sectionId: article.section_id,
      tagIds: tags.map((row) => row.tag_id),
      authorIds: authors.map((row) => row.author_id),
      publishedOn:
        article.published_at === null
          ? undefined
          : paperDayOf(fromDbTime(article.published_at), timeZone),
    };
  }

  async record(
    event: { type: ArticleEventType; articleId: number; userId: number | null; payload?: object },
    now: Date,
  ): Promise<void> {
    const { id } = await this.db
      .insertInto('events')
      .values({
        type: event.type,
        article_id: event.articleId,
        user_id: event.userId,
        payload: JSON.stringify(event.payload ?? {}),
        created_at: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.jobs.enqueue(FAN_OUT_EVENT_JOB, { eventId: id }, now, now);
    const place = await this.placeOf(event.articleId);
    await this.announced(place ? storyChangeKeys(place) : [surrogateKeys.article(event.articleId)]);
  }

  async findById(id: number): Promise<ArticleEvent | undefined> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        type: row.type as ArticleEventType,
        articleId: row.article_id,
        userId: row.user_id,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        createdAt: fromDbTime(row.created_at),
      }
    );
  }

  async count(articleId: number, type: ArticleEventType): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('article_id', '=', articleId)
      .where('type', '=', type)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
