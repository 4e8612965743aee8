/**
 * Agency copy arriving in the wire queue (ADR 0056): a repeat of a version already held is
 * dropped, an older one ignored, a newer one replaces the item, marks it updated and tells the
 * desk about every article made from it; a feed's entries are versioned by their copy (ADR
 * 0061). Each item is received all-or-nothing.
 */
import { isDomainError } from '../../domain/errors.js';
import { checkedWireItem } from '../../domain/wire/wire-item-check.js';
import type { WireItem, WireRecord } from '../../domain/wire/wire-item.js';
import { versionAgainst } from '../../domain/wire/wire-version.js';
import type { Clock, Stores, Transactions } from '../ports.js';

/** The alert the desk sees on a story whose wire item has a newer version. */
export const WIRE_UPDATE_ALERT = 'wire_update';

export type ReceiveWireStores = Pick<Stores, 'wire' | 'alerts'>;

export interface ReceiveWireDeps {
  storage: Transactions<ReceiveWireStores>;
  clock: Clock;
}

/** What became of one item: new in the queue, a newer version, a repeat, or an older version. */
export interface Reception {
  outcome: 'queued' | 'updated' | 'duplicate' | 'older';
  id: number;
}

/** Files the item, or its newer version, in one transaction; see the module comment. */
export async function receiveWireItem(
  deps: ReceiveWireDeps,
  item: WireItem,
  sourceId: number | null = null,
): Promise<Reception> {
  const checked = checkedWireItem(item);
  const now = deps.clock.now();
  try {
    return await fileVersion(deps, checked, sourceId, now);
  } catch (error) {
    if (isDomainError(error)) throw error;
    // Another receiver filed the same new uri first and the unique index refused this one:
    // asked again, it is now a repeat, an older version or a newer one.
    return fileVersion(deps, checked, sourceId, now);
  }
}

function fileVersion(
  deps: ReceiveWireDeps,
  checked: WireItem,
  sourceId: number | null,
  now: Date,
): Promise<Reception> {
  return deps.storage.transaction(async ({ wire, alerts }) => {
    const held = await wire.findByUri(checked.uri);
    if (!held) return { outcome: 'queued', id: await wire.add(checked, now, sourceId) };
    const verdict = versionAgainst(held, checked);
    if (verdict.outcome !== 'newer') return { outcome: verdict.outcome, id: held.id };
    const { version } = verdict;
    await wire.replace(held.id, { ...checked, version }, now);
    for (const made of await wire.articlesMadeFrom(held.id)) {
      await alerts.raise({
        kind: WIRE_UPDATE_ALERT,
        articleId: made.articleId,
        message: `${checked.agency} sent version ${version} of “${checked.headline}”, which “${made.headline}” was made from (version ${made.madeFromVersion})`,
        createdAt: now,
      });
    }
    return { outcome: 'updated', id: held.id };
  });
}

/** What a batch of agency records did: the shape `dateline import --json` reports. */
export interface WireBatchReport {
  queued: { id: number }[];
  updated: { id: number }[];
  skipped: { id: number; ref: string; reason: string }[];
  failed: { ref: string; error: string }[];
}

/**
 * Receives each record of a parsed file or feed (a parser's records, or items as they are) on
 * its own: a record the parser could not read, or one the queue refuses, fails alone with its
 * reason; repeats and older versions are skipped. `report` is added to as each record is
 * received, so whoever passed it can watch the batch go.
 */
export async function receiveWireItems(
  deps: ReceiveWireDeps,
  records: Iterable<WireRecord | WireItem> | AsyncIterable<WireRecord | WireItem>,
  sourceId: number | null = null,
  report: WireBatchReport = { queued: [], updated: [], skipped: [], failed: [] },
): Promise<WireBatchReport> {
  for await (const record of records) {
    if ('failed' in record) {
      report.failed.push({ ref: record.ref, error: record.failed });
      continue;
    }
    const item = 'item' in record ? record.item : record;
    const ref = item.uri;
    try {
      const { outcome, id } = await receiveWireItem(deps, item, sourceId);
      if (outcome === 'queued' || outcome === 'updated') report[outcome].push({ id });
      else report.skipped.push({ id, ref, reason: SKIPPED_BECAUSE[outcome] });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.failed.push({ ref, error: error.message });
    }
  }
  return report;
}

const SKIPPED_BECAUSE = {
  duplicate: 'duplicate: this version is already in the wire queue',
  older: 'older: a newer version is already in the wire queue',
} as const;
