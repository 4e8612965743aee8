/**
 * The composition root: the one place that wires storage and adapters to the services, and
 * the services to HTTP and the command line. Past 400 lines with its comments on purpose: it
 * is one short function per part (accounts, media, jobs, the wire, imports …) and the `App` they
 * make; split across files, the wiring would have several roots to read instead of one.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DestinationStream } from 'pino';
import { pinoAuditLog } from './adapters/audit/pino-audit-log.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { secretTokens } from './adapters/crypto/secret-tokens.js';
import { LogMailer } from './adapters/mail/log-mailer.js';
import { SmtpMailer } from './adapters/mail/smtp-mailer.js';
import { createCdnPurger } from './adapters/cdn/http-cdn-purger.js';
import { sharpSvgRasteriser } from './adapters/media/sharp-svg-rasteriser.js';
import { createGuardedHttpClient } from './adapters/http/guarded-http-client.js';
import { createDropFolders } from './adapters/wire/drop-folders.js';
import { importFilesOnDisk } from './adapters/import/import-files.js';
import { createUploadSpool } from './adapters/import/upload-spool.js';
import { wireRecordsOfFile } from './adapters/import/wire-file-records.js';
import { createMediaStorage } from './adapters/media/create-media-storage.js';
import { createEncoderTurns } from './adapters/media/encoder-turns.js';
import { SharpImageProcessor } from './adapters/media/sharp-image-processor.js';
import { Argon2PasswordHasher } from './adapters/passwords/argon2-password-hasher.js';
import { ZxcvbnPasswordStrength } from './adapters/passwords/zxcvbn-password-strength.js';
import { createWeatherProvider } from './adapters/weather/create-weather-provider.js';
import type { Config } from './config/config.js';
import { pageCacheCollector } from './http/operations/page-cache-metrics.js';
import { createMetrics, type Metrics } from './http/operations/metrics-registry.js';
import { jobQueueCollector, poolCollector } from './http/operations/storage-metrics.js';
import { storyViewCollector } from './http/operations/story-view-metrics.js';
import { createViewBeacon, type ViewBeacon } from './http/site/view-beacon.js';
import type { WeatherProviderName } from './domain/weather/current-weather.js';
import type { AccountDeps } from './services/accounts/account-deps.js';
import { accountMailJobHandlers } from './services/accounts/account-mail-jobs.js';
import type { NewsroomDeps } from './services/articles/newsroom-deps.js';
import { createPresence, type Presence } from './services/articles/presence.js';
import type { ForeignImportDeps } from './services/import-foreign-stories.js';
import { importsUnderWay } from './services/imports-under-way.js';
import type { ImportFiles } from './services/import-ports.js';
import type { UploadImportDeps } from './services/start-import.js';
import { invalid } from './domain/errors.js';
import { createPublicationCache, type PublicationCache } from './services/publication-cache.js';
import { createMostRead, type MostRead } from './services/readership/read-most-read.js';
import { createViewTally } from './services/readership/view-tally.js';
import { eventJobHandlers, type EventListener } from './services/events/event-listeners.js';
import { cdnPurgeJobHandlers, cdnPurgeListener } from './services/cdn/cdn-purge-listener.js';
import { createSiteLogo } from './services/site-logo.js';
import { MAKE_VARIANTS_JOB, type MediaDeps } from './services/media/media-deps.js';
import { createUploadPlaces } from './services/media/upload-places.js';
import { mediaJobHandlers } from './services/media/media-jobs.js';
import { createVariantSource, type VariantSource } from './services/media/variant-on-demand.js';
import type { Clock, Mailer, OutboundHttp, Storage } from './services/ports.js';
import type { EncoderTurns } from './services/media/media-ports.js';
import { webhookJobHandlers } from './services/webhooks/deliver-webhook.js';
import type { WebhookDeps } from './services/webhooks/webhook-deps.js';
import type { WireSourceDeps } from './services/wire/wire-source-deps.js';
import { webhookListener } from './services/webhooks/webhook-listener.js';
import { newsroomLanes } from './jobs/job-lanes.js';
import { createJobRunner, type JobRunner } from './jobs/job-runner.js';
import type { SiteContext, WeatherReader } from './services/site-context.js';
import { createWeatherService, type WeatherService } from './services/weather-service.js';
import { createPageCache } from './http/page-cache/page-cache.js';
import type { PageCacheDeps } from './http/page-cache/page-cache-hooks.js';
import { listenForStalePages } from './http/page-cache/stale-pages-listener.js';
import { createPageFreshness } from './services/page-freshness.js';
import { openArchive } from './storage/open-archive.js';
import type { DatabaseArchive } from './services/archive-ports.js';
import { openStorage, type OpenedStorage, type QueryListener } from './storage/open-storage.js';

export interface App {
  config: Config;
  storage: OpenedStorage;
  clock: Clock;
  publication: PublicationCache;
  /** Finished reader pages kept in memory, dropped as changes are announced; `stats()` for metrics. */
  pages: PageCacheDeps;
  /** The photo library, its storage, variants made on request, and the encoder's turns. */
  media: MediaDeps & { variants: VariantSource; encoder: EncoderTurns };
  /** Background work (photo variants …): run in `serve`, or drained by a command or test. */
  jobs: JobRunner;
  /** Starts the job worker; work queued from now on wakes it at once. */
  startJobs(intervalMs: number): { stop(): Promise<void> };
  site: SiteContext;
  /** Sign-in, sessions, invitations, API tokens. */
  accounts: AccountDeps;
  /** Drafts, revisions and the workflow of articles; who has which article open. */
  newsroom: NewsroomDeps & { presence: Presence };
  /** Webhook subscriptions and deliveries, sent through the guarded outbound client. */
  webhooks: WebhookDeps;
  /** The wire's sources and their poller: feeds through the guarded client, drop folders. */
  wireSources: WireSourceDeps;
  /** Import dependencies for items that name files relative to `baseDir`. */
  importDeps(baseDir: string): ForeignImportDeps;
  /** Import files on disk, told from their content and read item by item. */
  importFiles: ImportFiles;
  /** The newsroom's uploaded imports, run in the background of the server that received them. */
  imports: UploadImportDeps;
  /** Request counts and latencies, the job queue, the database pool; more with registerCollector. */
  metrics: Metrics;
  /** Views counted by the article pages' beacon, and the most-read lists made of them. */
  readership: { beacon: ViewBeacon; mostRead: MostRead };
  /** Closes the database; a second call waits for the first. */
  close(): Promise<void>;
}

type Log = (message: string) => void;

/** Implementations a test may put in place of the real ones. */
export interface AppOverrides {
  mailer?: Mailer;
  /** More listeners to article events, for tests that watch what the outbox sends. */
  eventListeners?: EventListener[];
  /** A clock of the test's own, to move time on across restarts. */
  clock?: Clock;
  /** The outbound HTTP client (webhooks), e.g. with a resolver of the test's own. */
  outbound?: OutboundHttp;
  /** Where audit log lines go instead of standard error, for tests that read them. */
  auditLogDestination?: DestinationStream;
  /** Hears every SQL statement run, e.g. to EXPLAIN what the pages ask (query-plan test). */
  onQuery?: QueryListener;
}

/** Links in mail point here: PUBLIC_URL, else this server as configured (fine on a laptop). */
const mailLinkOrigin = (config: Config) =>
  config.publicUrl ??
  `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;

const mailerFor = ({ mail }: Config, log: Log): Mailer =>
  mail.smtpUrl ? new SmtpMailer(mail.smtpUrl, mail.from) : new LogMailer(log, mail.from);

function accountsFor(
  config: Config,
  storage: OpenedStorage,
  clock: Clock,
  mail: Pick<AccountDeps, 'mailer' | 'mailDelivery' | 'wakeJobs'>,
): AccountDeps {
  return {
    storage,
    clock,
    passwords: new Argon2PasswordHasher(config.passwordHashing),
    passwordStrength: new ZxcvbnPasswordStrength(),
    secrets: secretTokens,
    ...mail,
    publicUrl: mailLinkOrigin(config),
    sessionDays: config.sessionDays,
    sessionIdleHours: config.sessionIdleHours,
  };
}

/** One weather cache per provider, made when a publication first asks for that provider. */
function mastheadWeather(config: Config, log: Log): WeatherReader {
  const services = new Map<string, WeatherService | null>();
  const serviceFor = (name: Exclude<WeatherProviderName, 'none'>) => {
    if (!services.has(name)) {
      try {
        const provider = createWeatherProvider(name, config.weather);
        // Weather is live data: it ages by the real clock even when DATELINE_NOW freezes the news.
        const clock = systemClock();
        const onError = (error: unknown) => log(`weather: ${String(error)}`);
        services.set(
          name,
          createWeatherService({ provider, clock, ttlMs: config.weather.cacheMs, onError }),
        );
      } catch (error) {
        log(`weather: ${String(error)}; the masthead shows no weather`);
        services.set(name, null);
      }
    }
    return services.get(name) ?? undefined;
  };
  return {
    peek: (name, location) => (name === 'none' ? undefined : serviceFor(name)?.peek(location)),
  };
}

function mediaDepsFor(
  config: Config,
  storage: Storage,
  clock: Clock,
  encoder: EncoderTurns,
  wakeJobs: () => void,
): MediaDeps {
  return {
    storage,
    clock,
    files: createMediaStorage(config.media.storage),
    images: new SharpImageProcessor(encoder),
    limits: { maxBytes: config.media.maxBytes, maxPixels: config.media.maxPixels },
    // Upload durations are real time, even when DATELINE_NOW freezes the news.
    uploads: createUploadPlaces(() => performance.now()),
    wakeJobs,
  };
}

/** The page cache, told by every instance's announcements what went stale; its counts in /metrics. */
function pageCacheFor(
  config: Config,
  storage: OpenedStorage,
  site: SiteContext,
  metrics: Metrics,
): PageCacheDeps {
  const pages = {
    cache: createPageCache(config.pageCacheBytes),
    freshness: createPageFreshness(site, config.weather.cacheMs),
  };
  listenForStalePages(storage.broadcast, pages, site.publication);
  metrics.registerCollector('page_cache', pageCacheCollector(pages.cache));
  return pages;
}

/** The view counter (its counts in /metrics) and the most-read lists, read anew after every change. */
function readershipFor(storage: OpenedStorage, clock: Clock, metrics: Metrics) {
  const beacon = createViewBeacon(createViewTally({ storage, clock }));
  const mostRead = createMostRead({ stores: storage.stores, clock });
  storage.broadcast.listen({ stale: () => mostRead.forget(), lost: () => mostRead.forget() });
  metrics.registerCollector('story_views', storyViewCollector(beacon));
  return { beacon, mostRead };
}

/** The app's metrics, with the job queue's and the database pool's collectors registered. */
function metricsFor(storage: OpenedStorage, clock: Clock, jobKinds: string[]): Metrics {
  const metrics = createMetrics();
  metrics.registerCollector('jobs', jobQueueCollector(storage.stores.jobs, clock, jobKinds));
  metrics.registerCollector(
    'db_pool',
    poolCollector(() => storage.poolStats()),
  );
  return metrics;
}

/** Every kind of background job and its handler; article events go to webhooks and the CDN. */
function jobHandlersFor(
  config: Config,
  deps: {
    storage: OpenedStorage;
    clock: Clock;
    mediaDeps: MediaDeps;
    webhooks: WebhookDeps;
    accounts: AccountDeps;
  },
  overrides: AppOverrides,
) {
  const { storage, clock } = deps;
  const cdnPurger = createCdnPurger(config.cdn);
  const listeners: EventListener[] = [
    webhookListener(deps.webhooks),
    cdnPurgeListener({ stores: storage.stores, purger: cdnPurger }),
    ...(overrides.eventListeners ?? []),
  ];
  return {
    ...mediaJobHandlers(deps.mediaDeps),
    ...eventJobHandlers({ storage, clock }, listeners),
    ...webhookJobHandlers(deps.webhooks),
    ...cdnPurgeJobHandlers(cdnPurger),
    ...accountMailJobHandlers(deps.accounts),
  };
}

/** What an import needs for items that name files relative to `baseDir`. */
/** The wire's sources: feeds through the guarded client, drop folders under their root. */
const wireSourcesFor = (
  config: Config,
  storage: OpenedStorage,
  clock: Clock,
  outbound: OutboundHttp,
): WireSourceDeps => ({
  storage,
  clock,
  outbound,
  dropFolders: createDropFolders(config.wireDropRoot, wireRecordsOfFile),
  locks: storage.locks,
});

/** Opens the database (migrating it) and builds everything a command or the server needs. */
export async function createApp(
  config: Config,
  log: Log = (m) => console.error(m),
  overrides: AppOverrides = {},
): Promise<App> {
  const storage = openStorage(
    config.databaseUrl,
    pinoAuditLog(config.logLevel, overrides.auditLogDestination),
    overrides.onQuery,
  );
  await storage.migrate();
  const clock = overrides.clock ?? systemClock(config.now);
  const publication = createPublicationCache(storage.stores);
  let wakeJobs: (kind?: string) => void = () => {};
  // A committed job wakes its lane after this turn: the answer never waits on its work.
  storage.onJobQueued((kind) => void setImmediate(() => wakeJobs(kind)));
  // One set of turns for every sharp pipeline in the process: uploads, variants, the logo.
  const encoder = createEncoderTurns(config.media.encodeConcurrency);
  const mediaDeps = mediaDepsFor(config, storage, clock, encoder, () => wakeJobs());
  const media = { ...mediaDeps, variants: createVariantSource(mediaDeps), encoder };
  const webhooks: WebhookDeps = {
    storage,
    clock,
    outbound: overrides.outbound ?? createGuardedHttpClient({ allow: config.outboundAllow }),
    newSecret: () => secretTokens.create(),
    publicUrl: mailLinkOrigin(config),
  };
  const accounts = accountsFor(config, storage, clock, {
    mailer: overrides.mailer ?? mailerFor(config, log),
    // A test's own mailer stands in for a real server.
    mailDelivery: config.mail.smtpUrl || overrides.mailer ? 'smtp' : 'log',
    // Only once the answer is on its way: the job's work (an account found or not, a mail
    // server up or down) must not show in how long a reset request takes.
    wakeJobs: () => void setImmediate(() => wakeJobs()),
  });
  const handlers = jobHandlersFor(
    config,
    { storage, clock, mediaDeps, webhooks, accounts },
    overrides,
  );
  const jobs = createJobRunner({
    storage,
    clock,
    handlers,
    // Photos are encoded in a lane of their own, so a purge or webhook never waits for them.
    lanes: newsroomLanes([MAKE_VARIANTS_JOB], config.media.jobConcurrency),
    log,
  });
  const metrics = metricsFor(storage, clock, Object.keys(handlers));
  let closing: Promise<void> | undefined;
  const readership = readershipFor(storage, clock, metrics);
  const site: SiteContext = {
    stores: storage.stores,
    clock,
    publication,
    weather: mastheadWeather(config, log),
    logo: createSiteLogo(sharpSvgRasteriser(encoder)),
    mostRead: readership.mostRead,
  };
  const pages = pageCacheFor(config, storage, site, metrics);
  return {
    config,
    storage,
    clock,
    publication,
    pages,
    media,
    jobs,
    startJobs(intervalMs) {
      const worker = jobs.start(intervalMs);
      wakeJobs = worker.wake;
      return worker;
    },
    site,
    accounts,
    newsroom: { storage, clock, presence: createPresence(storage.stores.presence, systemClock()) },
    webhooks,
    wireSources: wireSourcesFor(config, storage, clock, webhooks.outbound),
    ...importsFor(config, mediaDeps, webhooks.outbound, { log, publication }),
    metrics,
    readership,
    close: () => (closing ??= storage.close()),
  };
}

/** What an import needs: the photo library, files beside the imported one, the outbound client. */
const importDepsFor = (
  mediaDeps: MediaDeps,
  outbound: OutboundHttp,
  baseDir: string,
): ForeignImportDeps => ({
  ...mediaDeps,
  readAsset: (path) => readFile(resolve(baseDir, path)),
  outbound,
});

/**
 * Imports: from files beside the one named (the command line), and uploaded in the newsroom,
 * whose file is a temporary one and may name no other file on the server (an article's lead
 * photo is added in the library).
 */
const importsFor = (
  config: Config,
  mediaDeps: MediaDeps,
  outbound: OutboundHttp,
  { log, publication }: { log: Log; publication: PublicationCache },
): Pick<App, 'importDeps' | 'importFiles' | 'imports'> => ({
  importDeps: (baseDir) => importDepsFor(mediaDeps, outbound, baseDir),
  importFiles: importFilesOnDisk,
  imports: {
    ...importDepsFor(mediaDeps, outbound, '.'),
    readAsset: () =>
      Promise.reject(
        invalid('an uploaded file cannot name files on the server: add the photo in the library'),
      ),
    importFiles: importFilesOnDisk,
    uploads: createUploadSpool(),
    underWay: importsUnderWay(),
    maxBytes: config.importUploadMaxBytes,
    // Sections and bylines an import adds show on this server's next page at once.
    afterImport: () => publication.invalidate(),
    log,
  },
});

/**
 * Backup and restore of the configured database, without opening it as the app does: a
 * restore must not migrate or hold the database it replaces.
 */
export const databaseArchive = (config: Config): DatabaseArchive => openArchive(config.databaseUrl);

/**
 * Brings the configured database up to date without starting the app, which would migrate it
 * first and leave `dateline migrate` nothing to report: the names of the migrations applied.
 */
export async function migrateDatabase(config: Config): Promise<string[]> {
  const storage = openStorage(config.databaseUrl);
  try {
    return await storage.migrate();
  } finally {
    await storage.close();
  }
}

/** The folder a JSON file's relative paths are read from. */
export const baseDirOf = (file: string) => dirname(resolve(file));
