import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '../../domain/errors.js';
import { renderDocument, type SafeHtml } from '../jsx/jsx.js';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './site-scripts.js';

export interface SiteOptions {
  /** Absolute origin for canonical links; taken from the request when not configured. */
  publicUrl: string | undefined;
}

/** Headers every reader page carries. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The site's origin for absolute links: configured, or as the request reached us. */
export const originOf = (request: FastifyRequest, options: SiteOptions) =>
  options.publicUrl ?? `${request.protocol}://${request.host}`;

/** The site's headers for a page that frames embeds from these origins (none by default). */
export const pageHeaders = (frameOrigins: readonly string[] = []) =>
  frameOrigins.length === 0
    ? PAGE_HEADERS
    : { ...PAGE_HEADERS, 'content-security-policy': contentSecurityPolicy(frameOrigins) };

/** Sends a whole reader page with the site's headers; `frameOrigins` are its embeds'. */
export function sendPage(
  reply: FastifyReply,
  page: SafeHtml,
  status = 200,
  frameOrigins: readonly string[] = [],
) {
  return reply
    .code(status)
    .headers(pageHeaders(frameOrigins))
    .header('cache-control', status === 200 ? 'public, max-age=60' : 'no-store')
    .send(renderDocument(page));
}

/** The `?page=` of a list, 1 when absent; anything else than a whole number is refused. */
export function pageNumber(query: unknown): number {
  const raw = (query as { page?: string }).page;
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw invalid('page: must be a whole number from 1', 'page');
  return Number(raw);
}
