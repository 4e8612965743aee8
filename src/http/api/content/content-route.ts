/**
 * One Content API read, declared with its input and answer schemas (for the OpenAPI
 * document): validate → act → present, then send with an ETag, answering 304 when the
 * client's copy is current.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseWith } from '../../../domain/validation.js';
import { API_CACHE, setPublicCache } from '../../site/cache-headers.js';

/** What a read answers: the JSON body, and the surrogate keys that purge it from a CDN. */
export interface ContentAnswer {
  body: unknown;
  keys: string[];
}

export interface ContentRouteSpec<S extends z.ZodTypeAny> {
  /** Under the Content API's prefix: `/articles/:id`. */
  url: string;
  summary: string;
  input: S;
  output: z.ZodType;
  handle(input: z.infer<S>, request: FastifyRequest): Promise<ContentAnswer>;
}

export interface ContentRouteDescription {
  url: string;
  summary: string;
  input: z.ZodType;
  output: z.ZodType;
}

const ROUTES = new Map<string, ContentRouteDescription>();

/** Every read declared so far, for the OpenAPI document. */
export const contentRoutes = (): ContentRouteDescription[] => [...ROUTES.values()];

/**
 * Keys are per client, answers are not: `Vary` on the key headers makes a shared cache keep
 * one copy per key, so it never hands an answer to a request without a valid key.
 */
export const VARY = 'Authorization, X-Api-Key';

/** A weak validator: compression changes the bytes but not what they say. */
const etagOf = (json: string) =>
  `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;

/** True when If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function sendCached(request: FastifyRequest, reply: FastifyReply, answer: ContentAnswer) {
  const json = JSON.stringify(answer.body);
  const etag = etagOf(json);
  // Kept in the page cache too, answered from it only after the key check (content-api.ts).
  setPublicCache(reply, API_CACHE, answer.keys).header('etag', etag).header('vary', VARY);
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

const merged = (request: FastifyRequest) => ({
  ...(request.query as object),
  ...(request.params as object),
});

/** Registers one GET read of the Content API. */
export function contentRoute<S extends z.ZodTypeAny>(
  server: FastifyInstance,
  prefix: string,
  spec: ContentRouteSpec<S>,
) {
  ROUTES.set(spec.url, {
    url: `${prefix}${spec.url}`,
    summary: spec.summary,
    input: spec.input,
    output: spec.output,
  });
  server.get(spec.url, async (request, reply) => {
    const input = parseWith<S>(spec.input, merged(request));
    return sendCached(request, reply, await spec.handle(input, request));
  });
}
