import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { POLL_MINUTES, type WireSource } from '../../../domain/wire/wire-source.js';
import {
  addWireSource,
  changeWireSource,
  listWireSources,
  pollWireSourceNow,
  removeWireSource,
} from '../../../services/wire/manage-wire-sources.js';
import type { WireSourceDeps } from '../../../services/wire/wire-source-deps.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  addWireSourceInput,
  changeWireSourceInput,
  listWireSourcesInput,
  oneWireSourceOutput,
  wireSourceIdInput,
  wireSourceListOutput,
  type WireSourceView,
} from './wire-source-schema.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

// The validators (ETag, Last-Modified) are the poller's business, not the desk's.
const present = (s: WireSource): WireSourceView => ({
  id: s.id,
  name: s.name,
  agency: s.agency,
  kind: s.kind,
  location: s.location,
  intervalMinutes: s.intervalMinutes,
  enabled: s.enabled,
  nextPollAt: s.nextPollAt.toISOString(),
  lastPolledAt: iso(s.lastPolledAt),
  lastSuccessAt: iso(s.lastSuccessAt),
  lastError: s.lastError,
  lastErrorAt: iso(s.lastErrorAt),
  lastReceived: s.lastReceived,
  failures: s.failures,
});

/** The wire's sources (editors and up): list with health, add, change, remove, poll now. */
export function registerWireSourceRoutes(server: FastifyInstance, deps: WireSourceDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/wire-sources',
    input: listWireSourcesInput,
    output: wireSourceListOutput,
    permission: 'wire_source.manage',
    handle: async ({ actor }) => ({
      sources: (await listWireSources(deps, actor)).map(present),
      intervalMinutes: { min: POLL_MINUTES.min, max: POLL_MINUTES.max },
    }),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/wire-sources',
    input: addWireSourceInput,
    output: oneWireSourceOutput,
    permission: 'wire_source.manage',
    status: 201,
    handle: async ({ actor, input }) => ({
      source: present(await addWireSource(deps, actor, input)),
    }),
  });
  defineEndpoint(server, {
    method: 'PUT',
    url: '/api/admin/wire-sources/:id',
    input: changeWireSourceInput,
    output: oneWireSourceOutput,
    permission: 'wire_source.manage',
    handle: async ({ actor, input: { id, ...settings } }) => ({
      source: present(await changeWireSource(deps, actor, id, settings)),
    }),
  });
  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/wire-sources/:id',
    input: wireSourceIdInput,
    output: z.void(),
    permission: 'wire_source.manage',
    status: 204,
    handle: ({ actor, input }) => removeWireSource(deps, actor, input.id),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/wire-sources/:id/poll',
    input: wireSourceIdInput,
    output: oneWireSourceOutput,
    permission: 'wire_source.manage',
    handle: async ({ actor, input }) => ({
      source: present(await pollWireSourceNow(deps, actor, input.id)),
    }),
  });
}
