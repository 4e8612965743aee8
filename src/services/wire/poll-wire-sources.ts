/**
 * The wire desk's polling (ADR 0058): every due source is read once — a feed fetched through
 * the guarded client with the validators it last sent, a drop folder's new files read and
 * moved aside — its items received into the queue, and its health recorded. Errors back the
 * source off; a success resets it. Of several instances only the lock's holder polls.
 */
import { isDomainError } from '../../domain/errors.js';
import { isOutboundError } from '../../domain/network/outbound-error.js';
import { wireRecordsOfDocument } from '../../domain/wire/wire-document.js';
import {
  isFeedKind,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  type WireSource,
  type WireSourceHealth,
} from '../../domain/wire/wire-source.js';
import type { WireReadOptions } from '../../domain/wire/wire-records.js';
import { receiveWireItems, type WireBatchReport } from './receive-wire-item.js';
import type { WireSourceDeps } from './wire-source-deps.js';

/** The advisory lock's name: one poller across every instance on the database. */
export const WIRE_POLLING_LOCK = 'wire-polling';

/** A feed larger than this is refused rather than read in part. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;

/** What one source's poll came to. */
export interface SourcePoll {
  sourceId: number;
  received: number;
  error: string | null;
}

/** Why a poll failed as a whole; its message is what the desk reads in the source's health. */
class PollFailure extends Error {}

interface Gathered {
  received: number;
  /** Items refused one by one: the poll still succeeded. */
  refused: string[];
  validators?: Pick<WireSourceHealth, 'etag' | 'lastModified'>;
}

const receivedIn = (report: WireBatchReport) => report.queued.length + report.updated.length;

async function pollFeed(deps: WireSourceDeps, source: WireSource, options: WireReadOptions) {
  const headers: Record<string, string> = { 'user-agent': 'Dateline wire desk' };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;
  const answer = await deps.outbound.send({
    method: 'GET',
    url: source.location,
    headers,
    maxResponseBytes: MAX_FEED_BYTES,
    timeoutMs: FEED_TIMEOUT_MS,
    maxRedirects: 3,
  });
  if (answer.status === 304) return { received: 0, refused: [] };
  if (answer.status !== 200) throw new PollFailure(`the feed answered HTTP ${answer.status}`);
  if (answer.truncated)
    throw new PollFailure(`the feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  const report = await receiveWireItems(
    deps,
    wireRecordsOfDocument(answer.body, options),
    source.id,
  );
  if (report.failed.length > 0 && receivedIn(report) + report.skipped.length === 0)
    throw new PollFailure(report.failed[0]?.error ?? 'nothing in the feed could be read');
  return {
    received: receivedIn(report),
    refused: report.failed.map((f) => `${f.ref}: ${f.error}`),
    validators: {
      etag: answer.headers.etag || null,
      lastModified: answer.headers['last-modified'] || null,
    },
  };
}

async function pollDropFolder(deps: WireSourceDeps, source: WireSource, options: WireReadOptions) {
  const place = await deps.dropFolders.place(source.location);
  if ('refused' in place) throw new PollFailure(place.refused);
  const gathered: Gathered = { received: 0, refused: [] };
  for (const file of await deps.dropFolders.waiting(place.folder)) {
    const report = await receiveWireItems(deps, deps.dropFolders.records(file, options), source.id);
    gathered.received += receivedIn(report);
    const reasons = report.failed.map((f) => `${f.ref}: ${f.error}`);
    gathered.refused.push(...reasons);
    // A file none of whose records could be read is set aside with the reasons, for a person.
    const unread = reasons.length > 0 && receivedIn(report) + report.skipped.length === 0;
    await deps.dropFolders.settle(file, unread ? 'failed' : 'done', reasons.join('\n'));
  }
  return gathered;
}

const failureMessage = (error: unknown) => {
  if (error instanceof PollFailure || isOutboundError(error) || isDomainError(error))
    return error.message;
  return `could not be read: ${String(error)}`;
};

/** Reads one source and records its health; the outcome either way, never a throw. */
export async function pollWireSource(
  deps: WireSourceDeps,
  source: WireSource,
): Promise<SourcePoll> {
  const now = deps.clock.now();
  const options = { receivedAt: now.toISOString(), agency: source.agency };
  const { wireSources } = deps.storage.stores;
  try {
    const gathered: Gathered = isFeedKind(source.kind)
      ? await pollFeed(deps, source, options)
      : await pollDropFolder(deps, source, options);
    const refused = gathered.refused.length;
    await wireSources.recordPoll(source.id, source.nextPollAt, {
      nextPollAt: nextPollAfterSuccess(now, source.intervalMinutes),
      lastPolledAt: now,
      lastSuccessAt: now,
      lastReceived: gathered.received,
      failures: 0,
      ...(refused > 0 && {
        lastError: `${refused} item(s) refused; the first: ${gathered.refused[0]}`,
        lastErrorAt: now,
      }),
      ...gathered.validators,
    });
    return { sourceId: source.id, received: gathered.received, error: null };
  } catch (error) {
    const failures = source.failures + 1;
    const message = failureMessage(error);
    await wireSources.recordPoll(source.id, source.nextPollAt, {
      nextPollAt: nextPollAfterFailure(now, source.intervalMinutes, failures),
      lastPolledAt: now,
      lastError: message,
      lastErrorAt: now,
      failures,
    });
    return { sourceId: source.id, received: 0, error: message };
  }
}

/**
 * Polls every source due now, one after another, if no other poller holds the lock; returns
 * what each came to, or null when another instance (or run) was polling.
 */
export async function pollWireSources(deps: WireSourceDeps): Promise<SourcePoll[] | null> {
  const polled: SourcePoll[] = [];
  const ran = await deps.locks.tryWithLock(WIRE_POLLING_LOCK, async () => {
    for (const source of await deps.storage.stores.wireSources.due(deps.clock.now()))
      polled.push(await pollWireSource(deps, source));
  });
  return ran ? polled : null;
}
