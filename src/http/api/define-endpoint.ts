/**
 * Every API endpoint is declared with its input schema, its output schema and its permission,
 * and cannot be registered without all three (Ghost's pipeline): validate → authenticate →
 * authorize → act → present, in that order, everywhere.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { forbidden, invalid, unauthenticated } from '../../domain/errors.js';
import { authorize, type NewsroomAction } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import { responseMismatch } from './response-check.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: set by the authentication hook, null for anonymous requests. */
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Tests only: every answer is checked against its endpoint's output schema. */
    checkResponses?: boolean;
  }
}

/**
 * Who may call: anyone (`public`), anyone signed in (`signed_in`: the service then decides per
 * article), or the signed-in holders of a newsroom permission.
 */
export type Permission = 'public' | 'signed_in' | NewsroomAction;

export interface EndpointContext<Input, Caller> {
  input: Input;
  actor: Caller;
  request: FastifyRequest;
  reply: FastifyReply;
}

type CallerOf<P extends Permission> = P extends 'public' ? Actor | null : Actor;

export interface EndpointSpec<
  S extends z.ZodTypeAny,
  P extends Permission,
  O extends z.ZodTypeAny,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Validates path parameters, query and body merged into one object. */
  input: S;
  /** The success body: the handler must return what it accepts, so the two cannot drift. */
  output: O;
  permission: P;
  /** The status of a successful answer (200 unless given). */
  status?: number;
  /** The answer's media type when it is not JSON (previews are HTML pages). */
  mediaType?: 'text/html';
  /** For uploads: the multipart/form-data fields, for the documentation; the handler reads them. */
  multipart?: z.ZodType;
  /** Returns the answer; a handler that must send it itself (a page) returns the reply. */
  handle(context: EndpointContext<z.infer<S>, CallerOf<P>>): Promise<z.input<O> | FastifyReply>;
}

/** A JSON object, not an array, null, text or a number. */
const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Path parameters, query and body as one object. A body that is not a JSON object is refused
 * rather than read as no fields (or an array as fields named 0, 1, …).
 */
function merged(request: FastifyRequest): Record<string, unknown> {
  const { body } = request;
  if (body !== undefined && !isPlainObject(body))
    throw invalid('body: must be a JSON object', 'body');
  return { ...(request.query as object), ...body, ...(request.params as object) };
}

function authorizeCall(actor: Actor | null, permission: Permission): void {
  if (permission === 'public') return;
  if (!actor) throw unauthenticated();
  if (permission !== 'signed_in') authorize(actor, permission);
}

/** What the API documentation needs to know of an endpoint. */
export interface EndpointDescription {
  method: string;
  url: string;
  input: z.ZodType;
  output: z.ZodType;
  permission: Permission;
  status: number;
  mediaType?: 'text/html';
  multipart?: z.ZodType;
}

const REGISTERED = new Map<string, EndpointDescription>();

/** Every endpoint declared so far, for the OpenAPI document; one entry per method and path. */
export const registeredEndpoints = (): EndpointDescription[] => [...REGISTERED.values()];

/**
 * In tests, a successful answer its output schema does not describe exactly becomes a 500 that
 * says where they differ, so the integration suite proves the schemas true. Production skips it.
 */
function checkedAnswer(spec: EndpointDescription, reply: FastifyReply, answer: unknown): unknown {
  if (reply.statusCode >= 300) return answer;
  const mismatch = responseMismatch(spec.output, answer);
  if (!mismatch) return answer;
  const error = `${spec.method} ${spec.url} answered what its output schema does not say: ${mismatch}`;
  reply.log.error(error);
  reply.code(500);
  return { error };
}

/** Registers one endpoint; see the module comment for the fixed order of its steps. */
export function defineEndpoint<
  S extends z.ZodTypeAny,
  P extends Permission,
  O extends z.ZodTypeAny,
>(server: FastifyInstance, spec: EndpointSpec<S, P, O>): void {
  if (!spec.permission) throw forbidden(`${spec.method} ${spec.url} declares no permission`);
  const { method, url, input, output, permission } = spec;
  const description: EndpointDescription = {
    method,
    url,
    input,
    output,
    permission,
    status: spec.status ?? 200,
    mediaType: spec.mediaType,
    multipart: spec.multipart,
  };
  REGISTERED.set(`${method} ${url}`, description);
  server.route({
    method: spec.method,
    url: spec.url,
    ...(server.checkResponses && {
      preSerialization: async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
        Promise.resolve(checkedAnswer(description, reply, payload)),
    }),
    handler: async (request, reply) => {
      const input = parseWith<S>(spec.input, merged(request));
      authorizeCall(request.actor, spec.permission);
      const result = await spec.handle({
        input,
        actor: request.actor as CallerOf<P>,
        request,
        reply,
      });
      if (reply.sent) return reply;
      const status = spec.status ?? 200;
      // A 204 has no body to check or send; any other empty answer is JSON null.
      return reply
        .code(status)
        .header('cache-control', 'no-store')
        .send(status === 204 ? undefined : (result ?? null));
    },
  });
}
