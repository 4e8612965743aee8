import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { atomFeed } from '../../domain/feeds/atom-feed.js';
import { FEED_FILES, type Feed, type FeedFormat } from '../../domain/feeds/feed.js';
import { jsonFeed } from '../../domain/feeds/json-feed.js';
import { rssFeed } from '../../domain/feeds/rss-feed.js';
import { periodListKey } from '../../domain/publication/paper-days.js';
import { readFeed, type FeedResult, type FeedScope } from '../../services/feeds/read-feed.js';
import type { SiteContext } from '../../services/site-context.js';
import { storyKeys } from '../../domain/publication/surrogate-keys.js';
import { FEED_CACHE, setPublicCache, surrogateKeys } from './cache-headers.js';
import { DAY_ROUTE, MONTH_ROUTE, type DateParts } from './archive-routes.js';
import { originOf, type SiteOptions } from './page-response.js';

const FORMATS: Record<FeedFormat, { type: string; render: (feed: Feed) => string }> = {
  rss: { type: 'application/rss+xml; charset=utf-8', render: rssFeed },
  atom: { type: 'application/atom+xml; charset=utf-8', render: atomFeed },
  json: { type: 'application/feed+json; charset=utf-8', render: jsonFeed },
};

/** A weak ETag (compression changes the bytes, not the meaning); its holder gets a 304. */
const etagOf = (body: string) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined &&
  ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));

/**
 * Sends a feed or sitemap: its type, CDN caching under the surrogate keys, an ETag (answering
 * 304 when the client has it) and Last-Modified when known.
 */
export function sendDiscoveryFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { body: string; type: string; keys: string[]; lastModified?: Date },
) {
  const etag = etagOf(file.body);
  setPublicCache(reply, FEED_CACHE, file.keys);
  reply.header('etag', etag).header('x-content-type-options', 'nosniff');
  if (file.lastModified) reply.header('last-modified', file.lastModified.toUTCString());
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(file.type).send(file.body);
}

const LIST_KEY = {
  section: surrogateKeys.sectionList,
  tag: surrogateKeys.tagList,
  author: surrogateKeys.authorList,
};

/** The keys of what a feed is of: its subject's name and list, a period's list, the paper. */
const subjectKeys = (subject: FeedResult['subject']) => {
  if (!subject) return [surrogateKeys.feeds];
  if (subject.kind === 'date') return [periodListKey(subject.period)];
  return [surrogateKeys[subject.kind](subject.id), LIST_KEY[subject.kind](subject.id)];
};

/** A feed shows its subject's name, lists its stories, and changes with each of them. */
const keysOf = ({ subject, storyIds }: FeedResult) => [
  ...subjectKeys(subject),
  ...storyKeys(storyIds.map((id) => ({ id }))),
];

/**
 * RSS, Atom and JSON Feed for the paper (`/rss.xml`), a section (`/world/rss.xml`), a topic
 * (`/topic/oman/rss.xml`), an author (`/author/jane-doe/rss.xml`), a day
 * (`/2024/04/24/rss.xml`) and a month (`/2024/04/rss.xml`). A static last segment outranks the
 * article route's `:slug`, so these never reach an article.
 */
export function registerFeedRoutes(
  server: FastifyInstance,
  site: SiteContext,
  options: SiteOptions,
) {
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope,
    format: FeedFormat,
  ) => {
    const result = await readFeed(site, scope, originOf(request, options));
    const { feed, lastModified } = result;
    const { type, render } = FORMATS[format];
    return sendDiscoveryFile(request, reply, {
      body: render(feed),
      type,
      keys: keysOf(result),
      lastModified,
    });
  };
  for (const [format, file] of Object.entries(FEED_FILES) as [FeedFormat, string][]) {
    server.get(`/${file}`, (request, reply) => send(request, reply, { kind: 'site' }, format));
    server.get<{ Params: { section: string } }>(`/:section/${file}`, (request, reply) =>
      send(request, reply, { kind: 'section', slug: request.params.section }, format),
    );
    server.get<{ Params: { slug: string } }>(`/topic/:slug/${file}`, (request, reply) =>
      send(request, reply, { kind: 'tag', slug: request.params.slug }, format),
    );
    server.get<{ Params: { slug: string } }>(`/author/:slug/${file}`, (request, reply) =>
      send(request, reply, { kind: 'author', slug: request.params.slug }, format),
    );
    server.get<{ Params: DateParts }>(`${MONTH_ROUTE}/${file}`, (request, reply) =>
      send(request, reply, { kind: 'date', ...request.params }, format),
    );
    server.get<{ Params: DateParts }>(`${DAY_ROUTE}/${file}`, (request, reply) =>
      send(request, reply, { kind: 'date', ...request.params }, format),
    );
  }
}
