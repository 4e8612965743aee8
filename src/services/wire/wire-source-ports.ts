/**
 * The wire sources' store and the drop folders' port (ADR 0058). Re-exported by ports.ts.
 */
import type { WireRecord } from '../../domain/wire/wire-item.js';
import type {
  WireSource,
  WireSourceHealth,
  WireSourceSettings,
} from '../../domain/wire/wire-source.js';
import type { WireReadOptions } from '../../domain/wire/wire-records.js';

export interface WireSourceStore {
  /** Every source, by name. */
  list(): Promise<WireSource[]>;
  find(id: number): Promise<WireSource | undefined>;
  /** A new source, due at once. */
  add(settings: WireSourceSettings, now: Date): Promise<WireSource>;
  /** New settings, due at once; undefined when there is no such source. */
  change(id: number, settings: WireSourceSettings, now: Date): Promise<WireSource | undefined>;
  remove(id: number): Promise<boolean>;
  /** The enabled sources due at `now`, the longest overdue first. */
  due(now: Date): Promise<WireSource[]>;
  /**
   * Records a poll's outcome, only when the source is still due as `dueAt` says: of two
   * pollers that read the same due source, one records and the other learns it was too late.
   */
  recordPoll(id: number, dueAt: Date, health: Partial<WireSourceHealth>): Promise<boolean>;
  /** Makes an enabled source due at `now`. */
  dueNow(id: number, now: Date): Promise<boolean>;
}

/** A drop folder's path as the editor gave it, resolved under the drop root, or why not. */
export type DropFolderPlace = { folder: string } | { refused: string };

/** The drop folders on the server's disk, under the one root the operator configured. */
export interface WireDropFolders {
  /** Where `path` (relative to the root, or absolute inside it) is, refused outside the root. */
  place(path: string): Promise<DropFolderPlace>;
  /** The files waiting in the folder (not its done/ and failed/), oldest name first. */
  waiting(folder: string): Promise<string[]>;
  /** The wire records of a file, streamed through the import command's readers. */
  records(file: string, options: WireReadOptions): AsyncIterable<WireRecord>;
  /** Moves a read file into done/, or into failed/ with the reason written beside it. */
  settle(file: string, outcome: 'done' | 'failed', reason?: string): Promise<void>;
}
