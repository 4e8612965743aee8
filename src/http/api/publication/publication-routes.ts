import type { FastifyInstance } from 'fastify';
import { applySettings } from '../../../services/apply-settings.js';
import type { Clock, Stores } from '../../../services/ports.js';
import type { PublicationCache } from '../../../services/publication-cache.js';
import { defineEndpoint } from '../define-endpoint.js';
import { registerEmbedRoutes } from '../embeds/embeds-routes.js';
import { nothing, paperClockOutput, settingsInput, settingsOutput } from './publication-schema.js';

export interface PublicationRouteDeps {
  stores: Stores;
  clock: Clock;
  publication: PublicationCache;
}

/**
 * The publication's settings (editor-in-chief), the paper's clock, and the embed providers its
 * allow-list is chosen from. The fronts' running order is in front-routes.
 */
export function registerPublicationRoutes(server: FastifyInstance, deps: PublicationRouteDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/settings',
    input: nothing,
    output: settingsOutput,
    permission: 'settings.manage',
    handle: async () => (await deps.publication.current()).settings,
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/settings',
    input: settingsInput,
    output: settingsOutput,
    permission: 'settings.manage',
    handle: async ({ input, actor }) => {
      const settings = await applySettings(deps, input, actor);
      deps.publication.invalidate();
      return settings;
    },
  });
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/paper-clock',
    input: nothing,
    output: paperClockOutput,
    permission: 'signed_in',
    // Every member needs the paper's zone to show times, not only those who may read settings.
    handle: async () => {
      const { settings } = await deps.publication.current();
      return { name: settings.name, timeZone: settings.timezone };
    },
  });
  registerEmbedRoutes(server, deps.publication);
}
