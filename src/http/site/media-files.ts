import type { FastifyInstance } from 'fastify';
import type { VariantSource } from '../../services/media/variant-on-demand.js';

/** A variant's name carries its content hash: the bytes at a name never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Photos for readers, from whichever media storage is configured. Only variants are served:
 * originals (which may carry GPS EXIF) have no URL.
 */
export function registerMediaFiles(server: FastifyInstance, variants: VariantSource) {
  server.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const answer = await variants(key);
    if (answer.kind === 'moved') {
      return reply
        .code(301)
        .header('cache-control', 'public, max-age=3600')
        .redirect(`/media/${answer.key}`, 301);
    }
    if (answer.kind === 'missing') {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send('No such photo');
    }
    return reply
      .type(answer.contentType)
      .header('cache-control', IMMUTABLE)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
  });
}
