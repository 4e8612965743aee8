import type { ForeignItem } from '../domain/import/foreign-story.js';
import type { ImportFormat, WIRE_FORMATS } from '../domain/import/import-format.js';
import type { ImportCounts, ImportReportEntries, ImportRun } from '../domain/import/import-run.js';
import type { WireRecord } from '../domain/wire/wire-item.js';

type WireFormat = (typeof WIRE_FORMATS)[number];

/**
 * Stories brought in from other systems (WordPress, Ghost): which story each of their items
 * became, so a second import of the same file updates instead of duplicating (ADR 0054).
 */

/** An item of another system and the story it became. */
export interface ImportSource {
  /** The other system: `wordpress`, `ghost`. */
  system: string;
  /** The other system's id for the item (a WordPress post id, a Ghost post id). */
  externalId: string;
  articleId: number;
  /** The source item's digest when it was last written: unchanged, nothing is written. */
  fingerprint: string;
  /** The item's path on the old site, answered with a permanent redirect to the story. */
  oldPath: string | null;
  /** The featured photo's address when it could not be fetched. */
  missingPhotoUrl: string | null;
}

export interface ImportSourceStore {
  find(system: string, externalId: string): Promise<ImportSource | undefined>;
  /**
   * Holds the item for this transaction: another importer of the same item waits until it
   * ends, then finds what this one recorded (two runs of one file at once).
   */
  claim(system: string, externalId: string): Promise<void>;
  /** Records an item not recorded before; false, writing nothing, when it is already there. */
  recordNew(source: ImportSource, now: Date): Promise<boolean>;
  /** Records the item, or replaces what was recorded for it. */
  record(source: ImportSource, now: Date): Promise<void>;
  /** The story an old site's path led to (the newest import wins a path two systems share). */
  articleAtOldPath(path: string): Promise<number | undefined>;
}

/** Bytes of a file read so far, counted by its reader as they come off the disk. */
export interface ReadProgress {
  bytesRead: number;
}

/** A file to import, told from its content, its items to be read one by one as they are filed. */
export type ImportContent =
  | { format: 'wxr' | 'ghost'; stories: AsyncIterable<ForeignItem> }
  | { format: WireFormat; records: AsyncIterable<WireRecord> }
  | { format: 'article-json'; json: unknown }
  | { unreadable: string };

/** Files on the server's disk, as importers read them (ADR 0053). */
export interface ImportFiles {
  /**
   * What the file holds, told from its content; messages name it `name` (an upload's own name,
   * not where it waits on disk). Bytes read as the items are read are counted into `progress`.
   */
  open(file: string, name: string, progress: ReadProgress): Promise<ImportContent>;
}

/** An uploaded file written to a temporary file as it arrives, never held whole in memory. */
export interface ImportUploads {
  /**
   * Writes the stream to a new temporary file; refuses one longer than `maxBytes` (too large,
   * nothing kept). Resolves with where it is and its length.
   */
  receive(
    stream: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<{ path: string; bytes: number }>;
  /** Removes the file; one already gone is no error. */
  discard(path: string): Promise<void>;
}

/** A new run, as the upload starts it. */
export interface NewImportRun {
  startedBy: number;
  fileName: string;
  format: ImportFormat;
  sizeBytes: number;
}

/** Imports started in the newsroom, with their progress and reports (ADR 0059). */
export interface ImportRunStore {
  start(run: NewImportRun, now: Date): Promise<ImportRun>;
  /** Notes a running import's progress; `now` is its heartbeat. */
  progress(
    id: number,
    progress: { bytesRead: number; counts: ImportCounts },
    now: Date,
  ): Promise<void>;
  /** Ends a run with its report (finished) or the reason it stopped (failed). */
  finish(
    id: number,
    end: {
      status: 'finished' | 'failed';
      bytesRead: number;
      counts: ImportCounts;
      report: ImportReportEntries | null;
      error: string | null;
    },
    now: Date,
  ): Promise<void>;
  find(id: number): Promise<ImportRun | undefined>;
  /** The newest runs first, without their reports. */
  recent(limit: number): Promise<ImportRun[]>;
}
