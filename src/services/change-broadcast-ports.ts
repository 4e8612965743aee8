/**
 * How every instance serving the paper learns, at once, which cached pages a committed change
 * made stale. Keys are the surrogate keys of domain/publication/surrogate-keys.ts.
 * One process (SQLite): delivered in process. Several (PostgreSQL): LISTEN/NOTIFY.
 */
export interface ChangeBroadcast {
  /**
   * Tells every instance, this one included, that pages tagged with these keys are stale.
   * Call it only once the change is committed, so no instance can re-cache the old page.
   */
  announce(keys: readonly string[]): Promise<void>;
  /**
   * Hears every announcement from any instance. `lost` is called instead when announcements
   * may have been missed (a dropped connection), so the listener must forget everything.
   * Returns a function that stops listening.
   */
  listen(listener: { stale(keys: readonly string[]): void; lost(): void }): () => void;
  close(): Promise<void>;
}
