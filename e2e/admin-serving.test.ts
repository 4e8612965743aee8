/**
 * How the server hands out the newsroom app: its page for every address under /admin (the app
 * routes in the browser), its hashed assets cached for good, the first-run form untouched (and
 * every page leading there while nobody has an account), and a
 * plain answer when the app was never built. Needs `npm run build` first, like every e2e suite.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAdminRoot, registerAdminApp } from '../src/http/admin/admin-routes.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { STRONG_PASSWORD } from '../test/test-password.js';

describe('the newsroom app as the server serves it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('leaves the server-rendered first-run form at /admin/setup, where the app sends an empty install', async () => {
    const setup = await t.server.inject({ url: '/admin/setup' });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('<form method="post" action="/admin/setup">');
    const app = await t.server.inject({ url: '/admin/articles/12' });
    expect(app.statusCode).toBe(303);
    expect(app.headers.location).toBe('/admin/setup');
  });

  it('answers every address under /admin with the app’s page, never cached', async () => {
    await createUser(t.app.accounts, {
      email: 'chief@paper.example',
      name: 'Amal Haddad',
      role: 'editor_in_chief',
      password: STRONG_PASSWORD,
    });
    for (const url of ['/admin', '/admin/', '/admin/articles/12', '/admin/sign-in?next=%2F']) {
      const response = await t.server.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.body).toContain('<div id="app"></div>');
    }
  });

  it('serves the hashed assets as immutable, and refuses assets that do not exist', async () => {
    const script = readdirSync(join(defaultAdminRoot(), 'assets')).find((f) => f.endsWith('.js'));
    const asset = await t.server.inject({ url: `/admin/assets/${script ?? 'missing.js'}` });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await t.server.inject({ url: '/admin/assets/no-such-file.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('says plainly that the app must be built when dist/admin is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dateline-admin-'));
    const server = Fastify();
    try {
      await registerAdminApp(server, join(empty, 'admin'));
      const response = await server.inject({ url: '/admin/articles' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
    } finally {
      await server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the newsroom app’s source maps', () => {
  const assets = () => readdirSync(join(defaultAdminRoot(), 'assets'));
  const script = () => assets().find((f) => f.endsWith('.js')) ?? 'missing.js';

  it('are never served in production, and the bundle does not point at them', async () => {
    const t = await startTestApp({ NODE_ENV: 'production', PUBLIC_URL: 'https://news.example' });
    try {
      const maps = assets().filter((f) => f.endsWith('.map'));
      expect(maps.length).toBeGreaterThan(0);
      for (const map of maps) {
        expect((await t.server.inject({ url: `/admin/assets/${map}` })).statusCode, map).toBe(404);
      }
      const bundle = await t.server.inject({ url: `/admin/assets/${script()}` });
      expect(bundle.statusCode).toBe(200);
      expect(bundle.body).not.toMatch(/sourceMappingURL/);
    } finally {
      await t.close();
    }
  });

  it('are served in development, for whoever debugs the built app', async () => {
    const t = await startTestApp();
    try {
      const map = await t.server.inject({ url: `/admin/assets/${script()}.map` });
      expect(map.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
