import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../../config/package-root.js';

/** Where `npm run build` puts the newsroom app (admin/vite.config.ts). */
export const defaultAdminRoot = () => join(packageRoot(), 'dist', 'admin');

/** The app's page: never cached (it names the current hashed assets), never framed. */
const INDEX_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': [
    "default-src 'self'",
    "img-src 'self' data: https:",
    // Tiptap injects its base stylesheet; ProseMirror sets inline styles while editing.
    "style-src 'self' 'unsafe-inline'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const NOT_BUILT =
  'The newsroom app has not been built. Run `npm run build` (it writes dist/admin), then restart the server.\n';

async function sendIndex(reply: FastifyReply, indexFile: string) {
  let html: string;
  try {
    // Read on each visit: a rebuild while running must not leave the page naming old assets.
    html = await readFile(indexFile, 'utf8');
  } catch {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('retry-after', '60')
      .send(NOT_BUILT);
  }
  return reply.code(200).headers(INDEX_HEADERS).send(html);
}

const isSourceMap = (path: string) => path.endsWith('.map');

export interface AdminAppOptions {
  sourceMaps: boolean;
  /** True while no account exists: every page of the app then leads to the first-run form. */
  setUpIsOpen?: () => Promise<boolean>;
}

/**
 * Asks `setUpIsOpen` until it says no, then stops asking: once an account exists, setup
 * never opens again.
 */
function firstRunCheck(setUpIsOpen: AdminAppOptions['setUpIsOpen']) {
  let setUp = !setUpIsOpen;
  return async () => {
    if (setUp || !setUpIsOpen) return false;
    setUp = !(await setUpIsOpen());
    return !setUp;
  };
}

/**
 * Serves the newsroom app under /admin/: its content-hashed assets for a year, and its page
 * for every other address below /admin (the app routes in the browser). /admin/setup, the
 * server-rendered first-run form, is a more specific route and keeps answering itself; on an
 * empty install every other page redirects there, as there is nobody to sign in yet.
 * Source maps (the app's whole source) are served only when `sourceMaps` says so: never in
 * production, where the bundle does not name them either (admin/vite.config.ts).
 */
export async function registerAdminApp(
  server: FastifyInstance,
  root = defaultAdminRoot(),
  options: AdminAppOptions = { sourceMaps: true },
) {
  const awaitingSetUp = firstRunCheck(options.setUpIsOpen);
  const assets = join(root, 'assets');
  if (existsSync(assets)) {
    await server.register(fastifyStatic, {
      root: assets,
      prefix: '/admin/assets/',
      decorateReply: false,
      index: false,
      wildcard: true,
      // Vite names every asset after a hash of its content.
      immutable: true,
      maxAge: '365d',
      allowedPath: (path) => options.sourceMaps || !isSourceMap(path),
    });
  }
  const indexFile = join(root, 'index.html');
  const sendPage = async (reply: FastifyReply) =>
    (await awaitingSetUp())
      ? reply.header('cache-control', 'no-store').redirect('/admin/setup', 303)
      : sendIndex(reply, indexFile);
  server.get('/admin', (_request, reply) => sendPage(reply));
  server.get('/admin/*', (_request, reply) => sendPage(reply));
}
