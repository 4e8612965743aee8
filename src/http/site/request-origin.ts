/**
 * The site's origin for absolute links (canonical, OpenGraph, feeds, sitemaps, the Content
 * API): PUBLIC_URL, or, when it is unset (never in production), the request's own Host. An
 * answer built from the Host must not be kept by a shared cache, or one forged Host header
 * would poison it for everyone (docs/adr/0011-public-url-and-host.md); this module remembers
 * which requests took that path so the cache headers can say so.
 */
import type { FastifyRequest } from 'fastify';

export interface SiteOptions {
  /** Absolute origin for canonical links; taken from the request when not configured. */
  publicUrl: string | undefined;
}

const LINKS_FROM_HOST = new WeakSet<FastifyRequest>();

/** The site's origin for absolute links: configured, or as the request reached us. */
export function originOf(request: FastifyRequest, options: SiteOptions): string {
  if (options.publicUrl) return options.publicUrl;
  LINKS_FROM_HOST.add(request);
  return `${request.protocol}://${request.host}`;
}

/** True when the answer to this request carries links built from its Host header. */
export const linksFromHost = (request: FastifyRequest) => LINKS_FROM_HOST.has(request);
