/**
 * Refuses, before any route validates or acts, a request whose path parameters, query or body
 * hold text PostgreSQL cannot store (a NUL, a lone surrogate): 400 naming the field, on both
 * engines alike, instead of a database error deep in a service. One hook for every route,
 * reader pages and APIs; multipart fields, parsed later by their route, go through the same
 * refuseUnstorableText.
 */
import type { FastifyInstance, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { refuseUnstorableText } from '../../../domain/storable-text.js';

function refuseUnstorableInput(
  request: FastifyRequest,
  _reply: unknown,
  done: HookHandlerDoneFunction,
): void {
  try {
    refuseUnstorableText(request.params);
    refuseUnstorableText(request.query);
    refuseUnstorableText(request.body, 'body');
    done();
  } catch (error) {
    done(error as Error);
  }
}

/** A route the guard covers: every one registered after it, in any context. */
export interface GuardedRoute {
  method: string;
  url: string;
}

const GUARDED = new WeakMap<FastifyInstance, GuardedRoute[]>();

/** The routes the guard has seen registered on this server, for the test that attacks each. */
export const guardedRoutes = (server: FastifyInstance): readonly GuardedRoute[] =>
  GUARDED.get(server) ?? [];

/** Adds the hook to the server; call before any route is registered. */
export function registerStorableTextGuard(server: FastifyInstance): void {
  const routes: GuardedRoute[] = [];
  GUARDED.set(server, routes);
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url });
  });
  server.addHook('preValidation', refuseUnstorableInput);
}
