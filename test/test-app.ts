/**
 * A whole Dateline app on a throwaway database, for integration tests that go through HTTP
 * in-process (`server.inject`) or on a real port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp, type App, type AppOverrides } from '../src/app.js';
import { readConfig } from '../src/config/config.js';
import type { ServerState } from '../src/http/operations/operations-routes.js';
import { buildServer } from '../src/http/server.js';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { importArticles, type ImportReport } from '../src/services/import-articles.js';
import type { Mailer } from '../src/services/ports.js';
import { createSqliteDatabase, type TestDatabase } from './test-databases.js';
import { referencePath, readReferenceJson } from './reference-data.js';
import { CHEAP_PASSWORD_HASHING } from './test-password.js';

export interface TestApp {
  app: App;
  server: FastifyInstance;
  /** What `serve` sets when it begins to stop; /healthz and /readyz read it. */
  serverState: ServerState;
  close(): Promise<void>;
}

/**
 * Starts an app with the given environment on a fresh database (SQLite unless given one);
 * `overrides` swaps in fakes for outside systems, such as a Mailer that records.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  database: TestDatabase = createSqliteDatabase(),
  overrides: AppOverrides = {},
): Promise<TestApp> {
  const mediaDir = mkdtempSync(join(tmpdir(), 'dateline-media-'));
  const config = readConfig({
    // A production server refuses cheap hashes, so an app started as one gets the real cost.
    ...(env.NODE_ENV === 'production' ? {} : CHEAP_PASSWORD_HASHING),
    DATABASE_URL: database.url,
    MEDIA_DIR: mediaDir,
    WIRE_DROP_ROOT: join(mediaDir, 'wire-drop'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, () => undefined, overrides);
  const serverState: ServerState = { shuttingDown: false };
  const server = await buildServer({
    site: app.site,
    media: app.media,
    publicUrl: config.publicUrl,
    production: config.production,
    logLevel: 'silent',
    accounts: app.accounts,
    newsroom: app.newsroom,
    webhooks: app.webhooks,
    wireSources: app.wireSources,
    imports: app.imports,
    trustedProxies: config.trustedProxies,
    contentApiRatePerMinute: config.contentApiRatePerMinute,
    pages: app.pages,
    views: app.readership.beacon,
    checkResponses: true,
    operations: {
      state: serverState,
      readiness: (timeoutMs) => app.storage.readiness(timeoutMs),
      metrics: app.metrics,
      metricsToken: config.metrics.token,
    },
  });
  return {
    app,
    server,
    serverState,
    async close() {
      await server.close();
      await app.close();
      await database.drop();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Applies test/reference/seed/publication.json and imports test/reference/seed/article.json. */
export async function loadReferenceArticle(app: App): Promise<ImportReport> {
  const settings = readReferenceJson('seed', 'publication.json');
  await applySettings(
    { stores: app.storage.stores, clock: app.clock },
    publicationSettingsSchema.parse(settings),
  );
  app.publication.invalidate();
  const article = readReferenceJson('seed', 'article.json');
  const report = await importArticles(app.importDeps(referencePath('seed')), article);
  app.publication.invalidate();
  return report;
}

/** The reference article's URL path once imported. */
export const REFERENCE_ARTICLE_PATH = '/world/turkiye-russia-iran-syria-hold-constructive-talks';

/** A Mailer that keeps what it is given, for tests that follow a mailed link. */
export class RecordingMailer implements Mailer {
  readonly sent: { to: string; subject: string; text: string }[] = [];

  send(message: { to: string; subject: string; text: string }): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }

  /** The token of the last link mailed to this address. */
  lastTokenTo(to: string): string | undefined {
    const mail = this.sent.filter((m) => m.to === to).at(-1);
    const link = /https?:\/\/\S+\?token=(\S+)/.exec(mail?.text ?? '');
    return link?.[1] && decodeURIComponent(link[1]);
  }
}
