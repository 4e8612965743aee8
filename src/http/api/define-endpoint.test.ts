import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint } from './define-endpoint.js';

const story = z.object({ id: z.number().int(), headline: z.string(), updatedAt: z.date() });

/** A server with one endpoint whose handler answers `answer`, whatever its schema says. */
function serverAnswering(answer: unknown, checkResponses: boolean): FastifyInstance {
  const server = Fastify();
  server.decorate('checkResponses', checkResponses);
  server.addHook('onRequest', (request, _reply, done) => {
    request.actor = null;
    done();
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/story',
    input: z.object({}).strict(),
    output: story,
    permission: 'public',
    handle: () => Promise.resolve(answer as z.input<typeof story>),
  });
  return server;
}

const updatedAt = new Date('2026-12-06T10:00:00Z');

describe('an endpoint’s output schema, checked in tests', () => {
  it('lets an answer through that the schema describes exactly, dates as JSON text', async () => {
    const server = serverAnswering({ id: 1, headline: 'Rain', updatedAt }, true);
    const response = await server.inject('/story');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: 1,
      headline: 'Rain',
      updatedAt: updatedAt.toISOString(),
    });
  });

  it('fails loudly on a field the schema does not name, saying where', async () => {
    const server = serverAnswering({ id: 1, headline: 'Rain', updatedAt, secret: 'x' }, true);
    const response = await server.inject('/story');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error:
        'GET /story answered what its output schema does not say: secret: is not what the output schema describes',
    });
  });

  it('fails loudly on a field of the wrong type, naming it', async () => {
    const server = serverAnswering({ id: '1', headline: 'Rain', updatedAt }, true);
    const response = await server.inject('/story');
    expect(response.statusCode).toBe(500);
    expect(response.json<{ error: string }>().error).toMatch(
      /: id: Expected number, received string$/,
    );
  });

  it('does not parse answers in production', async () => {
    const server = serverAnswering({ id: 1, headline: 'Rain', updatedAt, secret: 'x' }, false);
    const response = await server.inject('/story');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ secret: 'x' });
  });
});
