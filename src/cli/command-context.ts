import type { Config } from '../config/config.js';
import type { ArchiveSeeder } from '../services/archive-seed-ports.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { AccountDeps } from '../services/accounts/account-deps.js';
import type { NewsroomDeps } from '../services/articles/newsroom-deps.js';
import type { Presence } from '../services/articles/presence.js';
import type { ForeignImportDeps } from '../services/import-foreign-stories.js';
import type { ImportFiles } from '../services/import-ports.js';
import type { MediaDeps } from '../services/media/media-deps.js';
import type { VariantSource } from '../services/media/variant-on-demand.js';
import type { Clock, Locks, Storage } from '../services/ports.js';
import type { PublicationCache } from '../services/publication-cache.js';
import type { SiteContext } from '../services/site-context.js';
import type { WebhookDeps } from '../services/webhooks/webhook-deps.js';

/** What a command gets from the composition root. */
export interface CommandContext {
  config: Config;
  storage: Storage & { migrate(): Promise<string[]>; locks: Locks; archive: ArchiveSeeder };
  clock: Clock;
  publication: PublicationCache;
  site: SiteContext;
  accounts: AccountDeps;
  newsroom: NewsroomDeps & { presence: Presence };
  webhooks: WebhookDeps;
  media: MediaDeps & { variants: VariantSource };
  jobs: JobRunner;
  startJobs(intervalMs: number): { stop(): Promise<void> };
  importDeps(baseDir: string): ForeignImportDeps;
  /** Import files on disk, told from their content and read item by item. */
  importFiles: ImportFiles;
  close(): Promise<void>;
}

/** Where a command writes: results to out, diagnostics to err. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A command-line usage mistake: exit code 2 with the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}
