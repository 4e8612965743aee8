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
