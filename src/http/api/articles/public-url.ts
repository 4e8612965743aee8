import { originOf, type SiteOptions } from '../../site/request-origin.js';
import type { FastifyRequest } from 'fastify';

/**
 * A story's `publicPath` as the `publicUrl` readers open: on the same origin as the canonical
 * link of its page (PUBLIC_URL, else the request's own), null while readers cannot see it.
 */
export function withPublicUrl<Story extends { publicPath: string | null }>(
  story: Story,
  request: FastifyRequest,
  site: SiteOptions,
): Omit<Story, 'publicPath'> & { publicUrl: string | null } {
  const { publicPath, ...rest } = story;
  return {
    ...rest,
    publicUrl: publicPath === null ? null : `${originOf(request, site)}${publicPath}`,
  };
}
