import type {
  AlertStore,
  AuditTrail,
  CorrectionStore,
  EventStore,
  RevisionStore,
  ScheduledUpdate,
  ScheduledUpdateStore,
} from '../ports.js';
import { FAN_OUT_EVENT_JOB } from '../events/event-ports.js';
import { notFaked } from './not-faked.js';
import { nextId, type NewsroomState } from './newsroom-state.js';

/**
 * Revisions in memory; like the table's key, one number may be used once per article. Reads
 * answer copies, as rows read from a database are.
 */
export function fakeRevisionStore(state: () => NewsroomState): RevisionStore {
  const of = (articleId: number) => state().revisions.get(articleId) ?? [];
  return {
    add: (articleId, revision) => {
      if (of(articleId).some((r) => r.number === revision.number)) {
        const taken = `fake newsroom: revision ${revision.number} of article ${articleId} exists`;
        return Promise.reject(new Error(taken));
      }
      // Kept as a copy, as the database keeps JSON: later changes to the draft do not leak in.
      state().revisions.set(articleId, [...of(articleId), structuredClone(revision)]);
      return Promise.resolve();
    },
    list: (articleId) => Promise.resolve(structuredClone([...of(articleId)].reverse())),
    get: (articleId, number) =>
      Promise.resolve(structuredClone(of(articleId).find((r) => r.number === number))),
    latestNumber: (articleId) =>
      Promise.resolve(Math.max(0, ...of(articleId).map((r) => r.number))),
  };
}

/** Corrections, kept on the article as `findById` shows them. */
export function fakeCorrectionStore(state: () => NewsroomState): CorrectionStore {
  return {
    add: (articleId, correction) => {
      const article = state().articles.get(articleId);
      if (!article) return Promise.reject(new Error(`fake newsroom: no article ${articleId}`));
      const added = { id: nextId(state()), ...correction };
      state().articles.set(articleId, {
        ...article,
        corrections: [...article.corrections, added],
      });
      return Promise.resolve(added);
    },
  };
}

/** The event outbox: each event queues its fan-out job, as the real store does. */
export function fakeEventStore(state: () => NewsroomState): EventStore {
  return {
    record: (event, now) => {
      const id = nextId(state());
      const { type, articleId, userId } = event;
      const payload = { ...event.payload };
      state().events.push({ id, type, articleId, userId, payload, createdAt: now });
      state().jobs.push({ kind: FAN_OUT_EVENT_JOB, payload: { eventId: id }, runAt: now });
      return Promise.resolve();
    },
    // What readers' pages show is the real store's concern: use cases' tests check the events.
    announce: () => Promise.resolve(),
    count: (articleId, type) =>
      Promise.resolve(
        state().events.filter((e) => e.articleId === articleId && e.type === type).length,
      ),
    findById: (id) => Promise.resolve(state().events.find((e) => e.id === id)),
  };
}

export function fakeAlertStore(state: () => NewsroomState): AlertStore {
  return {
    raise: (alert) => {
      state().alerts.push({ id: nextId(state()), ...alert, resolvedAt: null });
      return Promise.resolve();
    },
    open: () =>
      Promise.resolve(
        state()
          .alerts.filter((a) => a.resolvedAt === null)
          .map(({ resolvedAt: _resolved, ...alert }) => alert)
          .reverse(),
      ),
    resolveFor: (articleId, kind, now) => {
      for (const alert of state().alerts) {
        if (alert.articleId === articleId && alert.kind === kind && alert.resolvedAt === null)
          alert.resolvedAt = now;
      }
      return Promise.resolve();
    },
  };
}

export function fakeScheduledUpdateStore(state: () => NewsroomState): ScheduledUpdateStore {
  const pending = () =>
    state()
      .scheduledUpdates.filter((u) => u.appliedAt === null && u.cancelledAt === null)
      .sort((a, b) => a.applyAt.getTime() - b.applyAt.getTime());
  const plain = ({ id, articleId, revision, userId, applyAt }: ScheduledUpdate) => ({
    id,
    articleId,
    revision,
    userId,
    applyAt,
  });
  /** Closes a pending update; false when it was already applied or cancelled. */
  const close = (id: number, column: 'appliedAt' | 'cancelledAt', now: Date) => {
    const update = pending().find((u) => u.id === id);
    if (update) update[column] = now;
    return Promise.resolve(update !== undefined);
  };
  return {
    add: (update) => {
      const added = { id: nextId(state()), ...update };
      state().scheduledUpdates.push({ ...added, appliedAt: null, cancelledAt: null });
      return Promise.resolve(added);
    },
    pendingFor: (articleId) =>
      Promise.resolve(
        pending()
          .filter((u) => u.articleId === articleId)
          .map(plain),
      ),
    due: (now) =>
      Promise.resolve(
        pending()
          .filter((u) => u.applyAt <= now)
          .map(plain),
      ),
    markApplied: (id, now) => close(id, 'appliedAt', now),
    cancel: (id, now) => close(id, 'cancelledAt', now),
  };
}

/** The audit trail, without the names of the people it mentions (the user store is not faked). */
export function fakeAuditTrail(state: () => NewsroomState): AuditTrail {
  return {
    record: (entry, now) => {
      const added = {
        id: nextId(state()),
        at: now,
        event: entry.event,
        actor: { ...entry.actor, email: null, name: null },
        target: entry.target ? { type: entry.target.type, id: String(entry.target.id) } : null,
        details: entry.details ?? {},
        ip: entry.origin?.ip ?? null,
        userAgent: entry.origin?.userAgent ?? null,
      };
      state().audit.push(added);
      return Promise.resolve(added);
    },
    list: notFaked('audit.list'),
    purgeBefore: notFaked('audit.purgeBefore'),
  };
}
