import type { ImportCounts } from '../domain/import/import-run.js';
import type { MachineActor } from '../domain/roles/role.js';
import type { WireRecord } from '../domain/wire/wire-item.js';
import { importArticles } from './import-articles.js';
import {
  emptyForeignReport,
  importForeignStories,
  type ForeignImportDeps,
  type ForeignImportReport,
} from './import-foreign-stories.js';
import type { ImportContent } from './import-ports.js';
import { receiveWireItems, type WireBatchReport } from './wire/receive-wire-item.js';

/** What an import reports: stories, and agency items queued (`updated` when newer). */
export interface FileImportReport extends ForeignImportReport {
  queued: { id: number; updated?: true }[];
}

export const emptyFileReport = (): FileImportReport => ({ ...emptyForeignReport(), queued: [] });

/**
 * An import under way: its report, added to as each item is filed, and while agency copy is
 * being received, that batch's own report (folded into `report` when the file is done).
 */
export interface ImportTally {
  report: FileImportReport;
  wire?: WireBatchReport;
  /** Set when the import was asked to stop and read no further item. */
  stopped?: true;
}

/** How many items have come to each end so far. */
export function countsOf({ report, wire }: ImportTally): ImportCounts {
  return {
    imported: report.imported.length,
    updated: report.updated.length,
    queued: report.queued.length + (wire ? wire.queued.length + wire.updated.length : 0),
    skipped: report.skipped.length + (wire?.skipped.length ?? 0),
    failed: report.failed.length + (wire?.failed.length ?? 0),
    missing: report.missing.length,
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The items, each after a turn of the event loop: SQLite's calls never wait on I/O, so without
 * it a server importing in its background would answer no request (nor note its progress)
 * until the file was done. Ends early, noting it in `tally`, once `signal` is aborted.
 */
async function* turnByTurn<T>(
  items: AsyncIterable<T> | Iterable<T>,
  tally: ImportTally,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  for await (const item of items) {
    await nextTurn();
    if (signal?.aborted) {
      tally.stopped = true;
      return;
    }
    yield item;
  }
}

/** Agency copy into the wire queue, each item on its own. */
async function queueWire(
  deps: ForeignImportDeps,
  records: AsyncIterable<WireRecord>,
  tally: ImportTally,
) {
  const wire: WireBatchReport = { queued: [], updated: [], skipped: [], failed: [] };
  tally.wire = wire;
  await receiveWireItems(deps, records, null, wire);
  const { report } = tally;
  // One at a time: a spread `push` overflows the stack past about 100,000 entries.
  for (const queued of wire.queued) report.queued.push(queued);
  for (const { id } of wire.updated) report.queued.push({ id, updated: true });
  for (const { ref, reason } of wire.skipped) report.skipped.push({ item: ref, reason });
  for (const { ref, error } of wire.failed) report.failed.push({ item: ref, error });
  tally.wire = undefined;
}

/**
 * Imports one file's content, whatever its format (told by `ImportFiles.open`): stories of
 * another system's export, our articles, or agency copy for the wire queue. Each outcome is
 * added to `tally` as it happens, so a caller may watch; once `signal` is aborted no further
 * item is read (those at hand are filed). Our articles are numbered from
 * `firstItem`, an unreadable file is one failed item; answers how many numbers it used.
 * `dateline import` and the newsroom's upload both import through this.
 */
export async function importContent(
  deps: ForeignImportDeps,
  content: ImportContent,
  tally: ImportTally,
  {
    by,
    firstItem = 0,
    signal,
  }: { by?: MachineActor; firstItem?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const { report } = tally;
  if ('unreadable' in content) {
    report.failed.push({ item: firstItem, error: content.unreadable });
    return 1;
  }
  if ('stories' in content) {
    await importForeignStories(deps, turnByTurn(content.stories, tally, signal), report, by);
    return 0;
  }
  if ('records' in content) {
    await queueWire(deps, turnByTurn(content.records, tally, signal), tally);
    return 0;
  }
  const items = Array.isArray(content.json) ? (content.json as unknown[]) : [content.json];
  let index = firstItem;
  for await (const item of turnByTurn(items, tally, signal))
    await importArticles(deps, [item], by, { report, firstItem: index++ });
  return items.length;
}
