import type { TableRows } from './synthetic-archive.js';

/** Writes batches of rows as fast as the engine allows; each batch is one transaction. */
export interface BulkWriter {
  write(batch: TableRows[]): Promise<void>;
  /** Refreshes the planner's statistics, puts the connection's settings back and closes it. */
  finish(): Promise<void>;
}

/** A table or column name from our own constants, quoted for either engine. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
